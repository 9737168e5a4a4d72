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
 *
 * <p>A quantized spec ({@code quantops}) gives the same layers in TF-Lite's uint8 scheme, as the published
 * {@code *_quant} models have it: input {@code images} uint8 {@code [batch, H, W, 3]}, raw pixels 0–255,
 * dequantized with scale 1/128 and zero point 128 (so [-1, 1) as above); every kernel stored as uint8 with one
 * scale and zero point per tensor and every bias as int32 (scale = input scale × kernel scale), each behind a
 * {@code DequantizeLinear}; every convolution's output quantized and dequantized again
 * ({@code QuantizeLinear}/{@code DequantizeLinear}) with scale 6/255 and zero point 0, which is ReLU6 (no Clip),
 * or with scale 1/16 and zero point 128 where no ReLU6 follows (logits, linear projections, residual sums). The
 * output ({@code logits} or {@code feature_vector}) is uint8 and stays quantized; its scale and zero point
 * are in the model's metadata ({@code output_scale}, {@code output_zero_point}). The kernels are the float
 * model's stand-in weights, quantized, so both compute nearly the same function, and onnxruntime runs the
 * convolutions as integer {@code QLinearConv}s.
 */
public final class GraphBuilder {
    /** ONNX IR version 8 and opset 13: what onnxruntime 1.x loads, and Clip with min/max inputs needs ≥ 11. */
    static final int IR_VERSION = 8;
    /** The {@code producer_name} of every model this builder writes. */
    static final String PRODUCER = "modelcards";
    static final int OPSET = 13;

    /** Names the quantized graph's scheme in {@link BuildSpec#contentHash()}: change it when the scheme changes. */
    static final String QUANT_SCHEME = "uint8-per-tensor-qdq/1";
    /** The input's dequantization: {@code (q − 128) / 128}, raw pixels to [-1, 1). */
    static final float INPUT_SCALE = 1f / 128;
    static final int INPUT_ZERO_POINT = 128;
    /** Activations followed by ReLU6: [0, 6] in 255 steps, so quantizing clamps as ReLU6 does. */
    static final float RELU6_SCALE = 6f / 255;
    static final int RELU6_ZERO_POINT = 0;
    /** Activations without ReLU6 (logits, linear bottlenecks, residual sums): [-8, 7.94] in steps of 1/16. */
    static final float LINEAR_SCALE = 1f / 16;
    static final int LINEAR_ZERO_POINT = 128;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Weights weights;
    private final BuildSpec spec;
    /** The scale of the tensor the next convolution reads (quantized graphs only). */
    private float activationScale;

    private GraphBuilder(BuildSpec spec) {
        this.spec = spec;
        this.weights = new Weights(spec.seed());
    }

    /**
     * The model for {@code spec}.
     *
     * @param spec what to build
     * @return the ONNX model
     */
    public static ModelProto build(BuildSpec spec) {
        return new GraphBuilder(spec).model();
    }

    /**
     * The counts of the model {@link #build} writes for {@code spec}, from the builder's own plan rather than from
     * the graph: every convolution's kernel ({@code out × in/groups × k × k}) and bias, its multiply-adds at the
     * output size TF's SAME padding gives, the classifier, and the largest activation (the input or a
     * convolution's output, for one image). {@link ShapeWalk} must measure exactly these on every exported model.
     */
    public static GraphStats plannedStats(BuildSpec spec) {
        LayerPlan plan = LayerPlan.of(spec.arch(), spec.multiplier());
        long params = 0;
        long biases = 0;
        long macs = 0;
        int size = spec.resolution();
        long largest = 3L * size * size;
        for (LayerPlan.Unit unit : plan.units()) {
            for (LayerPlan.Conv c : unit.convs()) {
                int out = ceilDiv(size, c.stride());
                long kernel = (long) c.out() * (c.in() / c.groups()) * c.kernel() * c.kernel();
                params += kernel;
                biases += c.out();
                macs += kernel * out * out;
                largest = Math.max(largest, (long) c.out() * out * out);
                size = out;
            }
        }
        if (spec.classifier()) {
            params += (long) plan.featureWidth() * spec.classes();
            biases += spec.classes();
            macs += (long) plan.featureWidth() * spec.classes();
            // the classifier is a convolution too: at tiny resolutions its [classes] output is the largest
            largest = Math.max(largest, spec.classes());
        }
        return new GraphStats(params, biases, macs, null, largest);
    }

    private ModelProto model() {
        boolean q = spec.quantized();
        graph.setName(spec.name() + "_" + (q ? spec.quantization() + "_" : "") + spec.head());
        int r = spec.resolution();
        TensorProto.DataType io = q ? TensorProto.DataType.UINT8 : TensorProto.DataType.FLOAT;
        graph.addInput(valueInfo("images", io, spec.nchw() ? new long[] {-1, 3, r, r} : new long[] {-1, r, r, 3}));
        String x;
        if (q) {
            graph.addInitializer(Weights.scalar("input_scale", INPUT_SCALE));
            graph.addInitializer(Weights.uint8Scalar("input_zero_point", INPUT_ZERO_POINT));
            graph.addInitializer(Weights.scalar("relu6_scale", RELU6_SCALE));
            graph.addInitializer(Weights.uint8Scalar("relu6_zero_point", RELU6_ZERO_POINT));
            graph.addInitializer(Weights.scalar("linear_scale", LINEAR_SCALE));
            graph.addInitializer(Weights.uint8Scalar("linear_zero_point", LINEAR_ZERO_POINT));
            // Transpose the uint8 pixels (4× less to move), then dequantize: the graph TF-Lite's converters emit.
            x = spec.nchw() ? "images" : node("Transpose", "to_nchw", new String[] {"images"}, "nchw",
                    ints("perm", 0, 3, 1, 2));
            x = node("DequantizeLinear", "rescale", new String[] {x, "input_scale", "input_zero_point"}, "rescaled");
            activationScale = INPUT_SCALE;
        } else {
            graph.addInitializer(Weights.scalar("const_two", 2f));
            graph.addInitializer(Weights.scalar("const_minus_one", -1f));
            graph.addInitializer(Weights.scalar("const_zero", 0f));
            graph.addInitializer(Weights.scalar("const_six", 6f));
            node("Mul", "scale", new String[] {"images", "const_two"}, "scaled");
            node("Add", "shift", new String[] {"scaled", "const_minus_one"}, "rescaled");
            x = "rescaled";
            if (!spec.nchw()) {
                x = node("Transpose", "to_nchw", new String[] {x}, "nchw", ints("perm", 0, 3, 1, 2));
            }
        }
        LayerPlan plan = LayerPlan.of(spec.arch(), spec.multiplier());
        int size = r;
        boolean lastRelu6 = true;
        for (LayerPlan.Unit unit : plan.units()) {
            String unitInput = x;
            for (LayerPlan.Conv c : unit.convs()) {
                x = conv(c, x, size);
                size = ceilDiv(size, c.stride());
                lastRelu6 = c.relu6();
            }
            if (unit.residual()) {
                String name = unit.convs().get(0).name().replaceAll("_[a-z]+$", "") + "_add";
                x = node("Add", name, new String[] {unitInput, x}, x + "_sum");
                if (q) {
                    x = requantize(name, x, false);
                    lastRelu6 = false;
                }
            }
        }
        x = node("GlobalAveragePool", "pool", new String[] {x}, "pooled");
        if (q) {
            // the mean of values in the activation's range stays in it: same scale and zero point
            x = quantize("pool", x, lastRelu6);
        }
        String output;
        long width;
        if (spec.classifier()) {
            String w;
            String b;
            if (q) {
                x = dequantize("pool", x, lastRelu6);
                String[] wb = quantizedConvWeights("logits", plan.featureWidth(), spec.classes(), plan.featureWidth(), 1, 1);
                w = wb[0];
                b = wb[1];
            } else {
                w = add(weights.kernel("logits_w", plan.featureWidth(), spec.classes(), plan.featureWidth(), 1, 1));
                b = add(weights.bias("logits_b", spec.classes()));
            }
            x = node("Conv", "logits_conv", new String[] {x, w, b}, "logits_4d", ints("kernel_shape", 1, 1));
            if (q) {
                x = quantize("logits", x, false);
            }
            output = "logits";
            width = spec.classes();
        } else {
            output = "feature_vector";
            width = plan.featureWidth();
        }
        node("Flatten", "flatten", new String[] {x}, output, AttributeProto.newBuilder().setName("axis")
                .setType(AttributeProto.AttributeType.INT).setI(1).build());
        graph.addOutput(valueInfo(output, io, new long[] {-1, width}));
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(BuildSpec.BUILDER_VERSION)
                .setDocString("Reference architecture of " + spec.handle() + " with deterministic stand-in weights"
                        + " (not trained)." + (q ? " Quantized to uint8 as TF-Lite's *_quant models: input raw pixels"
                        + " 0-255, output quantized (real = (q - output_zero_point) * output_scale)." : ""))
                .addMetadataProps(meta("handle", spec.handle()))
                .addMetadataProps(meta("content_hash", spec.contentHash()));
        if (q) {
            boolean outLinear = spec.classifier() || !lastRelu6;
            model.addMetadataProps(meta("quantization", spec.quantization()))
                    .addMetadataProps(meta("input_scale", Float.toString(INPUT_SCALE)))
                    .addMetadataProps(meta("input_zero_point", Integer.toString(INPUT_ZERO_POINT)))
                    .addMetadataProps(meta("output_scale", Float.toString(outLinear ? LINEAR_SCALE : RELU6_SCALE)))
                    .addMetadataProps(meta("output_zero_point",
                            Integer.toString(outLinear ? LINEAR_ZERO_POINT : RELU6_ZERO_POINT)));
        }
        return model.setGraph(graph).build();
    }

    /**
     * Whether {@code model} is a reference export of this builder: the catalog's architecture with deterministic
     * stand-in (random, untrained) weights, whose predictions mean nothing. Recognised by the producer name and
     * the content hash the builder records.
     *
     * @param model a model
     * @return the handle it was exported for, or empty when it is not a reference export
     */
    public static java.util.Optional<String> standInFor(ModelProto model) {
        if (!PRODUCER.equals(model.getProducerName())
                || model.getMetadataPropsList().stream().noneMatch(p -> p.getKey().equals("content_hash"))) {
            return java.util.Optional.empty();
        }
        return model.getMetadataPropsList().stream().filter(p -> p.getKey().equals("handle"))
                .map(p -> p.getValue()).findFirst().or(() -> java.util.Optional.of("an unnamed catalog entry"));
    }

    /** A convolution with TF's SAME padding (the extra row/column goes at the end), then ReLU6 if planned. */
    private String conv(LayerPlan.Conv c, String input, int size) {
        int out = ceilDiv(size, c.stride());
        int total = Math.max((out - 1) * c.stride() + c.kernel() - size, 0);
        int begin = total / 2;
        int end = total - begin;
        int fanIn = c.in() / c.groups() * c.kernel() * c.kernel();
        long[] dims = {c.out(), c.in() / c.groups(), c.kernel(), c.kernel()};
        String w;
        String b;
        if (spec.quantized()) {
            String[] wb = quantizedConvWeights(c.name(), fanIn, dims);
            w = wb[0];
            b = wb[1];
        } else {
            w = add(weights.kernel(c.name() + "_w", fanIn, dims));
            b = add(weights.bias(c.name() + "_b", c.out()));
        }
        String y = node("Conv", c.name(), new String[] {input, w, b}, c.name() + "_out",
                ints("kernel_shape", c.kernel(), c.kernel()), ints("strides", c.stride(), c.stride()),
                ints("pads", begin, begin, end, end), AttributeProto.newBuilder().setName("group")
                        .setType(AttributeProto.AttributeType.INT).setI(c.groups()).build());
        if (spec.quantized()) {
            // quantizing to [0, 6] is the ReLU6; without it, the linear range
            return requantize(c.name(), y, c.relu6());
        }
        if (!c.relu6()) {
            return y;
        }
        return node("Clip", c.name() + "_relu6", new String[] {y, "const_zero", "const_six"}, c.name() + "_relu6");
    }

    /**
     * The float model's kernel and bias for {@code name}, stored quantized behind {@code DequantizeLinear}: the
     * kernel uint8 per tensor, the bias int32 at the input's scale × the kernel's (TF-Lite's bias scheme).
     *
     * @return the names of the dequantized kernel and bias
     */
    private String[] quantizedConvWeights(String name, int fanIn, long... dims) {
        Weights.Quantized k = Weights.quantize(weights.kernelValues(fanIn, dims));
        float[] bias = weights.biasValues((int) dims[0]);
        add(Weights.uint8(name + "_w_quantized", k.values(), dims));
        add(Weights.scalar(name + "_w_scale", k.scale()));
        add(Weights.uint8Scalar(name + "_w_zero_point", k.zeroPoint()));
        String w = node("DequantizeLinear", name + "_w_dequantize",
                new String[] {name + "_w_quantized", name + "_w_scale", name + "_w_zero_point"}, name + "_w");
        float biasScale = activationScale * k.scale();
        int[] qb = new int[bias.length];
        for (int i = 0; i < bias.length; i++) {
            qb[i] = Math.round(bias[i] / biasScale);
        }
        add(Weights.int32(name + "_b_quantized", qb, dims[0]));
        add(Weights.scalar(name + "_b_scale", biasScale));
        String b = node("DequantizeLinear", name + "_b_dequantize",
                new String[] {name + "_b_quantized", name + "_b_scale"}, name + "_b");
        return new String[] {w, b};
    }

    /** {@code QuantizeLinear} then {@code DequantizeLinear}: the float tensor as the uint8 model sees it. */
    private String requantize(String name, String x, boolean relu6) {
        return dequantize(name, quantize(name, x, relu6), relu6);
    }

    private String quantize(String name, String x, boolean relu6) {
        String range = relu6 ? "relu6" : "linear";
        return node("QuantizeLinear", name + "_quantize", new String[] {x, range + "_scale", range + "_zero_point"},
                name + "_quantized");
    }

    private String dequantize(String name, String x, boolean relu6) {
        String range = relu6 ? "relu6" : "linear";
        activationScale = relu6 ? RELU6_SCALE : LINEAR_SCALE;
        return node("DequantizeLinear", name + "_dequantize", new String[] {x, range + "_scale", range + "_zero_point"},
                name + "_dequantized");
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

    /** A tensor value of {@code type}; -1 becomes the symbolic dimension {@code batch}. */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    private static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
