package dev.modelcards.onnx;

import dev.modelcards.Variant;
import dev.modelcards.catalog.Architecture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything that determines one exported model file: the architecture, multiplier, input resolution, head
 * and layout. Versions of a variant share one spec and so one file. The {@link #contentHash()} keys the
 * cache and seeds the weights, so equal specs give byte-identical files.
 *
 * @param name       the variant name, e.g. {@code mobilenet_v2_075_96}
 * @param handle     the variant handle without version
 * @param arch       the family's layer stack
 * @param multiplier the depth multiplier
 * @param resolution input height and width
 * @param head       {@code classification} or {@code feature_vector}
 * @param classes    number of logits (classification only)
 * @param nchw       true to export channels-first input (only to prove the verifier catches it)
 */
public record BuildSpec(String name, String handle, Architecture arch, BigDecimal multiplier, int resolution,
                        String head, int classes, boolean nchw) {

    /** Bump when the builder's output changes for the same spec, so cached files are rebuilt. */
    static final String BUILDER_VERSION = "modelcards-onnx-builder/1";

    /** The spec of the model a catalog variant declares. */
    public static BuildSpec of(Variant v) {
        return new BuildSpec(v.name(), v.handle(), v.family().architecture(), v.multiplier(), v.resolution(), v.head(),
                v.isClassifier() ? v.numClasses() : 0, false);
    }

    /** Whether the model ends in class logits rather than the feature vector. */
    public boolean classifier() {
        return classes > 0;
    }

    /** The same model at another input resolution (to build deliberately wrong models in tests). */
    public BuildSpec withResolution(int r) {
        return new BuildSpec(name, handle, arch, multiplier, r, head, classes, nchw);
    }

    /** The same model with another number of classes. */
    public BuildSpec withClasses(int c) {
        return new BuildSpec(name, handle, arch, multiplier, resolution, head, c, nchw);
    }

    /** The same model with channels-first input. */
    public BuildSpec withNchw() {
        return new BuildSpec(name, handle, arch, multiplier, resolution, head, classes, true);
    }

    /** The file name the export layout and {@code verify --models} use: {@code <variant>-<head>.onnx}. */
    public String fileName() {
        return ModelLayout.fileName(name, head);
    }

    /** SHA-256 (hex) of every field that shapes the file, plus the builder version. */
    public String contentHash() {
        String canonical = BUILDER_VERSION + "\n" + arch + "\n" + multiplier.toPlainString() + "\n" + resolution
                + "\n" + head + "\n" + classes + "\n" + (nchw ? "nchw" : "nhwc");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The weight seed: the first 16 hex digits of the content hash. */
    long seed() {
        return Long.parseUnsignedLong(contentHash().substring(0, 16), 16);
    }
}
