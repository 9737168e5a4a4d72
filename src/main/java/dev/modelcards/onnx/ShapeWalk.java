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
import java.util.function.Supplier;

/**
 * Counts parameters and multiply-accumulates of any ONNX graph by walking it in node order and inferring
 * every tensor's shape from the graph input (symbolic dimensions taken as 1). Works on float graphs and on
 * quantized ones (weights behind {@code DequantizeLinear}, {@code QLinearConv}, {@code ConvInteger}).
 * An operator it does not know leaves the shapes after it unknown: parameters are still counted, MACs are
 * reported as unknown rather than guessed.
 *
 * <p>Hostile graphs get a clear {@link InvalidGraph} instead of a wrong count or a Java exception: attributes no
 * operator allows (zero strides, a {@code perm} naming an axis the tensor lacks, an axis out of range, a reshape
 * that changes the element count), negative dimensions, and shapes of more than {@link #MAX_ELEMENTS} elements or
 * counts that would overflow. Every computation is exact ({@link Math#multiplyExact}).
 */
public final class ShapeWalk {
    /** No tensor of a real model comes near 2^40 elements (a MobileNet's largest has 1.8 M). */
    public static final long MAX_ELEMENTS = 1L << 40;
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
    private long largest;
    private String unknown;

    private ShapeWalk() {
    }

    /**
     * A graph whose shapes or attributes no operator allows, or whose counts would not fit; the message names the
     * node (or tensor) and what is wrong.
     */
    public static final class InvalidGraph extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidGraph(String message) {
            super(message);
        }
    }

    /**
     * Measures {@code model}.
     *
     * @throws InvalidGraph when a shape or attribute is impossible or absurd
     */
    public static GraphStats measure(ModelProto model) {
        ShapeWalk w = new ShapeWalk();
        w.walk(model.getGraph());
        return new GraphStats(w.params, w.biases, w.unknown == null ? w.macs : -1, w.unknown, w.largest);
    }

    private void walk(GraphProto g) {
        for (TensorProto t : g.getInitializerList()) {
            initializers.put(t.getName(), t);
            constants.add(t.getName());
            shapes.put(t.getName(), checked(t.getDimsList().stream().mapToLong(Long::longValue).toArray(),
                    () -> "initializer '" + OnnxReader.p(t.getName()) + "'"));
        }
        for (ValueInfoProto in : g.getInputList()) {
            if (!initializers.containsKey(in.getName()) && in.getType().hasTensorType()) {
                shapes.put(in.getName(), checked(dims(in.getType().getTensorType().getShape()),
                        () -> "input '" + OnnxReader.p(in.getName()) + "'"));
            }
        }
        for (NodeProto n : g.getNodeList()) {
            visit(n);
        }
    }

    private void visit(NodeProto n) {
        String op = n.getOpType();
        boolean allConst = n.getInputList().stream().filter(s -> !s.isEmpty()).allMatch(constants::contains);
        String out = output(n);
        if (out == null) {
            return; // writes nothing any later node could read
        }
        if (op.equals("Constant")) {
            constants.add(out);
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals("value")) {
                    initializers.put(out, a.getT());
                    shapes.put(out, checked(a.getT().getDimsList().stream().mapToLong(Long::longValue).toArray(),
                            () -> "constant " + name(n)));
                }
            }
            return;
        }
        if (allConst && CONST_FOLDING.contains(op)) {
            constants.add(out);
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
            biases = add(biases, elements(shapes.get(b)), n);
        }
        long[] x = shapes.get(input(n, 0));
        if (x == null || ws == null || x.length < 3 || ws.length != x.length) {
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
        if (kernel.length != spatial) {
            throw invalid(n, "kernel_shape " + Shapes.values(kernel) + " does not have the input's "
                    + spatial + " spatial axes");
        }
        positive(n, "kernel_shape", kernel);
        positive(n, "strides", strides);
        positive(n, "dilations", dilations);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = ws[0];
        for (int i = 0; i < spatial; i++) {
            long in = x[i + 2];
            long k = add(mul((kernel[i] - 1), dilations[i], n), 1, n);
            out[i + 2] = autoPad.startsWith("SAME") ? ceilDiv(in, strides[i])
                    : autoPad.equals("VALID") ? (in - k) / strides[i] + 1
                    : (add(add(in, pads[i], n), pads[i + spatial], n) - k) / strides[i] + 1;
        }
        put(n, out);
        // each output element needs (input channels / group) × kernel area multiply-adds: ws[1] × kernel area
        macs = add(macs, mul(elements(out), elements(java.util.Arrays.copyOfRange(ws, 1, ws.length)), n), n);
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
        if (batch == null) {
            unknownShape(n);
            return;
        }
        long[] out = new long[batch.length + 2];
        System.arraycopy(batch, 0, out, 0, batch.length);
        out[batch.length] = a2[a2.length - 2];
        out[batch.length + 1] = b2[b2.length - 1];
        elements(out, n);
        macs = add(macs, mul(elements(out), k, n), n);
        long[] result = out;
        if (as.length == 1) {
            result = dropAxis(result, result.length - 2);
        }
        if (bs.length == 1) {
            result = dropAxis(result, result.length - 1);
        }
        put(n, result);
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
            biases = add(biases, elements(shapes.get(c)), n);
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
        put(n, new long[] {m, nOut});
        macs = add(macs, mul(mul(m, nOut, n), k, n), n);
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
                case "Transpose" -> x == null ? null : transpose(n, x, attrInts(n, "perm"));
                case "GlobalAveragePool", "GlobalMaxPool", "QLinearGlobalAveragePool" -> globalPool(x);
                case "AveragePool", "MaxPool", "QLinearAveragePool" -> pool(n, x);
                case "Flatten" -> flatten(n, x, attrInt(n, "axis", 1));
                case "Reshape" -> reshape(n, x, longValues(input(n, 1)), attrInt(n, "allowzero", 0) == 1);
                case "Squeeze" -> squeeze(n, x, axes(n));
                case "Unsqueeze" -> unsqueeze(n, x, axes(n));
                case "Pad" -> pad(n, x, longValues(input(n, 1)));
                case "Concat" -> concat(n, attrInt(n, "axis", 0));
                case "Shape" -> x == null ? null : new long[] {x.length};
                default -> null;
            };
        }
        if (out == null) {
            unknownShape(n);
        } else {
            put(n, out);
        }
    }

    private void countWeight(String name, long[] shape) {
        if (name != null && shape != null && constants.contains(name) && countedWeights.add(name)) {
            params = add(params, elements(shape), null);
        }
    }

    private void unknownShape(NodeProto n) {
        if (unknown == null && !constants.contains(n.getOutputCount() > 0 ? n.getOutput(0) : "")) {
            unknown = "cannot infer the output shape of " + OnnxReader.p(n.getOpType()) + " node '"
                    + OnnxReader.p(n.getName()) + "'";
            if (unknown.length() > 300) {
                unknown = unknown.substring(0, 300) + "…";
            }
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

    private static long[] transpose(NodeProto n, long[] x, long[] perm) {
        if (perm != null && perm.length != x.length) {
            throw invalid(n, "perm " + Shapes.values(perm) + " does not list the input's " + x.length
                    + " axes");
        }
        long[] out = new long[x.length];
        boolean[] used = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            long axis = perm == null ? x.length - 1 - i : perm[i];
            if (axis < 0 || axis >= x.length || used[(int) axis]) {
                throw invalid(n, "perm " + Shapes.values(perm) + " is not a permutation of the input's "
                        + x.length + " axes");
            }
            used[(int) axis] = true;
            out[i] = x[(int) axis];
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
        if (x == null || kernel == null || x.length < 3) {
            return null;
        }
        int spatial = x.length - 2;
        if (kernel.length != spatial) {
            throw invalid(n, "kernel_shape " + Shapes.values(kernel) + " does not have the input's "
                    + spatial + " spatial axes");
        }
        long[] strides = orDefault(attrInts(n, "strides"), spatial, 1);
        long[] pads = orDefault(attrInts(n, "pads"), 2 * spatial, 0);
        positive(n, "kernel_shape", kernel);
        positive(n, "strides", strides);
        String autoPad = attrString(n, "auto_pad", "NOTSET");
        boolean ceil = attrInt(n, "ceil_mode", 0) == 1;
        long[] out = x.clone();
        for (int i = 0; i < spatial; i++) {
            long in = x[i + 2];
            long span = add(add(in, pads[i], n), pads[i + spatial], n) - kernel[i];
            out[i + 2] = autoPad.startsWith("SAME") ? ceilDiv(in, strides[i])
                    : autoPad.equals("VALID") ? (in - kernel[i]) / strides[i] + 1
                    : (ceil ? ceilDiv(span, strides[i]) : Math.floorDiv(span, strides[i])) + 1;
        }
        return out;
    }

    private static long[] flatten(NodeProto n, long[] x, long axis) {
        if (x == null) {
            return null;
        }
        long a = axis < 0 ? axis + x.length : axis;
        if (a < 0 || a > x.length) {
            throw invalid(n, "axis " + axis + " is out of range for a rank-" + x.length + " input");
        }
        long left = 1;
        long right = 1;
        for (int i = 0; i < x.length; i++) {
            if (i < a) {
                left = mul(left, x[i], n);
            } else {
                right = mul(right, x[i], n);
            }
        }
        return new long[] {left, right};
    }

    private static long[] reshape(NodeProto n, long[] x, long[] target, boolean allowZero) {
        if (x == null || target == null) {
            return null;
        }
        long[] out = target.clone();
        long known = 1;
        int infer = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) {
                if (i >= x.length) {
                    throw invalid(n, "shape " + Shapes.values(target) + " copies axis " + i
                            + " of a rank-" + x.length + " input");
                }
                out[i] = x[i];
            }
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw invalid(n, "shape " + Shapes.values(target) + " has more than one -1");
                }
                infer = i;
            } else if (out[i] < 0) {
                throw invalid(n, "shape " + Shapes.values(target) + " has a negative dimension");
            } else {
                known = mul(known, out[i], n);
            }
        }
        long total = elements(x);
        if (infer >= 0) {
            if (known == 0 || total % known != 0) {
                throw invalid(n, "cannot reshape " + total + " elements into " + Shapes.values(target));
            }
            out[infer] = total / known;
        } else if (known != total) {
            throw invalid(n, "cannot reshape " + total + " elements into " + Shapes.values(target));
        }
        return out;
    }

    private long[] axes(NodeProto n) {
        long[] a = attrInts(n, "axes");
        return a != null ? a : longValues(input(n, 1));
    }

    private static long[] squeeze(NodeProto n, long[] x, long[] axes) {
        if (x == null) {
            return null;
        }
        if (axes != null) {
            for (long a : axes) {
                if (a < -x.length || a >= x.length) {
                    throw invalid(n, "axis " + a + " is out of range for a rank-" + x.length + " input");
                }
            }
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

    private static long[] unsqueeze(NodeProto n, long[] x, long[] axes) {
        if (x == null || axes == null) {
            return null;
        }
        int rank = x.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            long at = a < 0 ? a + rank : a;
            if (at < 0 || at >= rank || inserted[(int) at]) {
                throw invalid(n, "axes " + Shapes.values(axes) + " are out of range or repeated for a"
                        + " rank-" + rank + " output");
            }
            inserted[(int) at] = true;
        }
        long[] out = new long[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : x[j++];
        }
        return out;
    }

    private static long[] pad(NodeProto n, long[] x, long[] pads) {
        if (x == null || pads == null || pads.length != 2 * x.length) {
            return null;
        }
        long[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            out[i] = add(add(out[i], pads[i], n), pads[i + x.length], n);
        }
        return out;
    }

    private long[] concat(NodeProto n, long axis) {
        long[] out = null;
        for (String in : n.getInputList()) {
            long[] s = in.isEmpty() ? null : shapes.get(in);
            if (s == null) {
                return null;
            }
            long a = axis < 0 ? axis + s.length : axis;
            if (a < 0 || a >= s.length) {
                throw invalid(n, "axis " + axis + " is out of range for a rank-" + s.length + " input");
            }
            if (out == null) {
                out = s.clone();
            } else if (s.length != out.length) {
                throw invalid(n, "concatenates inputs of ranks " + out.length + " and " + s.length);
            } else {
                out[(int) a] = add(out[(int) a], s[(int) a], n);
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

    /** The output of {@code n}, checked and remembered; the largest activation is tracked. */
    private void put(NodeProto n, long[] shape) {
        for (long d : shape) {
            if (d < 0) {
                throw invalid(n, "its output would have the impossible shape " + Shapes.values(shape));
            }
        }
        long e = elements(shape, n);
        if (!constants.contains(output(n))) {
            largest = Math.max(largest, e); // activations: what one run computes, not the stored weights
        }
        shapes.put(output(n), shape);
    }

    /**
     * A stored tensor's or input's shape: no negative dimension, at most {@link #MAX_ELEMENTS} elements. {@code what}
     * names it for a message, built only on failure (escaping every tensor's name cost more than the check).
     */
    private static long[] checked(long[] shape, Supplier<String> what) {
        for (long d : shape) {
            if (d < 0) {
                throw new InvalidGraph(what.get() + " has a negative dimension: " + Shapes.values(shape));
            }
        }
        long e = 1;
        for (long d : shape) {
            e = d == 0 || e == 0 ? 0 : e > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : e * d;
        }
        if (e > MAX_ELEMENTS) {
            throw new InvalidGraph(what.get() + " declares " + Shapes.values(shape) + ": more than 2^40 elements");
        }
        return shape;
    }

    private static void positive(NodeProto n, String attr, long[] values) {
        for (long v : values) {
            if (v <= 0) {
                throw invalid(n, attr + " must be positive; it is " + Shapes.values(values));
            }
        }
    }

    private static InvalidGraph invalid(NodeProto n, String what) {
        return new InvalidGraph("node " + name(n) + ": " + what);
    }

    private static String name(NodeProto n) {
        return "'" + OnnxReader.p(n.getName()) + "' (" + OnnxReader.p(n.getOpType()) + ")";
    }

    private static String output(NodeProto n) {
        return n.getOutputCount() > 0 && !n.getOutput(0).isEmpty() ? n.getOutput(0) : null;
    }

    /** Elements of a shape already checked to fit (every stored shape is). */
    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Elements of an inferred shape; more than {@link #MAX_ELEMENTS} is an absurd shape. */
    private static long elements(long[] shape, NodeProto node) {
        long e = 1;
        for (long d : shape) {
            e = d == 0 || e == 0 ? 0 : e > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : e * d;
        }
        if (e > MAX_ELEMENTS) {
            throw invalid(node, "its output shape " + Shapes.values(shape) + " has more than 2^40 elements");
        }
        return e;
    }

    private static long mul(long a, long b, NodeProto n) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(n);
        }
    }

    private static long add(long a, long b, NodeProto n) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(n);
        }
    }

    private static InvalidGraph overflow(NodeProto n) {
        return n == null ? new InvalidGraph("the graph's counts overflow 64 bits: its shapes are absurd")
                : invalid(n, "its shapes are absurd: the counts overflow 64 bits");
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a, b) + (Math.floorMod(a, b) == 0 ? 0 : 1);
    }
}
