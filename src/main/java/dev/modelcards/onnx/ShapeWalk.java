package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts parameters and multiply-accumulates of any ONNX graph by walking it in node order and inferring
 * every tensor's shape from the graph input (symbolic dimensions taken as 1). Works on float graphs and on
 * quantized ones (weights behind {@code DequantizeLinear}, {@code QLinearConv}, {@code ConvInteger}).
 * An operator it does not know leaves the shapes after it unknown: parameters are still counted, MACs are
 * reported as unknown rather than guessed.
 */
public final class ShapeWalk {
    /** Operators whose output has the shape of their first input. */
    private static final Set<String> SAME_SHAPE = Set.of("Identity", "Cast", "QuantizeLinear", "DequantizeLinear",
            "Relu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "LeakyRelu", "Softmax", "LogSoftmax",
            "BatchNormalization", "Dropout", "Neg", "Abs", "Sqrt", "Exp", "Erf", "PRelu", "Elu", "Selu", "Softplus",
            "DynamicQuantizeLinear", "LRN", "InstanceNormalization");
    /** Element-wise operators with numpy broadcasting. */
    private static final Set<String> BROADCAST = Set.of("Add", "Sub", "Mul", "Div", "Min", "Max", "Pow", "Sum",
            "Mean", "QLinearAdd", "QLinearMul", "Where", "Equal", "Less", "Greater");
    /** Operators whose output is constant when every input is (weights stored quantized or reshaped). */
    private static final Set<String> CONST_FOLDING = Set.of("Identity", "Cast", "DequantizeLinear", "Transpose",
            "Reshape", "Unsqueeze", "Squeeze");

    private final Map<String, long[]> shapes = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Set<String> constants = new HashSet<>();
    private final Set<String> countedWeights = new HashSet<>();
    private long params;
    private long biases;
    private long macs;
    private String unknown;

    private ShapeWalk() {
    }

    /**
     * Measures {@code model}.
     *
     * @param model the ONNX model
     * @return its parameter, bias and MACs counts
     */
    public static GraphStats measure(ModelProto model) {
        ShapeWalk w = new ShapeWalk();
        w.walk(model.getGraph());
        return new GraphStats(w.params, w.biases, w.unknown == null ? w.macs : -1, w.unknown);
    }

    private void walk(GraphProto g) {
        for (TensorProto t : g.getInitializerList()) {
            initializers.put(t.getName(), t);
            constants.add(t.getName());
            shapes.put(t.getName(), t.getDimsList().stream().mapToLong(Long::longValue).toArray());
        }
        for (ValueInfoProto in : g.getInputList()) {
            if (!initializers.containsKey(in.getName()) && in.getType().hasTensorType()) {
                shapes.put(in.getName(), dims(in.getType().getTensorType().getShape()));
            }
        }
        for (NodeProto n : g.getNodeList()) {
            visit(n);
        }
    }

    private void visit(NodeProto n) {
        String op = n.getOpType();
        boolean allConst = n.getInputList().stream().filter(s -> !s.isEmpty()).allMatch(constants::contains);
        if (op.equals("Constant")) {
            constants.add(n.getOutput(0));
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals("value")) {
                    initializers.put(n.getOutput(0), a.getT());
                    shapes.put(n.getOutput(0), a.getT().getDimsList().stream().mapToLong(Long::longValue).toArray());
                }
            }
            return;
        }
        if (allConst && CONST_FOLDING.contains(op)) {
            constants.add(n.getOutput(0));
        }
        switch (op) {
            case "Conv", "ConvInteger" -> convolution(n, 1, 2);
            case "QLinearConv" -> convolution(n, 3, 8);
            case "MatMul", "MatMulInteger" -> matMul(n, 0, 1);
            case "QLinearMatMul" -> matMul(n, 0, 3);
            case "Gemm" -> gemm(n);
            default -> infer(n, op);
        }
    }

    private void convolution(NodeProto n, int weightIndex, int biasIndex) {
        String w = input(n, weightIndex);
        long[] ws = shapes.get(w);
        countWeight(w, ws);
        String b = input(n, biasIndex);
        if (b != null && constants.contains(b) && shapes.get(b) != null && countedWeights.add(b)) {
            biases += elements(shapes.get(b));
        }
        long[] x = shapes.get(input(n, 0));
        if (x == null || ws == null || x.length < 3) {
            unknownShape(n);
            return;
        }
        int spatial = x.length - 2;
        long[] kernel = attrInts(n, "kernel_shape");
        if (kernel == null) {
            kernel = java.util.Arrays.copyOfRange(ws, 2, ws.length);
        }
        long[] strides = orDefault(attrInts(n, "strides"), spatial, 1);
        long[] dilations = orDefault(attrInts(n, "dilations"), spatial, 1);
        long[] pads = orDefault(attrInts(n, "pads"), 2 * spatial, 0);
        String autoPad = attrString(n, "auto_pad", "NOTSET");
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = ws[0];
        for (int i = 0; i < spatial; i++) {
            long in = x[i + 2];
            long k = (kernel[i] - 1) * dilations[i] + 1;
            out[i + 2] = autoPad.startsWith("SAME") ? ceilDiv(in, strides[i])
                    : autoPad.equals("VALID") ? (in - k) / strides[i] + 1
                    : (in + pads[i] + pads[i + spatial] - k) / strides[i] + 1;
        }
        shapes.put(n.getOutput(0), out);
        // each output element needs (input channels / group) × kernel area multiply-adds: ws[1] × kernel area
        macs += elements(out) * elements(java.util.Arrays.copyOfRange(ws, 1, ws.length));
    }

    private void matMul(NodeProto n, int aIndex, int bIndex) {
        String a = input(n, aIndex);
        String b = input(n, bIndex);
        long[] as = shapes.get(a);
        long[] bs = shapes.get(b);
        if (constants.contains(b)) {
            countWeight(b, bs);
        } else if (constants.contains(a)) {
            countWeight(a, as);
        }
        if (as == null || bs == null || as.length < 1 || bs.length < 1) {
            unknownShape(n);
            return;
        }
        long[] a2 = as.length == 1 ? new long[] {1, as[0]} : as;
        long[] b2 = bs.length == 1 ? new long[] {bs[0], 1} : bs;
        long k = a2[a2.length - 1];
        long[] batch = broadcast(java.util.Arrays.copyOf(a2, a2.length - 2), java.util.Arrays.copyOf(b2, b2.length - 2));
        long[] out = new long[batch.length + 2];
        System.arraycopy(batch, 0, out, 0, batch.length);
        out[batch.length] = a2[a2.length - 2];
        out[batch.length + 1] = b2[b2.length - 1];
        macs += elements(out) * k;
        long[] result = out;
        if (as.length == 1) {
            result = dropAxis(result, result.length - 2);
        }
        if (bs.length == 1) {
            result = dropAxis(result, result.length - 1);
        }
        shapes.put(n.getOutput(0), result);
    }

    private void gemm(NodeProto n) {
        String a = input(n, 0);
        String b = input(n, 1);
        if (constants.contains(b)) {
            countWeight(b, shapes.get(b));
        } else if (constants.contains(a)) {
            countWeight(a, shapes.get(a));
        }
        String c = input(n, 2);
        if (c != null && constants.contains(c) && shapes.get(c) != null && countedWeights.add(c)) {
            biases += elements(shapes.get(c));
        }
        long[] as = shapes.get(a);
        long[] bs = shapes.get(b);
        if (as == null || bs == null || as.length != 2 || bs.length != 2) {
            unknownShape(n);
            return;
        }
        boolean ta = attrInt(n, "transA", 0) == 1;
        boolean tb = attrInt(n, "transB", 0) == 1;
        long m = ta ? as[1] : as[0];
        long k = ta ? as[0] : as[1];
        long nOut = tb ? bs[0] : bs[1];
        shapes.put(n.getOutput(0), new long[] {m, nOut});
        macs += m * nOut * k;
    }

    /** Shapes of operators without multiply-adds that count. */
    private void infer(NodeProto n, String op) {
        long[] x = shapes.get(input(n, 0));
        long[] out;
        if (SAME_SHAPE.contains(op)) {
            out = x;
        } else if (BROADCAST.contains(op)) {
            out = broadcastInputs(n, op);
        } else {
            out = switch (op) {
                case "Transpose" -> x == null ? null : transpose(x, attrInts(n, "perm"));
                case "GlobalAveragePool", "GlobalMaxPool", "QLinearGlobalAveragePool" -> globalPool(x);
                case "AveragePool", "MaxPool", "QLinearAveragePool" -> pool(n, x);
                case "Flatten" -> flatten(x, attrInt(n, "axis", 1));
                case "Reshape" -> reshape(x, longValues(input(n, 1)), attrInt(n, "allowzero", 0) == 1);
                case "Squeeze" -> squeeze(x, axes(n));
                case "Unsqueeze" -> unsqueeze(x, axes(n));
                case "Pad" -> pad(x, longValues(input(n, 1)));
                case "Concat" -> concat(n, attrInt(n, "axis", 0));
                case "Shape" -> x == null ? null : new long[] {x.length};
                default -> null;
            };
        }
        if (out == null) {
            unknownShape(n);
        } else {
            shapes.put(n.getOutput(0), out);
        }
    }

    private void countWeight(String name, long[] shape) {
        if (name != null && shape != null && constants.contains(name) && countedWeights.add(name)) {
            params += elements(shape);
        }
    }

    private void unknownShape(NodeProto n) {
        if (unknown == null && !constants.contains(n.getOutputCount() > 0 ? n.getOutput(0) : "")) {
            unknown = "cannot infer the output shape of " + n.getOpType() + " node '" + n.getName() + "'";
        }
    }

    private long[] broadcastInputs(NodeProto n, String op) {
        List<Integer> tensorInputs = op.startsWith("QLinear") ? List.of(0, 3) : null;
        long[] out = new long[0];
        for (int i = 0; i < n.getInputCount(); i++) {
            if (tensorInputs != null && !tensorInputs.contains(i) || n.getInput(i).isEmpty()) {
                continue;
            }
            long[] s = shapes.get(n.getInput(i));
            if (s == null) {
                return null;
            }
            out = broadcast(out, s);
            if (out == null) {
                return null;
            }
        }
        return out;
    }

    private static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    private static long[] transpose(long[] x, long[] perm) {
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[perm == null ? x.length - 1 - i : (int) perm[i]];
        }
        return out;
    }

    private static long[] globalPool(long[] x) {
        if (x == null) {
            return null;
        }
        long[] out = x.clone();
        for (int i = 2; i < out.length; i++) {
            out[i] = 1;
        }
        return out;
    }

    private long[] pool(NodeProto n, long[] x) {
        long[] kernel = attrInts(n, "kernel_shape");
        if (x == null || kernel == null) {
            return null;
        }
        int spatial = x.length - 2;
        long[] strides = orDefault(attrInts(n, "strides"), spatial, 1);
        long[] pads = orDefault(attrInts(n, "pads"), 2 * spatial, 0);
        String autoPad = attrString(n, "auto_pad", "NOTSET");
        boolean ceil = attrInt(n, "ceil_mode", 0) == 1;
        long[] out = x.clone();
        for (int i = 0; i < spatial; i++) {
            long in = x[i + 2];
            long span = in + pads[i] + pads[i + spatial] - kernel[i];
            out[i + 2] = autoPad.startsWith("SAME") ? ceilDiv(in, strides[i])
                    : autoPad.equals("VALID") ? (in - kernel[i]) / strides[i] + 1
                    : (ceil ? ceilDiv(span, strides[i]) : span / strides[i]) + 1;
        }
        return out;
    }

    private static long[] flatten(long[] x, long axis) {
        if (x == null) {
            return null;
        }
        int a = (int) (axis < 0 ? axis + x.length : axis);
        long left = 1;
        long right = 1;
        for (int i = 0; i < x.length; i++) {
            if (i < a) {
                left *= x[i];
            } else {
                right *= x[i];
            }
        }
        return new long[] {left, right};
    }

    private static long[] reshape(long[] x, long[] target, boolean allowZero) {
        if (x == null || target == null) {
            return null;
        }
        long[] out = target.clone();
        long known = 1;
        int infer = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                out[i] = x[i];
            }
            if (out[i] == -1) {
                infer = i;
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            out[infer] = known == 0 ? 0 : elements(x) / known;
        }
        return out;
    }

    private long[] axes(NodeProto n) {
        long[] a = attrInts(n, "axes");
        return a != null ? a : longValues(input(n, 1));
    }

    private static long[] squeeze(long[] x, long[] axes) {
        if (x == null) {
            return null;
        }
        Set<Integer> drop = new HashSet<>();
        for (int i = 0; i < x.length; i++) {
            if (axes == null ? x[i] == 1 : contains(axes, i, x.length)) {
                drop.add(i);
            }
        }
        long[] out = new long[x.length - drop.size()];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!drop.contains(i)) {
                out[j++] = x[i];
            }
        }
        return out;
    }

    private static long[] unsqueeze(long[] x, long[] axes) {
        if (x == null || axes == null) {
            return null;
        }
        int rank = x.length + axes.length;
        long[] out = new long[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = contains(axes, i, rank) ? 1 : x[j++];
        }
        return out;
    }

    private static long[] pad(long[] x, long[] pads) {
        if (x == null || pads == null || pads.length != 2 * x.length) {
            return null;
        }
        long[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            out[i] += pads[i] + pads[i + x.length];
        }
        return out;
    }

    private long[] concat(NodeProto n, long axis) {
        long[] out = null;
        for (String in : n.getInputList()) {
            long[] s = shapes.get(in);
            if (s == null) {
                return null;
            }
            int a = (int) (axis < 0 ? axis + s.length : axis);
            if (out == null) {
                out = s.clone();
            } else {
                out[a] += s[a];
            }
        }
        return out;
    }

    private static boolean contains(long[] axes, int i, int rank) {
        for (long a : axes) {
            if ((a < 0 ? a + rank : a) == i) {
                return true;
            }
        }
        return false;
    }

    private static long[] dropAxis(long[] x, int axis) {
        long[] out = new long[x.length - 1];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (i != axis) {
                out[j++] = x[i];
            }
        }
        return out;
    }

    /** The int64 values of a constant tensor (Reshape's shape, Pad's pads), or null if not constant. */
    private long[] longValues(String name) {
        TensorProto t = name == null ? null : initializers.get(name);
        if (t == null || t.getDataType() != TensorProto.DataType.INT64.getNumber()) {
            return null;
        }
        if (t.getInt64DataCount() > 0) {
            return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        }
        ByteBuffer buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[buf.remaining() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = buf.getLong();
        }
        return out;
    }

    private static String input(NodeProto n, int i) {
        return i < n.getInputCount() && !n.getInput(i).isEmpty() ? n.getInput(i) : null;
    }

    private static long[] attrInts(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            }
        }
        return null;
    }

    private static long attrInt(NodeProto n, String name, long dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return dflt;
    }

    private static String attrString(NodeProto n, String name, String dflt) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getS().toStringUtf8();
            }
        }
        return dflt;
    }

    private static long[] orDefault(long[] v, int n, long dflt) {
        if (v != null && v.length == n) {
            return v;
        }
        long[] out = new long[n];
        java.util.Arrays.fill(out, dflt);
        return out;
    }

    /** Dimensions of a declared shape; symbolic or missing dimensions count as 1 (one image). */
    static long[] dims(TensorShapeProto shape) {
        long[] out = new long[shape.getDimCount()];
        for (int i = 0; i < out.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            out[i] = d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : 1;
        }
        return out;
    }

    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
