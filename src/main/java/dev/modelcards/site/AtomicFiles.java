package dev.modelcards.site;

import dev.modelcards.FileErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a file so that readers (and a run killed with -9) see either the old or the new content, never
 * a truncated one: the bytes go to a temporary file beside the target and the temporary file is renamed
 * over the target in one step. The data is not forced to disk (fsync per file made a full generate
 * ten times slower); a process kill cannot truncate a file, a power cut in the middle of a run could.
 * A write that fails (disk full, read-only folder) removes its temporary file and leaves the target as it was.
 */
final class AtomicFiles {
    /** Suffix of the temporary files; a run that was killed leaves at most one per target, reused next time. */
    static final String TMP_SUFFIX = ".modelcards-tmp";

    private AtomicFiles() {
    }

    /** The temporary file {@link #write} uses for {@code target}: hidden, beside it, never a card name. */
    static Path tempOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + TMP_SUFFIX);
    }

    /** @throws IOException whose message names {@code target} and the reason, ready for the user */
    static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = tempOf(target);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(tmp);
            throw new IOException("the file system of " + target.getParent() + " cannot rename files atomically; cannot write safely", e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new IOException(FileErrors.cannotWrite(target, tmp, e), e);
        }
    }

    /**
     * Removes the temporary files runs killed mid-write left anywhere under {@code site} (a completed run
     * reuses and renames those of the files it rewrites, but not those of files that were already right).
     *
     * @return the removed files
     */
    static List<Path> sweep(Path site) throws IOException {
        List<Path> stray;
        try (Stream<Path> walk = Files.walk(site)) {
            stray = walk.filter(p -> p.getFileName().toString().endsWith(TMP_SUFFIX) && Files.isRegularFile(p)).toList();
        }
        for (Path p : stray) {
            Files.deleteIfExists(p);
        }
        return stray;
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the folder refuses changes; the next completed run sweeps the file
        }
    }
}
