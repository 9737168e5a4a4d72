package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @Test
    void failedWriteLeavesNeitherTargetNorTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("m.onnx");
        assertThatThrownBy(() -> ModelFiles.writeAtomically(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot write " + target);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void failedRewriteKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("m.onnx");
        ModelFiles.write(new byte[] {1, 2, 3}, target);
        assertThatThrownBy(() -> ModelFiles.writeAtomically(target, out -> {
            out.write(9);
            throw new IOException("killed");
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }
}
