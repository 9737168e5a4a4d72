package dev.modelcards.faults;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hostile file systems for a test: a folder nobody may write to and a tiny file system that fills up.
 * Root ignores permission bits, so as root a read-only folder is a read-only bind mount of itself; a
 * tiny file system needs {@code mount -t tmpfs} (root). Where neither works the test is skipped with
 * the reason. Every mount is undone by {@link AutoCloseable#close()}.
 */
final class Mounts {
    private Mounts() {
    }

    /** Something to undo. */
    interface Undo extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Makes {@code dir} and everything under it read-only for this machine's processes until closed. */
    static Undo readOnly(Path dir) throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(dir)) {
            dirs = walk.filter(Files::isDirectory).toList();
        }
        Set<PosixFilePermission> rx = PosixFilePermissions.fromString("r-xr-xr-x");
        Set<PosixFilePermission> rwx = PosixFilePermissions.fromString("rwxr-xr-x");
        for (Path d : dirs) {
            Files.setPosixFilePermissions(d, rx);
        }
        Undo chmod = () -> {
            for (Path d : dirs) {
                Files.setPosixFilePermissions(d, rwx);
            }
        };
        if (!writable(dir)) {
            return chmod; // an ordinary user: permission bits are enough
        }
        chmod.close();
        if (!sh("mount", "--bind", dir.toString(), dir.toString())) {
            abort("cannot make a folder read-only here: permission bits do not stop this user (root) and "
                    + "'mount --bind' failed; skipping");
        }
        Undo unmount = () -> umount(dir);
        if (!sh("mount", "-o", "remount,bind,ro", dir.toString()) || writable(dir)) {
            unmount.close();
            abort("cannot make a folder read-only here: 'mount -o remount,bind,ro' failed; skipping");
        }
        return unmount;
    }

    /**
     * Mounts a tmpfs of {@code kib} KiB on {@code dir} (created if needed), or skips the test where this
     * user may not mount.
     */
    static Undo tmpfs(Path dir, long kib) throws IOException {
        Files.createDirectories(dir);
        if (!sh("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", dir.toString())) {
            abort("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN); skipping the full-disk case");
        }
        return () -> umount(dir);
    }

    /** Fills {@code dir}'s file system until at most {@code leaveKib} KiB are free, with one file. */
    static void fill(Path dir, long leaveKib) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        long fill = free - leaveKib * 1024;
        if (fill > 0) {
            try (var ch = java.nio.channels.FileChannel.open(dir.resolve("filler"),
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(64 * 1024);
                long left = fill;
                while (left > 0) {
                    chunk.clear().limit((int) Math.min(chunk.capacity(), left));
                    left -= ch.write(chunk);
                }
            }
        }
    }

    private static boolean writable(Path dir) {
        Path probe = dir.resolve(".probe-" + ProcessHandle.current().pid());
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void umount(Path dir) throws IOException {
        if (!sh("umount", dir.toString()) && !sh("umount", "-l", dir.toString())) {
            throw new IOException("could not unmount " + dir);
        }
    }

    private static boolean sh(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
