package dev.modelcards.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers (and a run killed with -9) see either the old or the new content, never
 * a truncated one: the bytes go to a temporary file beside the target and the temporary file is renamed
 * over the target in one step. The data is not forced to disk (fsync per file made a full generate
 * ten times slower); a process kill cannot truncate a file, a power cut in the middle of a run could.
 */
final class AtomicFiles {
    /** Suffix of the temporary files; a run that was killed leaves at most one per target, reused next time. */
    static final String TMP_SUFFIX = ".modelcards-tmp";

    private AtomicFiles() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("the file system of " + dir + " cannot rename files atomically; cannot write safely", e);
        }
    }
}
