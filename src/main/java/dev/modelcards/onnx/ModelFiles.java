package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelcards.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Models, the export manifest and the verify reports through the one safe writer ({@link SafeFiles}): a regular
 * target is replaced atomically, a symbolic link is written through, a device or FIFO is written in place,
 * {@code -} is standard output. Temporary files are named {@code .<target>.<pid>-<n>.tmp}: never a name
 * {@code verify} reads, unique per writer, and tagged with the writing process so that a later run can
 * remove those a killed run left ({@link #sweep}).
 */
public final class ModelFiles {
    static final SafeFiles WRITER = new SafeFiles(".tmp");

    private ModelFiles() {
    }

    /**
     * Serializes {@code model} to {@code target} atomically; a killed process leaves at most a *.tmp file.
     *
     * @param model the ONNX model
     * @param target the file to write
     */
    public static void write(ModelProto model, Path target) {
        write(target, out -> model.writeTo(out));
    }

    /** Writes {@code bytes} to {@code target} by the writer's policy. */
    public static void write(byte[] bytes, Path target) {
        write(target, out -> out.write(bytes));
    }

    static void writeAtomically(Path target, SafeFiles.Content content) {
        write(target, content);
    }

    private static void write(Path target, SafeFiles.Content content) {
        try {
            WRITER.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the temporary files in {@code dir} whose writing process no longer runs (killed mid-write);
     * those of live processes, this one included, are left alone.
     *
     * @param dir a models folder
     * @return the removed files
     */
    public static List<Path> sweep(Path dir) {
        try {
            return WRITER.sweep(dir, false, false);
        } catch (IOException e) {
            return List.of(); // best effort: a stray temp file wastes space but is never read as a model
        }
    }

    /**
     * Fails now, with the message a later {@link #write} would give, if {@code target} cannot be written
     * (read-only, missing permission): a long run should not end with nowhere to put its report.
     */
    public static void requireWritable(Path target) {
        try {
            WRITER.requireWritable(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
