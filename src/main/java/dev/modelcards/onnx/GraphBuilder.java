package dev.modelcards.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Builds the ONNX graph of one {@link BuildSpec} with the ONNX protobuf classes shipped by tribuo-util-onnx:
 * input {@code images} float32 {@code [batch, H, W, 3]} in [0, 1], rescaled to [-1, 1] inside as the TF-Hub
 * modules do, transposed to the channels-first layout ONNX convolutions use, then the {@link LayerPlan}
 * (convolutions with TF's SAME padding, ReLU6 as Clip, residual adds), global average pooling and, for the
 * classification head, a 1×1 convolution to the logits. Names are fixed and weights seeded, so the same
 * spec gives byte-identical models.
 */
public final class GraphBuilder {
    /** ONNX IR version 8 and opset 13: what onnxruntime 1.x loads, and Clip with min/max inputs needs ≥ 11. */
    static final int IR_VERSION = 8;
    static final int OPSET = 13;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Weights weights;
    private final BuildSpec spec;

    private GraphBuilder(BuildSpec spec) {
        this.spec = spec;
        this.weights = new Weights(spec.seed());
    }

    /** The model for {@code spec}. */
    public static ModelProto build(BuildSpec spec) {
        return new GraphBuilder(spec).model();
    }

    private ModelProto model() {
        graph.setName(spec.name() + "_" + spec.head());
        graph.addInitializer(Weights.scalar("const_two", 2f));
        graph.addInitializer(Weights.scalar("const_minus_one", -1f));
        graph.addInitializer(Weights.scalar("const_zero", 0f));
        graph.addInitializer(Weights.scalar("const_six", 6f));
        int r = spec.resolution();
        graph.addInput(valueInfo("images", spec.nchw() ? new long[] {-1, 3, r, r} : new long[] {-1, r, r, 3}));
        node("Mul", "scale", new String[] {"images", "const_two"}, "scaled");
        node("Add", "shift", new String[] {"scaled", "const_minus_one"}, "rescaled");
        String x = "rescaled";
        if (!spec.nchw()) {
            x = node("Transpose", "to_nchw", new String[] {x}, "nchw", ints("perm", 0, 3, 1, 2));
        }
        LayerPlan plan = LayerPlan.of(spec.arch(), spec.multiplier());
        int size = r;
        for (LayerPlan.Unit unit : plan.units()) {
            String unitInput = x;
            for (LayerPlan.Conv c : unit.convs()) {
                x = conv(c, x, size);
                size = ceilDiv(size, c.stride());
            }
            if (unit.residual()) {
                x = node("Add", unit.convs().get(0).name().replaceAll("_[a-z]+$", "") + "_add",
                        new String[] {unitInput, x}, x + "_sum");
            }
        }
        x = node("GlobalAveragePool", "pool", new String[] {x}, "pooled");
        String output;
        long width;
        if (spec.classifier()) {
            String w = add(weights.kernel("logits_w", plan.featureWidth(), spec.classes(), plan.featureWidth(), 1, 1));
            String b = add(weights.bias("logits_b", spec.classes()));
            x = node("Conv", "logits_conv", new String[] {x, w, b}, "logits_4d", ints("kernel_shape", 1, 1));
            output = "logits";
            width = spec.classes();
        } else {
            output = "feature_vector";
            width = plan.featureWidth();
        }
        node("Flatten", "flatten", new String[] {x}, output, AttributeProto.newBuilder().setName("axis")
                .setType(AttributeProto.AttributeType.INT).setI(1).build());
        graph.addOutput(valueInfo(output, new long[] {-1, width}));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("modelcards")
                .setProducerVersion(BuildSpec.BUILDER_VERSION)
                .setDocString("Reference architecture of " + spec.handle() + " with deterministic stand-in weights"
                        + " (not trained).")
                .addMetadataProps(meta("handle", spec.handle()))
                .addMetadataProps(meta("content_hash", spec.contentHash()))
                .setGraph(graph)
                .build();
    }

    /** A convolution with TF's SAME padding (the extra row/column goes at the end), then ReLU6 if planned. */
    private String conv(LayerPlan.Conv c, String input, int size) {
        int out = ceilDiv(size, c.stride());
        int total = Math.max((out - 1) * c.stride() + c.kernel() - size, 0);
        int begin = total / 2;
        int end = total - begin;
        int fanIn = c.in() / c.groups() * c.kernel() * c.kernel();
        String w = add(weights.kernel(c.name() + "_w", fanIn, c.out(), c.in() / c.groups(), c.kernel(), c.kernel()));
        String b = add(weights.bias(c.name() + "_b", c.out()));
        String y = node("Conv", c.name(), new String[] {input, w, b}, c.name() + "_out",
                ints("kernel_shape", c.kernel(), c.kernel()), ints("strides", c.stride(), c.stride()),
                ints("pads", begin, begin, end, end), AttributeProto.newBuilder().setName("group")
                        .setType(AttributeProto.AttributeType.INT).setI(c.groups()).build());
        if (!c.relu6()) {
            return y;
        }
        return node("Clip", c.name() + "_relu6", new String[] {y, "const_zero", "const_six"}, c.name() + "_relu6");
    }

    private String add(TensorProto t) {
        graph.addInitializer(t);
        return t.getName();
    }

    private String node(String op, String name, String[] inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** A float tensor value; -1 becomes the symbolic dimension {@code batch}. */
    private static ValueInfoProto valueInfo(String name, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }

    private static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
