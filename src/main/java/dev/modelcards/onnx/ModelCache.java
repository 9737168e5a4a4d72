package dev.modelcards.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Freshly exported reference models, kept under a folder (by default {@code target/modelcards-models}) and
 * keyed by the spec's content hash: a second verify finds the file and does not rebuild it, and a changed
 * architecture or builder gets a new file instead of a stale one.
 */
public final class ModelCache {
    /** The default cache folder, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("target", "modelcards-models");

    private final Path dir;

    /**
     * A cache in {@code dir} (created on first write); temporary files killed runs left there are removed.
     *
     * @param dir the cache folder
     */
    public ModelCache(Path dir) {
        this.dir = dir;
        ModelFiles.sweep(dir);
    }

    /** {@return the folder} */
    public Path dir() {
        return dir;
    }

    /**
     * An exported file.
     *
     * @param path  where it is
     * @param built whether this call built it (false: it was already cached)
     */
    public record Entry(Path path, boolean built) {
    }

    /**
     * The cached file of {@code spec}, built and written atomically first if absent.
     *
     * @param spec the model
     * @return its cached file
     */
    public Entry get(BuildSpec spec) {
        Path path = pathOf(spec);
        if (Files.isRegularFile(path)) {
            return new Entry(path, false);
        }
        ModelFiles.write(GraphBuilder.build(spec), path);
        return new Entry(path, true);
    }

    /**
     * Where {@code spec}'s file lives: {@code <variant>-<head>-<first 16 hex digits of the hash>.onnx}, with
     * {@code -<quantization>} after the variant for a quantized model (as {@link ModelLayout} names them).
     *
     * @param spec the model
     * @return its file in the cache
     */
    public Path pathOf(BuildSpec spec) {
        String base = spec.fileName();
        return dir.resolve(base.substring(0, base.length() - ".onnx".length()) + "-" + spec.contentHash().substring(0, 16)
                + ".onnx");
    }
}
