package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.modelcards.ModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks model files against the catalog. Each file is read and opened once, however many published
 * versions share it, and its session is closed before the next file is opened, so memory stays flat as the
 * catalog grows. A file that cannot be checked (missing, truncated, not ONNX) yields an {@code error}
 * result for its handles and the run goes on.
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
        String model = file.toString();
        Observation o;
        try {
            o = observe(file);
        } catch (ModelUnreadable e) {
            List<VerifyResult> out = new ArrayList<>();
            for (ModelVersion v : versions) {
                Declared d = Declared.of(v.variant());
                out.add(new VerifyResult(v.handle(), model, VerifyResult.ERROR, d, null, List.of(), d.warnings(),
                        v.handle() + ": " + e.getMessage()));
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
            out.add(new VerifyResult(v.handle(), model, named.isEmpty() ? VerifyResult.OK : VerifyResult.MISMATCH, d,
                    actual, named, List.copyOf(warnings), null));
        }
        return out;
    }

    /**
     * Loads {@code file} once: onnxruntime session, shape walk over the same bytes, one deterministic run.
     *
     * @param file the model file
     * @return what the file has
     * @throws ModelUnreadable if the file cannot be read, loaded or run; the message says why
     */
    public Observation observe(Path file) throws ModelUnreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelUnreadable("model file not found: " + file);
        } catch (IOException e) {
            throw new ModelUnreadable("cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new ModelUnreadable("model file is empty: " + file);
        }
        List<String> notes = new ArrayList<>();
        try (OnnxModel m = OnnxModel.load(env, bytes)) {
            GraphStats stats = stats(bytes, notes);
            OnnxModel.Output inference = null;
            if (m.inputs().size() == 1 && m.inputs().get(0).shape().size() == 4
                    && Declared.INPUT_TYPES.contains(m.inputs().get(0).type())) {
                try {
                    inference = m.runDeterministic();
                } catch (OrtException | IllegalArgumentException e) {
                    throw new ModelUnreadable("inference failed on " + file + ": " + firstLine(e.getMessage()));
                }
            }
            return new Observation(m.inputs(), m.outputs(), stats, inference, List.copyOf(notes));
        } catch (OrtException e) {
            throw new ModelUnreadable("not a loadable ONNX model (truncated, corrupt or not ONNX): " + file + ": "
                    + firstLine(e.getMessage()));
        }
    }

    private static GraphStats stats(byte[] bytes, List<String> notes) {
        try {
            GraphStats s = ShapeWalk.measure(ModelProto.parseFrom(bytes));
            if (!s.macsKnown()) {
                notes.add("MACs not measured: " + s.unknownOps());
            }
            return s;
        } catch (InvalidProtocolBufferException e) {
            notes.add("parameters not measured: " + e.getMessage());
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String line = s.strip().lines().findFirst().orElse(s);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** A model file that cannot be checked at all; the message names the file and the reason. */
    public static final class ModelUnreadable extends Exception {
        ModelUnreadable(String message) {
            super(message);
        }
    }
}
