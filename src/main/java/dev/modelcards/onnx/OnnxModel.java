package dev.modelcards.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One onnxruntime session on a model, with what the verifier and classifier need: the declared inputs and
 * outputs and a single-image run. Close it before opening the next so only one session lives at a time.
 */
public final class OnnxModel implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<TensorFacts> inputs;
    private final List<TensorFacts> outputs;

    private OnnxModel(OrtEnvironment env, OrtSession session) throws OrtException {
        this.env = env;
        this.session = session;
        this.inputs = facts(session.getInputInfo());
        this.outputs = facts(session.getOutputInfo());
    }

    /** {@return the shared onnxruntime environment, logging errors only (its warnings are not the user's business)} */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "modelcards");
    }

    /**
     * Opens a session on a serialized model. One intra-op thread: the models are small, and the machine's
     * cores are better left to the next model's loading.
     *
     * @param env the onnxruntime environment
     * @param model the ONNX model's bytes
     * @return the open model
     * @throws OrtException when onnxruntime rejects the bytes (truncated, not ONNX, unsupported)
     */
    public static OnnxModel load(OrtEnvironment env, byte[] model) throws OrtException {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            return new OnnxModel(env, env.createSession(model, opts));
        }
    }

    /** {@return the graph inputs, in order} */
    public List<TensorFacts> inputs() {
        return inputs;
    }

    /** {@return the graph outputs, in order} */
    public List<TensorFacts> outputs() {
        return outputs;
    }

    /**
     * The first output of one run.
     *
     * @param type   element type
     * @param shape  the concrete shape
     * @param values the values as floats (integer types converted, uint8 as 0–255)
     */
    public record Output(String type, List<Long> shape, float[] values) {
        /** {@return whether every value is finite} */
        public boolean allFinite() {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Runs the model on the deterministic test input: symbolic dimensions become 1, float inputs get values
     * in [0, 1], uint8 inputs 0–255, following a fixed pattern so every run sees the same image.
     *
     * @return the first output of the run
     * @throws OrtException if onnxruntime fails to run the model
     */
    public Output runDeterministic() throws OrtException {
        TensorFacts in = inputs.get(0);
        long[] shape = in.shape().stream().mapToLong(d -> d < 0 ? 1 : d).toArray();
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        float[] pixels = new float[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (float) ((i * 7919L) % 256) / 255f;
        }
        return run(pixels, shape);
    }

    /**
     * Runs the model on one input given as floats in [0, 1]; uint8 inputs receive {@code round(v × 255)}.
     *
     * @param pixels the values in the input's layout
     * @param shape  the concrete input shape
     * @return the first output of the run
     * @throws OrtException if onnxruntime fails to run the model
     */
    public Output run(float[] pixels, long[] shape) throws OrtException {
        TensorFacts in = inputs.get(0);
        OnnxTensor tensor;
        switch (in.type()) {
            case "float32" -> tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), shape);
            case "uint8" -> {
                ByteBuffer bytes = ByteBuffer.allocateDirect(pixels.length);
                for (float p : pixels) {
                    bytes.put((byte) Math.round(Math.max(0f, Math.min(1f, p)) * 255f));
                }
                bytes.flip();
                tensor = OnnxTensor.createTensor(env, bytes, shape, OnnxJavaType.UINT8);
            }
            default -> throw new IllegalArgumentException("input type " + in.type() + " is not supported for a run"
                    + " (float32 or uint8 expected)");
        }
        try (tensor; OrtSession.Result result = session.run(Map.of(in.name(), tensor))) {
            OnnxValue first = result.get(0);
            if (!(first instanceof OnnxTensor out)) {
                throw new IllegalArgumentException("the first output is not a tensor");
            }
            TensorInfo info = out.getInfo();
            return new Output(typeName(info.type), Arrays.stream(info.getShape()).boxed().toList(), floats(out, info));
        }
    }

    private static float[] floats(OnnxTensor t, TensorInfo info) {
        int n = Math.toIntExact(info.getNumElements());
        float[] v = new float[n];
        switch (info.type) {
            case FLOAT -> t.getFloatBuffer().get(v);
            case UINT8 -> {
                ByteBuffer b = t.getByteBuffer();
                for (int i = 0; i < n; i++) {
                    v[i] = b.get(i) & 0xff;
                }
            }
            case INT8 -> {
                ByteBuffer b = t.getByteBuffer();
                for (int i = 0; i < n; i++) {
                    v[i] = b.get(i);
                }
            }
            case DOUBLE -> {
                double[] d = new double[n];
                t.getDoubleBuffer().get(d);
                for (int i = 0; i < n; i++) {
                    v[i] = (float) d[i];
                }
            }
            default -> throw new IllegalArgumentException("output type " + typeName(info.type) + " is not supported");
        }
        return v;
    }

    private static List<TensorFacts> facts(Map<String, NodeInfo> infos) {
        List<TensorFacts> out = new ArrayList<>();
        for (NodeInfo n : infos.values()) {
            if (n.getInfo() instanceof TensorInfo t) {
                out.add(new TensorFacts(n.getName(), typeName(t.type), Arrays.stream(t.getShape()).boxed().toList()));
            } else {
                out.add(new TensorFacts(n.getName(), "non-tensor", List.of()));
            }
        }
        return List.copyOf(out);
    }

    /** numpy-style names: {@code float32}, {@code uint8}, ... */
    static String typeName(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            case BFLOAT16 -> "bfloat16";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
