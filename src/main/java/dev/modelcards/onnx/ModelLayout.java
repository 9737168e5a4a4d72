package dev.modelcards.onnx;

/**
 * The documented file layout of a models folder ({@code export --out DIR}, {@code verify --models DIR}):
 * one file per variant and head, {@code <variant>-<head>.onnx}, e.g.
 * {@code mobilenet_v2_075_96-feature_vector.onnx}, shared by every version of that handle; a
 * {@code manifest.json} beside them may map handles (with or without version) to other file names.
 */
public final class ModelLayout {
    /** The manifest's file name inside a models folder. */
    public static final String MANIFEST = "manifest.json";

    private ModelLayout() {
    }

    /** {@code <variant>-<head>.onnx}. */
    public static String fileName(String variantName, String head) {
        return variantName + "-" + head + ".onnx";
    }
}
