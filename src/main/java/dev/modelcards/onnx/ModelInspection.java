package dev.modelcards.onnx;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What verify learns of a model file before onnxruntime sees it: the file's SHA-256 (hashed while it is read), the
 * checked protobuf ({@link OnnxReader}) and the shape walk's counts ({@link ShapeWalk}), or why the file cannot be
 * checked. All of it is plain Java with no shared state, so {@link VerifyRun} inspects the next file on another
 * core while onnxruntime loads and runs the current one.
 */
public final class ModelInspection {
    private final String source;
    private final String sha256;
    private final OnnxReader.Checked model;
    private final GraphStats stats;
    private final List<String> notes;
    private final Verifier.ModelUnreadable failure;

    private ModelInspection(String source, String sha256, OnnxReader.Checked model, GraphStats stats,
                            List<String> notes, Verifier.ModelUnreadable failure) {
        this.source = source;
        this.sha256 = sha256;
        this.model = model;
        this.stats = stats;
        this.notes = notes;
        this.failure = failure;
    }

    /**
     * Reads, hashes, checks and measures {@code file}; never throws for a bad file (the failure is kept for
     * {@link #checked()}).
     *
     * @param file the model file
     * @return what was learnt
     */
    public static ModelInspection of(Path file) {
        MessageDigest digest = sha256Digest();
        OnnxReader.Checked checked;
        try {
            checked = OnnxReader.read(file, digest);
        } catch (Verifier.ModelUnreadable e) {
            // as before the hash was taken while reading: a file that is no checked model has no model_sha256
            return new ModelInspection(file.toString(), null, null, null, List.of(), e);
        }
        return measure(file.toString(), HexFormat.of().formatHex(digest.digest()), checked);
    }

    /**
     * Measures a model already read and checked; {@code source} names it in messages.
     *
     * @param source the file or other origin of the model
     * @param model  the checked model
     * @return what was learnt (no SHA-256: the bytes were not read here)
     */
    public static ModelInspection of(String source, OnnxReader.Checked model) {
        return measure(source, null, model);
    }

    private static ModelInspection measure(String source, String sha256, OnnxReader.Checked model) {
        GraphStats stats;
        try {
            stats = ShapeWalk.measure(model.model());
        } catch (ShapeWalk.InvalidGraph e) {
            return new ModelInspection(source, sha256, model, null, List.of(),
                    new Verifier.ModelUnreadable(source + ": " + e.getMessage()));
        }
        List<String> notes = stats.macsKnown() ? List.of() : List.of("MACs not measured: " + stats.unknownOps());
        return new ModelInspection(source, sha256, model, stats, notes, null);
    }

    /** {@return the file (or other origin) the model came from, as messages name it} */
    public String source() {
        return source;
    }

    /** {@return the SHA-256 of the file's bytes in hex, or null if they did not make a checked model} */
    public String sha256() {
        return sha256;
    }

    /**
     * The checked model, for onnxruntime.
     *
     * @return the model
     * @throws Verifier.ModelUnreadable why the file cannot be checked, naming it
     */
    public OnnxReader.Checked checked() throws Verifier.ModelUnreadable {
        if (failure != null) {
            throw failure;
        }
        return model;
    }

    /** {@return the shape walk's counts, or null if the file cannot be checked} */
    public GraphStats stats() {
        return stats;
    }

    /** {@return facts that could not be measured (never failures by themselves)} */
    public List<String> notes() {
        return notes;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
