package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import dev.modelcards.catalog.Hints;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads an ONNX model file and checks it before anything else (onnxruntime, the shape walk) sees it: a regular
 * file within {@link InputFile#MODEL}'s size, a protobuf that parses, a graph, every tensor holding exactly the
 * data its type and shape say and holding it inside the file (no external data), every node reading tensors that
 * exist, no tensor written twice, no cycle, a graph no larger than {@link #MAX_NODES} nodes and inputs no
 * larger than {@link #MAX_INPUT_ELEMENTS} elements. Each failure is one {@link Verifier.ModelUnreadable} naming
 * the file and what is wrong.
 *
 * <p>Nodes out of topological order (allowed by onnxruntime, which sorts them) are returned sorted, so the shape
 * walk follows data flow.
 */
public final class OnnxReader {
    /** The largest real MobileNet graph here has 473 nodes (the Keras V2 int8 model); 10 000 is 20× that. */
    public static final int MAX_NODES = 10_000;
    /** As many initializers (weights, scales, zero points) as nodes at most. */
    public static final int MAX_INITIALIZERS = 10_000;
    /**
     * One graph input of at most 2^24 elements (a 224×224×3 MobileNet input is 150 528; 2048×2048×3 fits): the
     * one inference verify and classify run allocates it.
     */
    public static final long MAX_INPUT_ELEMENTS = 1L << 24;

    private final String source;
    private int nodes;
    private int initializers;

    private OnnxReader(String source) {
        this.source = source;
    }

    /**
     * A checked model.
     *
     * @param bytes the file's bytes, for onnxruntime
     * @param model the parsed model, nodes in topological order
     */
    public record Checked(byte[] bytes, ModelProto model) {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws Verifier.ModelUnreadable naming the file and what is wrong (also: not found, not a regular file,
     *                                  too big)
     */
    public static Checked read(Path file) throws Verifier.ModelUnreadable {
        return read(file, null);
    }

    /**
     * {@link #read(Path)}, feeding the file's bytes to {@code digest} as they are read (one pass for the
     * report's SHA-256 and the model).
     *
     * @param digest updated with every byte of the file; null for none
     * @throws Verifier.ModelUnreadable as {@link #read(Path)}
     */
    public static Checked read(Path file, java.security.MessageDigest digest) throws Verifier.ModelUnreadable {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, InputFile.MODEL, digest);
        } catch (NoSuchFileException e) {
            throw new Verifier.ModelUnreadable("model file not found: " + file);
        } catch (InputFile.Rejected e) {
            throw new Verifier.ModelUnreadable(e.getMessage());
        } catch (IOException e) {
            throw new Verifier.ModelUnreadable("cannot read " + file + ": " + FileErrors.reason(e));
        }
        return parse(file.toString(), bytes);
    }

    /**
     * Checks the bytes of a model; {@code source} names it in messages (the file, for a model read from disk).
     *
     * @throws Verifier.ModelUnreadable {@code <source>: <what is wrong>}
     */
    public static Checked parse(String source, byte[] bytes) throws Verifier.ModelUnreadable {
        if (bytes.length == 0) {
            throw new Verifier.ModelUnreadable("model file is empty: " + source);
        }
        ModelProto m;
        try {
            // aliasing: the weights (raw_data) stay views of the file's bytes, which Checked keeps anyway,
            // instead of copies of tens of MiB per model
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(bytes);
            in.enableAliasing(true);
            m = ModelProto.parseFrom(in);
            in.checkLastTagWas(0); // as parseFrom(byte[]) does: a stray end-group tag is corruption
        } catch (java.io.IOException e) {
            // from a byte array only InvalidProtocolBufferException (an IOException) can come
            throw new Verifier.ModelUnreadable(source + ": not an ONNX model: truncated or corrupt ONNX protobuf ("
                    + firstSentence(e.getMessage()) + ")");
        }
        OnnxReader r = new OnnxReader(source);
        try {
            if (m.getIrVersion() <= 0 || !m.hasGraph()) {
                throw r.fail("not an ONNX model: " + (m.hasGraph() ? "no IR version" : "no graph")
                        + " (a protobuf, but not of an ONNX model)");
            }
            List<NodeProto> sorted = r.graph(m.getGraph(), Set.of(), true);
            if (!sorted.equals(m.getGraph().getNodeList())) {
                ModelProto.Builder b = m.toBuilder();
                b.getGraphBuilder().clearNode().addAllNode(sorted);
                m = b.build();
            }
        } catch (Invalid e) {
            throw new Verifier.ModelUnreadable(source + ": " + e.getMessage());
        }
        return new Checked(bytes, m);
    }

    /** A check that failed; the message is what is wrong, without the source. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private Invalid fail(String message) {
        return new Invalid(message);
    }

    /**
     * Checks one graph (the main graph or a subgraph of an {@code If}/{@code Loop}/{@code Scan}) and returns its
     * nodes in topological order.
     *
     * @param outer tensors of enclosing graphs a subgraph may read
     */
    private List<NodeProto> graph(GraphProto g, Set<String> outer, boolean main) throws Invalid {
        // one small method per pass: the JIT compiles each on its own, far quicker than one large method
        String where = main ? "" : " in subgraph '" + p(g.getName()) + "'";
        limits(g, where);
        Set<String> declared = declared(g, outer, main, where);
        Map<String, Integer> writer = writers(g, where);
        Set<String> visible = new HashSet<>(declared);
        visible.addAll(writer.keySet());
        reads(g, visible, where);
        for (ValueInfoProto out : g.getOutputList()) {
            if (!visible.contains(out.getName())) {
                throw fail("graph output '" + p(out.getName()) + "'" + where + " is written by no node");
            }
        }
        return topological(g, writer, where);
    }

    /** Counts this graph's nodes and initializers against the model's limits. */
    private void limits(GraphProto g, String where) throws Invalid {
        if (g.getSparseInitializerCount() > 0) {
            throw fail("sparse initializers" + where + " are not supported (no MobileNet export has them)");
        }
        initializers += g.getInitializerCount();
        if (initializers > MAX_INITIALIZERS) {
            throw fail("more than " + MAX_INITIALIZERS + " initializers; the largest real MobileNet has 304");
        }
        nodes += g.getNodeCount();
        if (nodes > MAX_NODES) {
            throw fail(nodes + " nodes; a model may have at most " + MAX_NODES
                    + " (the largest real MobileNet has 473)");
        }
    }

    /** The tensors the graph declares (initializers, each checked, and inputs) plus those of enclosing graphs. */
    private Set<String> declared(GraphProto g, Set<String> outer, boolean main, String where) throws Invalid {
        Set<String> declared = new HashSet<>(outer);
        for (TensorProto t : g.getInitializerList()) {
            tensor(t, () -> "initializer '" + p(t.getName()) + "'" + where);
            declared.add(t.getName());
        }
        for (ValueInfoProto in : g.getInputList()) {
            // IR 3 models list their weights as inputs too: those are initializers, checked above
            if (main && !declared.contains(in.getName())) {
                input(in);
            }
            declared.add(in.getName());
        }
        return declared;
    }

    /** Who writes each tensor: its node's index; a tensor written twice is refused. */
    private Map<String, Integer> writers(GraphProto g, String where) throws Invalid {
        Map<String, Integer> writer = new HashMap<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            for (String out : n.getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                Integer before = writer.putIfAbsent(out, i);
                if (before != null) {
                    throw fail("tensor '" + p(out) + "'" + where + " is written by two nodes, " + name(g.getNode(before))
                            + " and " + name(n));
                }
            }
        }
        return writer;
    }

    /** Every node reads only tensors that exist; its attributes' tensors and subgraphs are checked too. */
    private void reads(GraphProto g, Set<String> visible, String where) throws Invalid {
        for (NodeProto n : g.getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !visible.contains(in)) {
                    throw fail("node " + name(n) + where + " reads '" + p(in) + "', which no node writes and the graph"
                            + " does not declare");
                }
            }
            for (AttributeProto a : n.getAttributeList()) {
                attribute(a, n, visible);
            }
        }
    }

    private void attribute(AttributeProto a, NodeProto n, Set<String> visible) throws Invalid {
        Supplier<String> where = () -> "tensor of attribute '" + p(a.getName()) + "' of node " + name(n);
        if (a.hasT()) {
            tensor(a.getT(), where);
        }
        for (TensorProto t : a.getTensorsList()) {
            tensor(t, where);
        }
        if (a.hasSparseTensor() || a.getSparseTensorsCount() > 0) {
            throw fail("sparse tensor in attribute '" + p(a.getName()) + "' of node " + name(n) + " is not supported");
        }
        if (a.hasG()) {
            graph(a.getG(), visible, false);
        }
        for (GraphProto sub : a.getGraphsList()) {
            graph(sub, visible, false);
        }
    }

    /** Kahn's algorithm over the data edges; a leftover node lies on or after a cycle, which is named. */
    private List<NodeProto> topological(GraphProto g, Map<String, Integer> writer, String where) throws Invalid {
        int count = g.getNodeCount();
        int[] pending = new int[count];
        List<List<Integer>> readers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            readers.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            Set<Integer> from = new LinkedHashSet<>();
            for (String in : g.getNode(i).getInputList()) {
                Integer w = in.isEmpty() ? null : writer.get(in);
                if (w != null) {
                    from.add(w);
                }
            }
            pending[i] = from.size();
            for (int w : from) {
                readers.get(w).add(i);
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < count; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(count);
        boolean[] done = new boolean[count];
        while (!ready.isEmpty()) {
            int i = ready.poll();
            done[i] = true;
            order.add(g.getNode(i));
            for (int r : readers.get(i)) {
                if (--pending[r] == 0) {
                    ready.add(r);
                }
            }
        }
        if (order.size() == count) {
            return order;
        }
        // follow unfinished writers back from the first unfinished node until one repeats: that one is on a cycle
        int at = 0;
        while (done[at]) {
            at++;
        }
        List<Integer> path = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        while (!seen.containsKey(at)) {
            seen.put(at, path.size());
            path.add(at);
            int next = -1;
            for (String in : g.getNode(at).getInputList()) {
                Integer w = in.isEmpty() ? null : writer.get(in);
                if (w != null && !done[w]) {
                    next = w;
                    break;
                }
            }
            at = next;
        }
        List<Integer> cycle = path.subList(seen.get(at), path.size());
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < Math.min(cycle.size(), 6); k++) {
            text.append(name(g.getNode(cycle.get(k)))).append(" reads ");
        }
        text.append(cycle.size() > 6 ? "… " : "").append(name(g.getNode(cycle.get(0))));
        throw fail("the graph" + where + " has a cycle: " + text);
    }

    /** A graph input: its declared shape must be sane and, for the one image, not absurdly large. */
    private void input(ValueInfoProto in) throws Invalid {
        if (!in.getType().hasTensorType() || !in.getType().getTensorType().hasShape()) {
            return;
        }
        TensorShapeProto shape = in.getType().getTensorType().getShape();
        long elements = 1;
        List<Long> dims = new ArrayList<>();
        boolean overflow = false;
        for (TensorShapeProto.Dimension d : shape.getDimList()) {
            // symbolic, or written -1 by some exporters: one image
            long v = d.hasDimValue() && d.getDimValue() >= 0 ? d.getDimValue() : -1;
            dims.add(v);
            if (v > 0) {
                try {
                    elements = Math.multiplyExact(elements, v);
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        if (overflow || elements > MAX_INPUT_ELEMENTS) {
            throw fail("input '" + p(in.getName()) + "' " + Shapes.text(dims) + " has " + (overflow ? "more than 2^63"
                    : Long.toString(elements)) + " elements; an input may have at most " + MAX_INPUT_ELEMENTS
                    + " elements (a 224 × 224 MobileNet image has 150528)");
        }
    }

    /**
     * A tensor stored in the model: a known type, sane dimensions, exactly its data, and that inside the file.
     * {@code name} says which tensor for a message; it is built only on failure (escaping the names of every tensor
     * and attribute of a model cost more than checking them).
     */
    private void tensor(TensorProto t, Supplier<String> name) throws Invalid {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            String location = t.getExternalDataList().stream().filter(e -> e.getKey().equals("location"))
                    .map(e -> "'" + p(e.getValue()) + "'").findFirst().orElse("an external file");
            throw fail(name.get() + " keeps its data outside the model file (in " + location
                    + "); only self-contained models are read");
        }
        List<Long> dims = t.getDimsList();
        long elements = 1;
        for (long d : dims) {
            if (d < 0) {
                throw fail(name.get() + " has a negative dimension: " + Shapes.values(dims));
            }
            try {
                elements = Math.multiplyExact(elements, d);
            } catch (ArithmeticException e) {
                throw fail(name.get() + " declares " + Shapes.values(dims) + ": more than 2^63 elements");
            }
        }
        int type = t.getDataType();
        int bits = bitsOf(type);
        if (bits == 0) {
            throw fail(name.get() + " has " + (type == 0 ? "no data type" : "unknown data type " + type));
        }
        if (t.hasRawData() && !t.getRawData().isEmpty()) {
            if (type == TensorProto.DataType.STRING.getNumber()) {
                throw fail(name.get() + " is a string tensor with raw data, which ONNX does not allow");
            }
            long expected = bytesOf(elements, bits, name, dims);
            if (t.getRawData().size() != expected) {
                throw fail(name.get() + " declares " + Shapes.values(dims) + " " + typeName(type) + " (" + expected + " bytes) but holds "
                        + t.getRawData().size() + " bytes");
            }
            return;
        }
        long held = typedCount(t, type);
        long expected = expectedTypedCount(elements, type);
        if (held != expected) {
            throw fail(name.get() + " declares " + Shapes.values(dims) + " " + typeName(type) + " (" + elements + " values) but holds "
                    + held + " values");
        }
    }

    private long bytesOf(long elements, int bits, Supplier<String> what, List<Long> dims) throws Invalid {
        try {
            return bits >= 8 ? Math.multiplyExact(elements, bits / 8) : (elements * bits + 7) / 8;
        } catch (ArithmeticException e) {
            throw fail(what.get() + " declares " + Shapes.values(dims) + ": too many bytes to hold");
        }
    }

    /** Values in the typed field that carries {@code type}'s data when there is no raw data. */
    private static long typedCount(TensorProto t, int type) {
        return switch (type) {
            case 1, 14 -> t.getFloatDataCount();
            case 7 -> t.getInt64DataCount();
            case 8 -> t.getStringDataCount();
            case 11, 15 -> t.getDoubleDataCount();
            case 12, 13 -> t.getUint64DataCount();
            default -> t.getInt32DataCount();
        };
    }

    private static long expectedTypedCount(long elements, int type) {
        return switch (type) {
            case 14, 15 -> elements * 2;               // complex: real and imaginary part
            case 21, 22, 23 -> (elements + 1) / 2;      // 4-bit types: two per int32 entry
            default -> elements;
        };
    }

    /** Bits per element of ONNX's data types; 0 for an unknown one. */
    private static int bitsOf(int type) {
        return switch (type) {
            case 2, 3, 9, 17, 18, 19, 20, 24 -> 8;     // uint8, int8, bool, float8 variants
            case 4, 5, 10, 16 -> 16;                    // uint16, int16, float16, bfloat16
            case 1, 6, 12 -> 32;                        // float, int32, uint32
            case 7, 11, 13, 14 -> 64;                   // int64, double, uint64, complex64
            case 15 -> 128;                             // complex128
            case 8 -> 8;                                // string: checked by count, never raw
            case 21, 22, 23 -> 4;                       // uint4, int4, float4e2m1
            default -> 0;
        };
    }

    private static String typeName(int type) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(type);
        return t == null ? "type " + type : switch (t) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case FLOAT16 -> "float16";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String name(NodeProto n) {
        return "'" + p(n.getName()) + "' (" + p(n.getOpType()) + ")";
    }

    /** A name from the file as messages show it: control and non-ASCII characters escaped, at most 80 characters. */
    static String p(String name) {
        String s = Hints.printable(name);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** Protobuf's messages run to several sentences and name its own classes after the first. */
    private static String firstSentence(String s) {
        if (s == null || s.isBlank()) {
            return "unreadable";
        }
        String line = s.strip();
        int stop = line.indexOf(". ");
        line = stop > 0 ? line.substring(0, stop) : line;
        line = line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
