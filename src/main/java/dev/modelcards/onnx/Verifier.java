package dev.modelcards.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modelcards.ModelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks model files against the catalog. Each file is read and opened once, however many published
 * versions share it, and its session is closed before the next file is opened, so memory stays flat as the
 * catalog grows. A file that cannot be checked (missing, not a regular file, too big, truncated, not ONNX, a
 * broken or absurd graph, an inference beyond {@link OnnxModel}'s bounds) yields an {@code error} result for its
 * handles, with one line saying why, and the run goes on.
 */
public final class Verifier {
    private final OrtEnvironment env;

    /**
     * A verifier using {@code env} for every session.
     *
     * @param env the onnxruntime environment
     */
    public Verifier(OrtEnvironment env) {
        this.env = env;
    }

    /**
     * Results for every version in {@code versions}, all of which use {@code file}.
     *
     * @param file the model file
     * @param versions the published models that use it
     * @return one result per version
     */
    public List<VerifyResult> verify(Path file, List<ModelVersion> versions) {
        return verify(ModelInspection.of(file), versions);
    }

    /**
     * Results for every version in {@code versions}, all of which use the inspected file: loads it in
     * onnxruntime, runs it once and compares.
     *
     * @param inspected the file, read and measured
     * @param versions the published models that use it
     * @return one result per version
     */
    public List<VerifyResult> verify(ModelInspection inspected, List<ModelVersion> versions) {
        String model = inspected.source();
        String sha256 = inspected.sha256();
        Observation o;
        try {
            o = observe(inspected);
        } catch (ModelUnreadable e) {
            List<VerifyResult> out = new ArrayList<>();
            for (ModelVersion v : versions) {
                Declared d = Declared.of(v.variant());
                out.add(new VerifyResult(v.handle(), model, sha256, VerifyResult.ERROR, d, null, List.of(),
                        d.warnings(), v.handle() + ": " + e.getMessage(), null));
            }
            return out;
        }
        List<VerifyResult> out = new ArrayList<>();
        Actual actual = o.actual();
        for (ModelVersion v : versions) {
            // the checks are pure comparisons of the one observation: cheap to repeat per version
            Declared d = Declared.of(v.variant());
            List<Mismatch> named = Checks.compare(v.handle(), d, o);
            List<String> warnings = new ArrayList<>(d.warnings());
            warnings.addAll(o.notes());
            out.add(new VerifyResult(v.handle(), model, sha256, named.isEmpty() ? VerifyResult.OK
                    : VerifyResult.MISMATCH, d, actual, named, List.copyOf(warnings), null, null));
        }
        return out;
    }

    /**
     * Loads {@code file} once: read and checked ({@link OnnxReader}), shape walk, onnxruntime session, one
     * deterministic run within {@link OnnxModel}'s bounds.
     */
    public Observation observe(Path file) throws ModelUnreadable {
        return observe(ModelInspection.of(file));
    }

    /** {@link #observe(Path)} of a model already read and checked; {@code source} names it in messages. */
    public Observation observe(String source, OnnxReader.Checked model) throws ModelUnreadable {
        return observe(ModelInspection.of(source, model));
    }

    /** {@link #observe(Path)} of a model already inspected: the onnxruntime part. */
    private Observation observe(ModelInspection inspected) throws ModelUnreadable {
        String source = inspected.source();
        OnnxReader.Checked model = inspected.checked();
        GraphStats stats = inspected.stats();
        try (OnnxModel m = OnnxModel.load(env, model.bytes())) {
            OnnxModel.Output inference = null;
            if (m.inputs().size() == 1 && m.inputs().get(0).shape().size() == 4
                    && Declared.INPUT_TYPES.contains(m.inputs().get(0).type())) {
                String refused = OnnxModel.refuseRun(stats);
                if (refused != null) {
                    throw new ModelUnreadable(source + ": inference not run: " + refused);
                }
                try {
                    inference = m.runDeterministic();
                } catch (OrtException | IllegalArgumentException e) {
                    throw new ModelUnreadable("inference failed on " + source + ": " + OnnxModel.reason(e));
                }
            }
            return new Observation(m.inputs(), m.outputs(), stats, inference, inspected.notes());
        } catch (OrtException e) {
            throw new ModelUnreadable("not a loadable ONNX model (truncated, corrupt or not ONNX): " + source + ": "
                    + OnnxModel.reason(e));
        }
    }

    /** A model file that cannot be checked at all; the message names the file and the reason. */
    public static final class ModelUnreadable extends Exception {
        private static final long serialVersionUID = 1L;

        ModelUnreadable(String message) {
            super(message, null, false, false);
        }
    }
}
