package dev.modelcards.onnx;

import dev.modelcards.Variant;
import dev.modelcards.catalog.Architecture;
import dev.modelcards.catalog.Specs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything that determines one exported model file: the architecture, multiplier, input resolution, head,
 * quantization and layout. Versions of a variant share one spec and so one file. The {@link #contentHash()}
 * keys the cache and seeds the weights, so equal specs give byte-identical files.
 *
 * @param name         the variant name, e.g. {@code mobilenet_v2_075_96}
 * @param handle       the variant handle without version
 * @param arch         the family's layer stack
 * @param multiplier   the depth multiplier
 * @param resolution   input height and width
 * @param head         {@code classification} or {@code feature_vector}
 * @param classes      number of logits (classification only)
 * @param nchw         true to export channels-first input (only to prove the verifier catches it)
 * @param quantization the quantization id ({@code quantops}) for a quantized model, or null for float32
 */
public record BuildSpec(String name, String handle, Architecture arch, BigDecimal multiplier, int resolution,
                        String head, int classes, boolean nchw, String quantization) {

    /** Bump when the builder's output changes for the same spec, so cached files are rebuilt. */
    static final String BUILDER_VERSION = "modelcards-onnx-builder/1";

    /** The element type the quantized builder gives its input; the only one it builds. */
    static final String QUANTIZED_INPUT_TYPE = "uint8";

    /**
     * The spec of the model a catalog variant declares.
     *
     * @param v a catalog variant
     * @return the spec of its reference model
     * @throws IllegalArgumentException for a quantized variant whose input type the builder cannot make
     */
    public static BuildSpec of(Variant v) {
        String quantization = v.quantization().orElse(null);
        if (quantization != null && !QUANTIZED_INPUT_TYPE.equals(Specs.quantization(v).inputType())) {
            throw new IllegalArgumentException(v.handle() + ": quantization " + quantization + " declares input type "
                    + Specs.quantization(v).inputType() + "; the exporter builds " + QUANTIZED_INPUT_TYPE + " only");
        }
        return new BuildSpec(v.name(), v.handle(), Specs.family(v).architecture(), v.multiplier(), v.resolution(), v.head(),
                v.isClassifier() ? v.numClasses() : 0, false, quantization);
    }

    /** {@return whether the model ends in class logits rather than the feature vector} */
    public boolean classifier() {
        return classes > 0;
    }

    /** {@return whether this is a quantized model (uint8 input, quantized weights and activations)} */
    public boolean quantized() {
        return quantization != null;
    }

    /**
     * The same model at another input resolution (to build deliberately wrong models in tests).
     *
     * @param r the input height and width, in pixels
     * @return the changed spec
     */
    public BuildSpec withResolution(int r) {
        return new BuildSpec(name, handle, arch, multiplier, r, head, classes, nchw, quantization);
    }

    /**
     * The same model with another number of classes.
     *
     * @param c the number of classes
     * @return the changed spec
     */
    public BuildSpec withClasses(int c) {
        return new BuildSpec(name, handle, arch, multiplier, resolution, head, c, nchw, quantization);
    }

    /** {@return the same model with channels-first input} */
    public BuildSpec withNchw() {
        return new BuildSpec(name, handle, arch, multiplier, resolution, head, classes, true, quantization);
    }

    /**
     * The float32 model of the same cell and head: a quantized model is built from its stand-in weights, so
     * the two compute (nearly) the same function.
     *
     * @return the float32 spec of this cell and head
     */
    public BuildSpec floatSpec() {
        if (!quantized()) {
            return this;
        }
        String floatHandle = handle.replace("/" + quantization + "/", "/");
        return new BuildSpec(name, floatHandle, arch, multiplier, resolution, head, classes, nchw, null);
    }

    /**
     * The file name the export layout and {@code verify --models} use: {@code <variant>-<head>.onnx}, or
     * {@code <variant>-<quantization>-<head>.onnx} for a quantized model.
     *
     * @return the file name
     */
    public String fileName() {
        return ModelLayout.fileName(name, quantization, head);
    }

    /**
     * SHA-256 (hex) of every field that shapes the file, plus the builder version. A float spec hashes as it
     * did before quantized models existed, so caches of float models stay valid.
     *
     * @return the hash, 64 hex digits
     */
    public String contentHash() {
        String canonical = BUILDER_VERSION + "\n" + arch + "\n" + multiplier.toPlainString() + "\n" + resolution
                + "\n" + head + "\n" + classes + "\n" + (nchw ? "nchw" : "nhwc")
                + (quantized() ? "\nquantized:" + quantization + ":" + QUANTIZED_INPUT_TYPE + ":" + GraphBuilder.QUANT_SCHEME
                : "");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The weight seed: the first 16 hex digits of the content hash, the float model's for a quantized one (its
     * weights are the float model's, quantized).
     */
    long seed() {
        return Long.parseUnsignedLong(floatSpec().contentHash().substring(0, 16), 16);
    }
}
