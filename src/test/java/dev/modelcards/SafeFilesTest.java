package dev.modelcards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one safe writer, case by case (regular files, links, devices, FIFOs, folders, stdout, temp names, lock). */
class SafeFilesTest {
    private static final SafeFiles WRITER = new SafeFiles(".test-tmp");

    @TempDir
    Path dir;

    private String[] names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aRegularFileIsReplacedAtomicallyLeavingNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.md");
        Files.writeString(target, "old");
        Object before = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        WRITER.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("a new file renamed over the old one, not the old one rewritten").isNotEqualTo(before);
        assertThat(names()).containsExactly("a.md");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesItsTemporaryFile() throws IOException {
        Path target = dir.resolve("a.md");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> WRITER.write(target, out -> {
            out.write(1);
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + target + ": no space left on device");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names()).containsExactly("a.md");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        WRITER.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(names()).containsExactly("link.json", "real.json");
    }

    @Test
    void aLinkToNothingIsRefusedWithOneLine() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("gone/x.json"));
        assertThatThrownBy(() -> WRITER.write(link, new byte[] {1}))
                .hasMessage("cannot write " + link + ": it is a symbolic link to gone/x.json, which does not exist");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("report.json"));
        assertThatThrownBy(() -> WRITER.write(folder, new byte[] {1})).hasMessage("cannot write " + folder + ": it is a folder");
        assertThatThrownBy(() -> WRITER.requireWritable(folder)).hasMessageContaining("it is a folder");
    }

    @Test
    void aDeviceIsWrittenInPlaceNotReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        WRITER.write(devNull, "discarded".getBytes(StandardCharsets.UTF_8));
        WRITER.requireWritable(devNull);
        assertThat(Files.isRegularFile(devNull)).as("still a device (root could replace it by renaming)").isFalse();
        assertThat(Files.exists(devNull)).isTrue();
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("report.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        WRITER.write(fifo, "through the pipe".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(names()).containsExactly("report.fifo");
    }

    @Test
    void dashIsStandardOutput() throws IOException {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            WRITER.write(Path.of("-"), "{\"ok\": true}\n".getBytes(StandardCharsets.UTF_8));
            WRITER.requireWritable(Path.of("-"));
        } finally {
            System.setOut(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("{\"ok\": true}\n");
        assertThat(Path.of("-")).as("no file named -").doesNotExist();
    }

    @Test
    void temporaryNamesAreHiddenPerProcessAndPerWrite() {
        Path t = dir.resolve("m.onnx");
        Path a = WRITER.tempOf(t);
        Path b = WRITER.tempOf(t);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getFileName().toString()).startsWith(".m.onnx." + ProcessHandle.current().pid() + "-").endsWith(".test-tmp");
        assertThat(WRITER.isTemporary(a.getFileName().toString())).isTrue();
        assertThat(WRITER.isTemporary(WRITER.lockName())).as("the lock is not swept as a temporary file").isFalse();
    }

    @Test
    void sweepRemovesOnlyTheTemporaryFilesOfDeadWriters() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.write(dir.resolve(".a.md." + gone.pid() + "-1.test-tmp"), new byte[1]);
        Path live = Files.write(dir.resolve(".a.md." + ProcessHandle.current().parent().orElseThrow().pid() + "-1.test-tmp"), new byte[1]);
        Path untagged = Files.write(dir.resolve(".b.md.test-tmp"), new byte[1]);
        assertThat(WRITER.sweep(dir, false, false)).containsExactly(dead);
        assertThat(live).exists();
        assertThat(WRITER.sweep(dir, true, true)).containsExactly(untagged);
        assertThat(live).exists();
    }

    @Test
    void aSecondLockOnTheSameFolderIsRefusedNamingTheHolder() throws IOException {
        try (SafeFiles.Lock held = WRITER.lock(dir)) {
            assertThat(Files.readString(dir.resolve(WRITER.lockName())).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> WRITER.lock(dir))
                    .hasMessageStartingWith("another modelcards process (pid " + ProcessHandle.current().pid() + ") is writing " + dir);
        }
        assertThat(names()).as("the lock file goes with the lock").isEmpty();
        WRITER.lock(dir).close();
    }

    @Test
    void aLockFileAKilledRunLeftIsTakenOver() throws IOException {
        Files.writeString(dir.resolve(WRITER.lockName()), "999999999\n");
        try (SafeFiles.Lock held = WRITER.lock(dir)) {
            assertThat(Files.readString(dir.resolve(WRITER.lockName()))).isEqualTo(ProcessHandle.current().pid() + "\n");
            assertThat(held.takenOverFromAKilledRun()).as("its temporary files need sweeping").isTrue();
        }
        assertThat(names()).isEmpty();
        try (SafeFiles.Lock next = WRITER.lock(dir)) {
            assertThat(next.takenOverFromAKilledRun()).as("the last run ended normally").isFalse();
        }
    }
}
