package dev.modelcards.hardening;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.modelcards.cli.CliRun;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.GraphBuilder;
import dev.modelcards.Registry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes the committed seed corpora of the input fuzz targets ({@link OnnxReaderFuzzTest},
 * {@link ImageFuzzTest}, {@link VerifyReportFuzzTest}): small valid inputs of every kind the readers know and one
 * file per hostile case of the hostile-input tests. Findings are added by hand, never by this class. Run from the
 * project folder with the test classpath: {@code java -cp ... dev.modelcards.hardening.SeedCorpus}.
 */
public final class SeedCorpus {
    private static final Path ROOT = Path.of("src/test/resources/dev/modelcards/hardening");

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        models(ROOT.resolve("OnnxReaderFuzzTestInputs/model"));
        images(ROOT.resolve("ImageFuzzTestInputs/image"));
        reports(ROOT.resolve("VerifyReportFuzzTestInputs/report"));
    }

    // ---- models ------------------------------------------------------------------------------------------

    static void models(Path dir) throws IOException {
        Files.createDirectories(dir);
        ModelProto tiny = HostileInputs.tinyModel(16, 10);
        write(dir, "tiny_float.onnx", tiny.toByteArray());
        write(dir, "tiny_quantized.onnx", quantized().toByteArray());
        write(dir, "tiny_keras.onnx", keras().toByteArray());
        ModelProto.Builder unsorted = tiny.toBuilder();
        List<NodeProto> nodes = new ArrayList<>(tiny.getGraph().getNodeList());
        Collections.reverse(nodes);
        unsorted.getGraphBuilder().clearNode().addAllNode(nodes);
        write(dir, "tiny_unsorted.onnx", unsorted.build().toByteArray());
        write(dir, "tiny_subgraph.onnx", subgraph().toByteArray());
        write(dir, "hostile_cycle.onnx", HostileInputs.cycle().toByteArray());
        write(dir, "hostile_external_data.onnx", HostileInputs.externalData("weights.bin", 0, 864).toByteArray());
        write(dir, "hostile_raw_data_short.onnx", HostileInputs.rawDataShorterThanDims(100).toByteArray());
        write(dir, "hostile_dangling_input.onnx", HostileInputs.danglingInput().toByteArray());
        write(dir, "hostile_duplicate_output.onnx", HostileInputs.duplicateOutput().toByteArray());
        write(dir, "hostile_zero_strides.onnx", HostileInputs.zeroStrides().toByteArray());
        write(dir, "hostile_perm_out_of_range.onnx", HostileInputs.permOutOfRange().toByteArray());
        write(dir, "hostile_input_1e9.onnx", HostileInputs.inputSide(1_000_000_000L).toByteArray());
        byte[] t = tiny.toByteArray();
        write(dir, "hostile_truncated.onnx", Arrays.copyOf(t, t.length - 7));
        write(dir, "hostile_text.onnx", "this is not a model\n".getBytes(StandardCharsets.UTF_8));
    }

    private static TensorProto ints64(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        b.flip();
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length).setRawData(ByteString.copyFrom(b)).build();
    }

    private static TensorProto scalar(String name, TensorProto.DataType type, byte[] raw) {
        return TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(ByteString.copyFrom(raw))
                .build();
    }

    private static byte[] f32(float v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array();
    }

    /** uint8 in, QLinearConv, dequantized, pooled, a quantized MatMul classifier: TF-Lite-style operators. */
    static ModelProto quantized() {
        SplittableRandom r = new SplittableRandom(3);
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny_q");
        g.addInput(HostileInputs.valueInfo("images", TensorProto.DataType.UINT8, -1, 16, 16, 3));
        byte[] w = new byte[8 * 3 * 3 * 3];
        r.nextBytes(w);
        g.addInitializer(TensorProto.newBuilder().setName("w_q").setDataType(TensorProto.DataType.UINT8.getNumber())
                .addDims(8).addDims(3).addDims(3).addDims(3).setRawData(ByteString.copyFrom(w)));
        g.addInitializer(scalar("s", TensorProto.DataType.FLOAT, f32(0.02f)));
        g.addInitializer(scalar("zp", TensorProto.DataType.UINT8, new byte[] {(byte) 128}));
        byte[] fc = new byte[8 * 10];
        r.nextBytes(fc);
        g.addInitializer(TensorProto.newBuilder().setName("fc_q").setDataType(TensorProto.DataType.UINT8.getNumber())
                .addDims(8).addDims(10).setRawData(ByteString.copyFrom(fc)));
        g.addNode(HostileInputs.node("Transpose", "to_nchw", new String[] {"images"}, "nchw",
                HostileInputs.ints("perm", 0, 3, 1, 2)));
        g.addNode(HostileInputs.node("QLinearConv", "conv", new String[] {"nchw", "s", "zp", "w_q", "s", "zp", "s",
                "zp"}, "conv_q", HostileInputs.ints("kernel_shape", 3, 3), HostileInputs.ints("strides", 2, 2),
                HostileInputs.ints("pads", 1, 1, 1, 1)));
        g.addNode(HostileInputs.node("DequantizeLinear", "deq", new String[] {"conv_q", "s", "zp"}, "conv_f"));
        g.addNode(HostileInputs.node("GlobalAveragePool", "pool", new String[] {"conv_f"}, "pooled"));
        g.addNode(HostileInputs.node("Flatten", "flatten", new String[] {"pooled"}, "flat", HostileInputs.intAttr("axis", 1)));
        g.addNode(HostileInputs.node("QuantizeLinear", "q", new String[] {"flat", "s", "zp"}, "flat_q"));
        g.addNode(HostileInputs.node("QLinearMatMul", "fc", new String[] {"flat_q", "s", "zp", "fc_q", "s", "zp", "s",
                "zp"}, "logits"));
        g.addOutput(HostileInputs.valueInfo("logits", TensorProto.DataType.UINT8, -1, 10));
        return HostileInputs.model(g);
    }

    /** Keras-style operators: Pad, MaxPool, AveragePool, Reshape, MatMul, Add, Softmax, Squeeze, Unsqueeze, Concat. */
    static ModelProto keras() {
        SplittableRandom r = new SplittableRandom(5);
        GraphProto.Builder g = GraphProto.newBuilder().setName("tiny_keras");
        g.addInput(HostileInputs.valueInfo("input_1", TensorProto.DataType.FLOAT, -1, 16, 16, 3));
        g.addInitializer(ints64("pads", 0, 0, 1, 1, 0, 0, 1, 1));
        g.addInitializer(HostileInputs.floats("w", r, 4, 3, 3, 3));
        g.addInitializer(ints64("shape", -1, 4));
        g.addInitializer(HostileInputs.floats("fc", r, 4, 10));
        g.addInitializer(HostileInputs.floats("bias", r, 10));
        g.addInitializer(ints64("axes", 1));
        g.addNode(HostileInputs.node("Transpose", "t", new String[] {"input_1"}, "x0", HostileInputs.ints("perm", 0, 3, 1, 2)));
        g.addNode(HostileInputs.node("Pad", "pad", new String[] {"x0", "pads"}, "x1"));
        g.addNode(HostileInputs.node("Conv", "conv", new String[] {"x1", "w"}, "x2", HostileInputs.ints("strides", 2, 2)));
        g.addNode(HostileInputs.node("Relu", "relu", new String[] {"x2"}, "x3"));
        g.addNode(HostileInputs.node("MaxPool", "maxpool", new String[] {"x3"}, "x4", HostileInputs.ints("kernel_shape", 2, 2),
                HostileInputs.ints("strides", 2, 2)));
        g.addNode(HostileInputs.node("AveragePool", "avgpool", new String[] {"x4"}, "x5",
                HostileInputs.ints("kernel_shape", 4, 4)));
        g.addNode(HostileInputs.node("Reshape", "reshape", new String[] {"x5", "shape"}, "x6"));
        g.addNode(HostileInputs.node("MatMul", "matmul", new String[] {"x6", "fc"}, "x7"));
        g.addNode(HostileInputs.node("Add", "add", new String[] {"x7", "bias"}, "x8"));
        g.addNode(HostileInputs.node("Unsqueeze", "unsq", new String[] {"x8", "axes"}, "x9"));
        g.addNode(HostileInputs.node("Concat", "concat", new String[] {"x9", "x9"}, "x10", HostileInputs.intAttr("axis", 1)));
        g.addNode(HostileInputs.node("Squeeze", "sq", new String[] {"x9", "axes"}, "x11"));
        g.addNode(HostileInputs.node("Softmax", "softmax", new String[] {"x11"}, "probs"));
        g.addNode(HostileInputs.node("Shape", "shape_of", new String[] {"x10"}, "x12"));
        g.addOutput(HostileInputs.valueInfo("probs", TensorProto.DataType.FLOAT, -1, 10));
        return HostileInputs.model(g);
    }

    /** An If whose branches read a tensor of the enclosing graph, and a Constant. */
    static ModelProto subgraph() {
        ModelProto tiny = HostileInputs.tinyModel(8, 4);
        GraphProto.Builder g = tiny.getGraph().toBuilder();
        g.addNode(NodeProto.newBuilder().setOpType("Constant").setName("flag").addOutput("cond")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(TensorProto.newBuilder().setDataType(TensorProto.DataType.BOOL.getNumber())
                                .addInt32Data(1))));
        GraphProto then = GraphProto.newBuilder().setName("then")
                .addNode(HostileInputs.node("Identity", "then_id", new String[] {"logits"}, "then_out"))
                .addOutput(HostileInputs.valueInfo("then_out", TensorProto.DataType.FLOAT, -1, 4)).build();
        GraphProto otherwise = GraphProto.newBuilder().setName("else")
                .addNode(HostileInputs.node("Neg", "else_neg", new String[] {"logits"}, "else_out"))
                .addOutput(HostileInputs.valueInfo("else_out", TensorProto.DataType.FLOAT, -1, 4)).build();
        g.addNode(NodeProto.newBuilder().setOpType("If").setName("branch").addInput("cond").addOutput("chosen")
                .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(then))
                .addAttribute(AttributeProto.newBuilder().setName("else_branch").setType(AttributeProto.AttributeType.GRAPH)
                        .setG(otherwise)));
        g.addOutput(HostileInputs.valueInfo("chosen", TensorProto.DataType.FLOAT, -1, 4));
        return HostileInputs.model(g);
    }

    // ---- images ------------------------------------------------------------------------------------------

    static void images(Path dir) throws IOException {
        Files.createDirectories(dir);
        BufferedImage rgb = HostileImageTest.noise(24, 16);
        byte[] jpeg = HostileImageTest.jpeg(rgb, false);
        byte[] progressive = HostileImageTest.jpeg(rgb, true);
        write(dir, "baseline.jpg", jpeg);
        write(dir, "progressive.jpg", progressive);
        write(dir, "gray.jpg", encode(convert(rgb, BufferedImage.TYPE_BYTE_GRAY), "jpeg"));
        write(dir, "rgb.png", encode(rgb, "png"));
        write(dir, "gray16.png", encode(convert(rgb, BufferedImage.TYPE_USHORT_GRAY), "png"));
        write(dir, "argb.png", encode(convert(rgb, BufferedImage.TYPE_INT_ARGB), "png"));
        write(dir, "palette.png", encode(convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "png"));
        write(dir, "binary.png", encode(convert(rgb, BufferedImage.TYPE_BYTE_BINARY), "png"));
        write(dir, "palette.gif", encode(convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "gif"));
        write(dir, "rgb.bmp", encode(rgb, "bmp"));
        write(dir, "palette.bmp", encode(convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "bmp"));
        write(dir, "hostile_truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));
        write(dir, "hostile_huge.png", HostileInputs.png(100_000, 100_000, 0));
        write(dir, "hostile_wide.png", HostileInputs.png(1L << 30, 1, 0));
        write(dir, "hostile_huge.gif", HostileInputs.gif(65535, 65535));
        write(dir, "hostile_huge.bmp", HostileInputs.bmp(30000, 30000));
        write(dir, "hostile_huge.jpg", HostileInputs.jpegWithSize(jpeg, 65000, 65000));
        write(dir, "hostile_scans.jpg", HostileInputs.jpegWithExtraScans(progressive, 70));
        write(dir, "hostile_text.jpg", "just text\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_tiff.tif", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
    }

    private static BufferedImage convert(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, b)) {
            throw new IOException("no " + format + " writer for type " + img.getType());
        }
        return b.toByteArray();
    }

    // ---- reports -----------------------------------------------------------------------------------------

    static void reports(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path models = Files.createTempDirectory("seed-models");
        Files.write(models.resolve("mobilenet_v1_025_128-classification.onnx"), GraphBuilder.build(BuildSpec.of(
                Registry.load().get("google/imagenet/mobilenet_v1_025_128/classification").variant())).toByteArray());
        // a V2 model where the V1 feature vector is expected: a mismatch
        Files.write(models.resolve("mobilenet_v1_025_128-feature_vector.onnx"), GraphBuilder.build(BuildSpec.of(
                Registry.load().get("google/imagenet/mobilenet_v2_035_96/feature_vector").variant())).toByteArray());
        Path report = models.resolve("report.json");
        CliRun r = CliRun.of("verify", "--models", models.toString(), "--report", report.toString(),
                "mobilenet_v1_025_128");
        if (!Files.isRegularFile(report)) {
            throw new IOException("verify wrote no report: " + r.err());
        }
        // the folder is temporary: keep the report's text independent of where it was
        write(dir, "written_by_verify.json", Files.readString(report).replace(models.toString(), "models")
                .getBytes(StandardCharsets.UTF_8));
        write(dir, "minimal.json", "{\"results\": []}".getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_not_an_object.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_no_handle.json", "{\"results\": [{\"model\": \"x\"}]}".getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_long_number.json", ("{\"results\": [" + "1".repeat(1200) + "]}")
                .getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_deep.json", ("{\"results\": " + "[".repeat(2000)).getBytes(StandardCharsets.UTF_8));
        write(dir, "hostile_latin1.json", "{\"results\": [], \"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }
}
