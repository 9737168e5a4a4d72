package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelcards.FileErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees a half-written one: temp file beside the target, then a move.
 * Temporary files are named {@code .<target>.<pid>-<n>.tmp}: never a name {@code verify} reads, unique per
 * writer (concurrent exports into one folder do not share one), and tagged with the writing process so
 * that a later run can remove those a killed run left ({@link #sweep}).
 */
public final class ModelFiles {
    private static final String TMP_SUFFIX = ".tmp";
    private static final Pattern TMP_NAME = Pattern.compile("\\..+\\.(\\d+)-\\d+" + Pattern.quote(TMP_SUFFIX));
    private static final AtomicLong COUNTER = new AtomicLong();

    private ModelFiles() {
    }

    /**
     * Serializes {@code model} to {@code target} atomically; a killed process leaves at most a *.tmp file.
     *
     * @param model the ONNX model
     * @param target the file to write
     */
    public static void write(ModelProto model, Path target) {
        writeAtomically(target, out -> model.writeTo(out));
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @param bytes the content
     * @param target the file to write
     */
    public static void write(byte[] bytes, Path target) {
        writeAtomically(target, out -> out.write(bytes));
    }

    /**
     * Removes the temporary files in {@code dir} whose writing process no longer runs (killed mid-write);
     * those of live processes, this one included, are left alone.
     *
     * @param dir a models folder
     * @return the removed files
     */
    public static List<Path> sweep(Path dir) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + TMP_SUFFIX)) {
            for (Path p : files) {
                Matcher m = TMP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != self && ProcessHandle.of(pid).isEmpty() && Files.deleteIfExists(p)) {
                        removed.add(p);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // best effort: a stray temp file wastes space but is never read as a model
        }
        return removed;
    }

    /**
     * Fails now, with the message a later {@link #write} would give, if {@code target}'s folder cannot take a
     * new file (read-only, missing permission): a long run should not end with nowhere to put its report.
     *
     * @param target a file to be written later
     */
    public static void requireWritable(Path target) {
        writeAtomically(target.resolveSibling("." + target.getFileName() + ".probe"), out -> { }, target);
        try {
            Files.deleteIfExists(target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".probe"));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(FileErrors.cannotWrite(target, null, e), e));
        }
    }

    /** What to write into the temporary file. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path target, Writer writer) {
        writeAtomically(target, writer, target);
    }

    /** Writes {@code target}; failures are reported as failures to write {@code reported}. */
    private static void writeAtomically(Path target, Writer writer, Path reported) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet() + TMP_SUFFIX);
        boolean moved = false;
        try {
            Files.createDirectories(dir);
            // CREATE_NEW rather than createTempFile: the file gets the umask's permissions, not 0600
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(FileErrors.cannotWrite(reported, tmp, e), e));
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the folder refuses changes; sweep() removes the file once this process is gone
                }
            }
        }
    }
}
