package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a classification model's first output into class probabilities, whatever the model emits: float
 * logits (softmax applied here), a float softmax, or a uint8/int8 quantized softmax or logits (dequantized
 * with the scale and zero point of the {@code QuantizeLinear} that produced it). Which one a model emits is read
 * from its graph, walking back from the output through ops that keep values ({@code Reshape}, {@code Flatten},
 * {@code QuantizeLinear}, ...): a {@code Softmax} there means probabilities, anything else means logits.
 * Probabilities are normalised to sum to 1 (a quantized softmax's dequantized values only come close).
 */
public final class ClassScores {
    /** Ops whose output carries the same values as their first input (up to shape, type or quantization). */
    private static final Set<String> SAME_VALUES = Set.of("Identity", "Reshape", "Flatten", "Squeeze", "Unsqueeze",
            "Cast", "QuantizeLinear", "DequantizeLinear");

    private final boolean softmaxInGraph;
    private final Double scale;
    private final long zeroPoint;

    private ClassScores(boolean softmaxInGraph, Double scale, long zeroPoint) {
        this.softmaxInGraph = softmaxInGraph;
        this.scale = scale;
        this.zeroPoint = zeroPoint;
    }

    /**
     * How {@code model}'s first output becomes probabilities.
     *
     * @param model a checked model with at least one output
     * @return the conversion
     * @throws IllegalArgumentException when the output is quantized and its scale cannot be found
     */
    public static ClassScores of(ModelProto model) {
        GraphProto g = model.getGraph();
        if (g.getOutputCount() == 0) {
            throw new IllegalArgumentException("the model has no output");
        }
        Map<String, NodeProto> producers = new HashMap<>();
        for (NodeProto n : g.getNodeList()) {
            n.getOutputList().forEach(o -> producers.put(o, n));
        }
        Map<String, TensorProto> constants = new HashMap<>();
        g.getInitializerList().forEach(t -> constants.put(t.getName(), t));
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getOutputCount() == 1) {
                n.getAttributeList().stream().filter(a -> a.getName().equals("value")
                        && a.getType() == AttributeProto.AttributeType.TENSOR).findFirst()
                        .ifPresent(a -> constants.put(n.getOutput(0), a.getT()));
            }
        }
        int type = g.getOutput(0).getType().getTensorType().getElemType();
        boolean quantized = type == TensorProto.DataType.UINT8_VALUE || type == TensorProto.DataType.INT8_VALUE;
        Double scale = null;
        long zeroPoint = 0;
        boolean dequantized = false;
        boolean softmax = false;
        String name = g.getOutput(0).getName();
        // bounded: a hostile graph may chain its nodes in a cycle
        for (int steps = 0; steps <= g.getNodeCount(); steps++) {
            NodeProto n = producers.get(name);
            if (n == null || n.getInputCount() == 0) {
                break;
            }
            String op = n.getOpType();
            if (op.equals("Softmax")) {
                softmax = true;
                break;
            }
            if (!SAME_VALUES.contains(op)) {
                break;
            }
            if (op.equals("DequantizeLinear")) {
                dequantized = true;
            } else if (op.equals("QuantizeLinear") && quantized && !dequantized && scale == null) {
                // the last quantization before an integer output says what its integers mean
                scale = n.getInputCount() > 1 ? scalar(constants.get(n.getInput(1))) : null;
                Double zp = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? scalar(constants.get(n.getInput(2))) : 0.0;
                zeroPoint = zp == null ? 0 : Math.round(zp);
            }
            name = n.getInput(0);
        }
        if (quantized && scale == null) {
            scale = metadata(model, "output_scale");
            Double zp = metadata(model, "output_zero_point");
            zeroPoint = zp == null ? 0 : Math.round(zp);
        }
        if (quantized && (scale == null || !(scale > 0) || scale.isInfinite())) {
            throw new IllegalArgumentException("the output is quantized (" + (type == TensorProto.DataType.UINT8_VALUE
                    ? "uint8" : "int8") + ") but its scale cannot be found: no QuantizeLinear with a constant scale"
                    + " produces it");
        }
        return new ClassScores(softmax, quantized ? scale : null, zeroPoint);
    }

    /** {@return whether the model computes the softmax itself (its output already is probabilities)} */
    public boolean softmaxInGraph() {
        return softmaxInGraph;
    }

    /** {@return how the output becomes probabilities, in words, e.g. for {@code classify}'s JSON} */
    public String describe() {
        String dequantized = scale == null ? "" : String.format(Locale.ROOT, "dequantized (scale %s, zero point %d)",
                scale, zeroPoint);
        if (softmaxInGraph) {
            return "the model's softmax output, " + (scale == null ? "" : dequantized + ", ") + "normalised to sum 1";
        }
        return "softmax of the model's " + (scale == null ? "" : dequantized + " ") + "logits";
    }

    /**
     * The probabilities of the output values {@code raw} (as {@link OnnxModel.Output#values()} gives them:
     * integers as their integer values).
     *
     * @param raw one image's output values
     * @return one probability per class, each in [0, 1], summing to 1 up to rounding
     */
    public double[] probabilities(float[] raw) {
        double[] v = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            v[i] = scale == null ? raw[i] : (raw[i] - zeroPoint) * scale;
        }
        return softmaxInGraph ? normalised(v) : softmax(v);
    }

    private static double[] normalised(double[] v) {
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isFinite(v[i]) ? Math.max(0, v[i]) : 0;
            sum += v[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the model's softmax output is all zeros: no class has any probability");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= sum;
        }
        return v;
    }

    private static double[] softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("the model's output has NaN values");
            }
            max = Math.max(max, x);
        }
        double sum = 0;
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            // subtracting the largest logit keeps exp() finite; an infinite logit takes all the mass
            p[i] = Double.isInfinite(max) ? (v[i] == max ? 1 : 0) : Math.exp(v[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The single value of a constant tensor (float, double or any integer type), or null if it is not one. */
    private static Double scalar(TensorProto t) {
        if (t == null) {
            return null;
        }
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        if (n != 1) {
            return null;
        }
        TensorProto.DataType type = TensorProto.DataType.forNumber(t.getDataType());
        if (type == null) {
            return null;
        }
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case FLOAT -> t.getFloatDataCount() > 0 ? (double) t.getFloatData(0)
                    : raw.remaining() >= 4 ? (double) raw.getFloat() : null;
            case DOUBLE -> t.getDoubleDataCount() > 0 ? t.getDoubleData(0) : raw.remaining() >= 8 ? raw.getDouble() : null;
            case UINT8 -> t.getInt32DataCount() > 0 ? (double) t.getInt32Data(0)
                    : raw.remaining() >= 1 ? (double) Byte.toUnsignedInt(raw.get()) : null;
            case INT8 -> t.getInt32DataCount() > 0 ? (double) t.getInt32Data(0)
                    : raw.remaining() >= 1 ? (double) raw.get() : null;
            case INT32 -> t.getInt32DataCount() > 0 ? (double) t.getInt32Data(0)
                    : raw.remaining() >= 4 ? (double) raw.getInt() : null;
            default -> null;
        };
    }

    private static Double metadata(ModelProto model, String key) {
        return model.getMetadataPropsList().stream().filter(p -> p.getKey().equals(key)).findFirst().map(p -> {
            try {
                return Double.parseDouble(p.getValue());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }
}
