package dev.modelcards.onnx;

import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import java.nio.file.Path;

/** Where the model file of a published model comes from. */
public interface ModelSource {
    /**
     * The file for {@code m} (it need not exist yet).
     *
     * @param m a published model
     * @return its file
     */
    Path fileFor(ModelVersion m);

    /**
     * Makes sure {@code file} exists for {@code variant} just before it is verified; returns whether it built it.
     *
     * @param file the file {@link #fileFor} named
     * @param variant the variant it holds
     * @return whether this call built the file
     */
    default boolean prepare(Path file, Variant variant) {
        return false;
    }

    /**
     * Freshly exported reference models in a content-hash cache: built on first use, reused afterwards.
     *
     * @param cache where the models are kept
     * @return the source
     */
    static ModelSource fresh(ModelCache cache) {
        return new ModelSource() {
            @Override
            public Path fileFor(ModelVersion m) {
                return cache.pathOf(BuildSpec.of(m.variant()));
            }

            @Override
            public boolean prepare(Path file, Variant variant) {
                return cache.get(BuildSpec.of(variant)).built();
            }
        };
    }

    /**
     * A folder laid out as {@link ModelLayout} documents, with an optional {@link Manifest}.
     *
     * @param dir the models folder
     * @return the source
     */
    static ModelSource folder(Path dir) {
        Manifest manifest = Manifest.read(dir);
        return m -> manifest.resolve(dir, m.handle(), m.variant().handle(), ModelLayout.fileName(m.variant()));
    }
}
