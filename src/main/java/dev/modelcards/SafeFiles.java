package dev.modelcards;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one safe writer of modelcards: cards and the site's index and manifest ({@code site}), models, the
 * export manifest and the verify reports ({@code onnx}) all go through it, with one policy.
 *
 * <h2>What a write does, by target</h2>
 * <ul>
 *   <li><b>{@code -}</b>: standard output (for {@code --report -}, {@code --junit -}); nothing is created.</li>
 *   <li><b>a regular file, or nothing yet</b>: the bytes go to a temporary file beside the target, which is then
 *       renamed over it in one step, so readers and a run killed with -9 see the old or the new content, never
 *       a truncated one. A file system that cannot rename atomically is refused with an error (no silent
 *       non-atomic fallback). The data is not forced to disk (fsync per file made a full generate ten times
 *       slower): a kill cannot truncate a file, a power cut in the middle of a run could.</li>
 *   <li><b>a symbolic link</b>: written through. The link stays; the file it points to is replaced atomically
 *       as above (or written directly if it is a device or FIFO). A link to nothing is refused.</li>
 *   <li><b>a device or FIFO</b> ({@code /dev/stdout}, {@code /dev/null}, a named pipe): written through, in
 *       place: such a target cannot be replaced by renaming without destroying it (replacing
 *       {@code /dev/stdout} with a regular file, as root, is what the previous writer did).</li>
 *   <li><b>a folder</b>: refused.</li>
 * </ul>
 * Refusals and failures are an {@link IOException} with one line naming the target and the reason.
 *
 * <h2>Temporary files</h2>
 * Named {@code .<target>.<pid>-<n><suffix>}: hidden, never a name a reader takes for a card or model, unique
 * per writer (two processes writing one folder never share one) and tagged with the writing process so that
 * {@link #sweep} removes only those of processes that no longer run. A failed write removes its own.
 *
 * <h2>Lock</h2>
 * {@link #lock} takes an exclusive lock on a folder for the length of a run (an OS file lock, released by the
 * kernel even when the process is killed); a second process is refused at once with a message naming the
 * process that holds it.
 */
public final class SafeFiles {
    /** The target that means standard output. */
    public static final String STDOUT = "-";

    private static final AtomicLong COUNTER = new AtomicLong();

    private final String suffix;
    private final Pattern tagged;

    /** @param suffix the ending of this writer's temporary files ({@code .tmp}, {@code .modelcards-tmp}) */
    public SafeFiles(String suffix) {
        this.suffix = Objects.requireNonNull(suffix);
        this.tagged = Pattern.compile("\\..+\\.(\\d+)-\\d+" + Pattern.quote(suffix));
    }

    /** The ending of this writer's temporary files. */
    public String suffix() {
        return suffix;
    }

    /** What to write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code bytes} to {@code target} by the policy above. */
    public void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} produces to {@code target} by the policy above. */
    public void write(Path target, Content content) throws IOException {
        if (isStdout(target)) {
            PrintStream out = System.out;
            out.flush();
            content.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.write(b, off, len);
                }
            });
            out.flush();
            if (out.checkError()) {
                throw new IOException("cannot write to standard output");
            }
            return;
        }
        Target t = writableTarget(target);
        if (t.attrs() != null && t.attrs().isOther()) {
            writeThrough(target, t.real(), content);
        } else {
            writeAtomically(target, t.real(), content);
        }
    }

    /** Whether {@code target} means standard output. */
    public static boolean isStdout(Path target) {
        return target != null && target.toString().equals(STDOUT);
    }

    /**
     * Fails now, with the message a later {@link #write} would give, if {@code target} cannot be written
     * (read-only folder, missing permission): a long run should not end with nowhere to put its report.
     */
    public void requireWritable(Path target) throws IOException {
        if (isStdout(target)) {
            return;
        }
        Path real = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
        BasicFileAttributes attrs = attributes(real);
        if (attrs != null && (attrs.isOther() || attrs.isDirectory())) {
            if (attrs.isDirectory() || !Files.isWritable(real)) {
                throw new IOException("cannot write " + target + ": " + (attrs.isDirectory() ? "it is a folder" : "permission denied"));
            }
            return;
        }
        Path probe = tempOf(real.toAbsolutePath());
        try {
            Files.createDirectories(probe.getParent());
            Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw new IOException(FileErrors.cannotWrite(target, probe, e), e);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** A fresh temporary file name beside {@code target}, tagged with this process. */
    public Path tempOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + suffix);
    }

    /** Whether {@code name} is one of this writer's temporary files (tagged or from an older untagged writer). */
    public boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(suffix) && !name.equals(lockName());
    }

    /**
     * Name of the lock file {@link #lock} keeps in a folder while a run holds it: {@code .modelcards-lock}
     * plus this writer's suffix, so that one a killed run left counts as a temporary file (and is taken over
     * and removed by the next run).
     */
    public String lockName() {
        return ".modelcards-lock" + suffix;
    }

    /**
     * Removes the temporary files in {@code dir} (and below, if {@code recursive}) whose writing process no
     * longer runs (killed mid-write); those of live processes other than this one are left alone. With
     * {@code untaggedToo}, files with this suffix but no process tag (an older writer's) are removed as well.
     *
     * @return the removed files
     */
    public List<Path> sweep(Path dir, boolean recursive, boolean untaggedToo) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> candidates;
        if (recursive) {
            try (Stream<Path> walk = Files.walk(dir)) {
                candidates = walk.filter(p -> isTemporary(p.getFileName().toString())).toList();
            }
        } else {
            candidates = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + suffix)) {
                files.forEach(candidates::add);
            }
        }
        long self = ProcessHandle.current().pid();
        for (Path p : candidates) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Matcher m = tagged.matcher(p.getFileName().toString());
            boolean remove;
            if (m.matches()) {
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                remove = pid == self ? untaggedToo : ProcessHandle.of(pid).isEmpty();
            } else {
                remove = untaggedToo;
            }
            if (remove && Files.deleteIfExists(p)) {
                removed.add(p);
            }
        }
        return removed;
    }

    /** A held folder lock; closing it releases the lock and removes the lock file. */
    public interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;

        /**
         * Whether the lock file was there before this run took it: left by a run that was killed (a run that
         * ends in any other way removes it), so the folder may hold that run's temporary files.
         */
        default boolean takenOverFromAKilledRun() {
            return false;
        }
    }

    /**
     * Locks {@code dir} (created if missing) for this process, or refuses at once with a message naming the
     * process that holds it. The lock file ({@link #lockName()}, holding the owner's pid) is removed on
     * {@link Lock#close()}; one left by a killed run is simply taken over (the OS released its lock).
     */
    public Lock lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(lockName());
        for (int attempt = 0; attempt < 100; attempt++) {
            Object before = fileKey(file);
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (java.nio.file.AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
                return NOT_LOCKED; // nobody may create files here: no other run can write here either
            } catch (java.nio.file.FileSystemException e) {
                if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("read-only")) {
                    return NOT_LOCKED;
                }
                throw e;
            }
            Object opened = fileKey(file);
            if (opened == null || before != null && !before.equals(opened)) {
                ch.close(); // the file changed while we opened it: we cannot tell which one we have
                continue;
            }
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                String owner = readOwner(ch);
                ch.close();
                throw new IOException("another modelcards process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + " is writing " + dir + " right now (lock file " + file + "); wait for it to finish, then run again");
            }
            // the previous holder may have removed the file between our open and our lock: then the lock is on a
            // file no longer at that path. Compared by file key (stat), never by opening the file again: closing
            // any other descriptor of the file would drop this process's lock (POSIX record locks).
            if (!opened.equals(fileKey(file))) {
                lock.release();
                ch.close();
                continue;
            }
            try {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            } catch (IOException e) {
                // a full disk: the lock holds all the same, without the pid for others to name
            }
            FileLock held = lock;
            boolean killed = before != null;
            return new Lock() {
                @Override
                public void close() throws IOException {
                    try {
                        Files.deleteIfExists(file);
                    } finally {
                        held.release();
                        ch.close();
                    }
                }

                @Override
                public boolean takenOverFromAKilledRun() {
                    return killed;
                }
            };
        }
        throw new IOException("cannot lock " + dir + ": the lock file " + file + " keeps changing");
    }

    private static final Lock NOT_LOCKED = () -> { };

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static String readOwner(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static BasicFileAttributes attributesNoFollow(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void writeThrough(Path target, Path real, Content content) throws IOException {
        try (OutputStream out = Files.newOutputStream(real, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new IOException(FileErrors.cannotWrite(target, real, e), e);
        }
    }

    private void writeAtomically(Path target, Path real, Content content) throws IOException {
        commit(stageAtomically(target, real, content));
    }

    private Staged stageAtomically(Path target, Path real, Content content) throws IOException {
        Path dir = real.toAbsolutePath().getParent();
        Path tmp = tempOf(real.toAbsolutePath());
        boolean written = false;
        try {
            // CREATE_NEW rather than createTempFile: the file gets the umask's permissions, not 0600. The folder is
            // made only when the open finds it missing: Files.createDirectories on a folder that exists costs a
            // failed mkdir, a stat and an exception, for every one of thousands of cards in existing folders.
            try (OutputStream out = openNew(tmp, dir)) {
                content.writeTo(out);
            }
            written = true;
            return new Staged(target, real, tmp, null);
        } catch (IOException e) {
            throw new IOException(FileErrors.cannotWrite(target, tmp, e), e);
        } finally {
            if (!written) {
                deleteQuietly(tmp);
            }
        }
    }

    private static OutputStream openNew(Path tmp, Path dir) throws IOException {
        try {
            return Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            makeFolders(dir);
            return Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /**
     * Files.createDirectories, without its exceptions: it first tries the deepest folder and then probes each
     * parent with an access check that throws when the parent is missing, several exceptions for each of the
     * 75,000 new folders of a 100x site (a TF.js card adds three levels). Here the missing folders are found
     * with stat calls that do not throw, then made from the top. Another thread may make one at the same time.
     */
    private static void makeFolders(Path dir) throws IOException {
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        for (Path d = dir.toAbsolutePath(); d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.push(d);
        }
        for (Path d : missing) {
            try {
                Files.createDirectory(d);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(d)) {
                    throw e;
                }
            }
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the folder refuses changes; sweep() removes the file once this process is gone
        }
    }

    /**
     * A write prepared by {@link #stage} and not yet visible: for a regular file (or a new one), its bytes in a
     * temporary file beside the target, which {@link #commit} renames over it; for a device or FIFO, the
     * bytes themselves, written through at commit.
     */
    public static final class Staged {
        private final Path target;
        private final Path real;
        private final Path tmp;
        private final byte[] through;

        private Staged(Path target, Path real, Path tmp, byte[] through) {
            this.target = target;
            this.real = real;
            this.tmp = tmp;
            this.through = through;
        }

        /** {@return the target as the caller named it} */
        public Path target() {
            return target;
        }

        /**
         * Whether the staged bytes equal the target's current content (a staged stream can then be discarded).
         *
         * @throws IOException if either cannot be read
         */
        public boolean sameAsTarget() throws IOException {
            if (tmp == null || !Files.isRegularFile(real)) {
                return false;
            }
            return Files.mismatch(tmp, real) == -1;
        }

        /** {@return the size of the staged bytes} */
        public long size() throws IOException {
            return tmp == null ? through.length : Files.size(tmp);
        }
    }

    /**
     * The first half of {@link #write}: everything but making the new content visible. A run that stages all
     * its files before committing any leaves every target untouched when one of them cannot be written (full
     * disk, size limit) or a later step fails: {@link #discard} removes what was staged. Folders, links and
     * stdout follow the policy above.
     *
     * @throws IOException whose message names {@code target} and the reason, ready for the user
     */
    public Staged stage(Path target, byte[] bytes) throws IOException {
        return stage(target, out -> out.write(bytes));
    }

    /**
     * The file a write to {@code target} lands in: the target itself, or what a symbolic link points to (the
     * link stays). A dangling link or a folder is refused naming the target.
     */
    private static Target writableTarget(Path target) throws IOException {
        // one stat for the usual case (a regular file or nothing): a generate stages thousands of cards
        BasicFileAttributes attrs = attributesNoFollow(target);
        Path real = target;
        if (attrs != null && attrs.isSymbolicLink()) {
            try {
                real = target.toRealPath();
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": it is a symbolic link to "
                        + linkTarget(target) + ", which does not exist", e);
            }
            attrs = attributes(real);
        }
        if (attrs != null && attrs.isDirectory()) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        return new Target(real, attrs);
    }

    /** Where a write lands (the target, or the file its link points to) and what is there now (null: nothing). */
    private record Target(Path real, BasicFileAttributes attrs) {
    }

    /** {@link #stage(Path, byte[])} for content written to a stream (too big to hold in memory, for regular files). */
    public Staged stage(Path target, Content content) throws IOException {
        if (isStdout(target)) {
            return new Staged(target, target, null, bytesOf(content));
        }
        Target t = writableTarget(target);
        if (t.attrs() != null && t.attrs().isOther()) {
            return new Staged(target, t.real(), null, bytesOf(content));
        }
        return stageAtomically(target, t.real(), content);
    }

    private static byte[] bytesOf(Content content) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        content.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Makes a staged write visible: one atomic rename (or, for a device, FIFO or stdout, the write itself).
     *
     * @throws IOException whose message names the target and the reason
     */
    public void commit(Staged s) throws IOException {
        if (s.tmp == null) {
            write(s.target, s.through);
            return;
        }
        boolean moved = false;
        try {
            Files.move(s.tmp, s.real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot write " + s.target + ": the file system of " + s.real.toAbsolutePath().getParent()
                    + " cannot rename files atomically; cannot write safely", e);
        } catch (IOException e) {
            throw new IOException(FileErrors.cannotWrite(s.target, s.tmp, e), e);
        } finally {
            if (!moved) {
                deleteQuietly(s.tmp);
            }
        }
    }

    /** Drops a staged write that will not be committed (its temporary file is removed; the target is untouched). */
    public void discard(Staged s) {
        if (s.tmp != null) {
            deleteQuietly(s.tmp);
        }
    }
}
