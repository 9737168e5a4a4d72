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
import dev.modelcards.catalog.Hints;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One onnxruntime session on a model, with what the verifier and classifier need: the declared inputs and
 * outputs and a single-image run. Close it before opening the next so only one session lives at a time.
 */
public final class OnnxModel implements AutoCloseable {
    /**
     * The most multiply-adds one run may need (as the shape walk counts them): the largest MobileNet (V2 1.4/224)
     * needs 582 M; 4 G is 7× that and ~0.3 s of one core here.
     */
    public static final long MAX_RUN_MACS = 4_000_000_000L;
    /** The largest tensor one run may compute, in elements (a MobileNet's largest activation has 1.8 M). */
    public static final long MAX_RUN_TENSOR = 1L << 26;
    /** A run still going after this is stopped (between two operators): a graph the shape walk cannot follow. */
    public static final Duration MAX_RUN_TIME = Duration.ofSeconds(2);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "modelcards-run-watchdog");
        t.setDaemon(true);
        return t;
    });

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
     * Why one run of a model with these counts is not attempted, or null if it may run: more multiply-adds than
     * {@link #MAX_RUN_MACS} or a tensor larger than {@link #MAX_RUN_TENSOR}. A graph whose shapes the walk could
     * not follow to the end runs under {@link #MAX_RUN_TIME} alone.
     */
    public static String refuseRun(GraphStats stats) {
        if (stats.macsKnown() && stats.macs() > MAX_RUN_MACS) {
            return "the model needs " + stats.macs() + " multiply-adds per image; one run may need at most "
                    + MAX_RUN_MACS + " (the largest MobileNet needs 582 M)";
        }
        if (stats.largestTensor() > MAX_RUN_TENSOR) {
            return "a tensor of the model holds " + stats.largestTensor() + " elements per image; one run may use"
                    + " tensors of at most " + MAX_RUN_TENSOR + " elements";
        }
        return null;
    }

    /**
     * The first line of what onnxruntime (or a run) said, without its error-code prefix and C++ source positions:
     * {@code This is an invalid model. Error: the graph is not acyclic}.
     */
    public static String reason(Exception e) {
        String s = e.getMessage();
        if (s == null || s.isBlank()) {
            return "onnxruntime gave no reason";
        }
        String line = s.strip().lines().findFirst().orElse(s)
                .replaceFirst("^Error code - [A-Z_]+ - message: ", "")
                .replaceAll("(/[\\w./-]+/)?[\\w-]+\\.(cc|h|cpp):\\d+ ([\\w:~<>]+(\\([^)]*\\))? )?", "")
                .strip();
        return Hints.printable(line); // names from the model may hold anything
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
        long elements = 1;
        for (long d : shape) {
            elements = d == 0 ? 0 : elements > OnnxReader.MAX_INPUT_ELEMENTS / d ? OnnxReader.MAX_INPUT_ELEMENTS + 1
                    : elements * d;
        }
        if (elements > OnnxReader.MAX_INPUT_ELEMENTS) {
            throw new IllegalArgumentException("the input " + in.shapeText() + " has more than "
                    + OnnxReader.MAX_INPUT_ELEMENTS + " elements, the most one run may use");
        }
        int n = (int) elements;
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
        try (tensor; Watched run = new Watched(); OrtSession.Result result = run.run(session, in.name(), tensor)) {
            OnnxValue first = result.get(0);
            if (!(first instanceof OnnxTensor out)) {
                throw new IllegalArgumentException("the first output is not a tensor");
            }
            TensorInfo info = out.getInfo();
            return new Output(typeName(info.type), Arrays.stream(info.getShape()).boxed().toList(), floats(out, info));
        }
    }

    /**
     * One run under {@link #MAX_RUN_TIME}: a watchdog sets onnxruntime's terminate flag when the time is up, and
     * the run then fails with a message saying so. Setting the flag and closing the options never overlap.
     */
    private static final class Watched implements AutoCloseable {
        private final OrtSession.RunOptions options;
        private ScheduledFuture<?> timer;
        private boolean closed;
        private volatile boolean fired;

        Watched() throws OrtException {
            this.options = new OrtSession.RunOptions();
        }

        OrtSession.Result run(OrtSession session, String input, OnnxTensor tensor) throws OrtException {
            timer = WATCHDOG.schedule(this::terminate, MAX_RUN_TIME.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return session.run(Map.of(input, tensor), options);
            } catch (OrtException e) {
                if (fired) {
                    throw new IllegalArgumentException("the run was stopped after " + MAX_RUN_TIME.toSeconds()
                            + " s, the most one run may take");
                }
                throw e;
            }
        }

        private synchronized void terminate() {
            if (!closed) {
                try {
                    fired = true;
                    options.setTerminate(true);
                } catch (OrtException e) {
                    // the run ends by itself
                }
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (timer != null) {
                timer.cancel(false);
            }
            options.close();
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
