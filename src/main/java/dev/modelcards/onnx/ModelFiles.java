package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a reader never sees a half-written one: temp file beside the target, then a move. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Serializes {@code model} to {@code target} atomically; a killed process leaves at most a *.tmp file. */
    public static void write(ModelProto model, Path target) {
        writeAtomically(target, out -> model.writeTo(out));
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(byte[] bytes, Path target) {
        writeAtomically(target, out -> out.write(bytes));
    }

    /** What to write into the temporary file. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static void writeAtomically(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + target + ": " + e.getMessage(), e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp name never collides with a model file
                }
            }
        }
    }
}
