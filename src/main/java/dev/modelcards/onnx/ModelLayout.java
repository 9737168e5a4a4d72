package dev.modelcards.onnx;

import dev.modelcards.Variant;

/**
 * The documented file layout of a models folder ({@code export --out DIR}, {@code verify --models DIR}):
 * one file per variant and head, {@code <variant>-<head>.onnx}, e.g.
 * {@code mobilenet_v2_075_96-feature_vector.onnx}, and for a quantized variant
 * {@code <variant>-<quantization>-<head>.onnx}, e.g. {@code mobilenet_v1_050_128-quantops-classification.onnx};
 * each shared by every version of that handle. A {@code manifest.json} beside them may map handles (with or
 * without version) to other file names.
 */
public final class ModelLayout {
    /** The manifest's file name inside a models folder. */
    public static final String MANIFEST = "manifest.json";

    private ModelLayout() {
    }

    /**
     * {@code <variant>-<head>.onnx}.
     *
     * @param variantName the variant's handle segment, e.g. {@code mobilenet_v2_075_96}
     * @param head a head id
     * @return the file name
     */
    public static String fileName(String variantName, String head) {
        return fileName(variantName, null, head);
    }

    /**
     * {@code <variant>-<head>.onnx}, or {@code <variant>-<quantization>-<head>.onnx} when quantization is set.
     *
     * @param variantName the variant's handle segment, e.g. {@code mobilenet_v2_075_96}
     * @param quantization a quantization id, or null for a float model
     * @param head a head id
     * @return the file name
     */
    public static String fileName(String variantName, String quantization, String head) {
        return variantName + "-" + (quantization == null ? "" : quantization + "-") + head + ".onnx";
    }

    /**
     * The conventional file name of {@code v}'s model.
     *
     * @param v a catalog variant
     * @return the file name
     */
    public static String fileName(Variant v) {
        return fileName(v.name(), v.quantization().orElse(null), v.head());
    }
}
