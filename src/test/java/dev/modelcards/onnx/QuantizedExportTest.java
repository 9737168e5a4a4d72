package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quantized ({@code quantops}) reference models: uint8 input, QDQ graph, the float model's counts. */
class QuantizedExportTest {
    private static final Registry REGISTRY = Registry.load();
    private static final Path DIR = Path.of("target", "test-models", "quantized");
    private static final ModelVersion QUANT = REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification");
    private static final ModelVersion FLOAT = REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification");
    private static final BuildSpec QSPEC = BuildSpec.of(QUANT.variant());
    private static final BuildSpec FSPEC = BuildSpec.of(FLOAT.variant());

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(DIR);
    }

    private static Path write(String name, ModelProto m) {
        Path p = DIR.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    @Test
    void quantopsExportHasAUint8InputAndQuantizedWeightsAndActivations() {
        ModelProto m = GraphBuilder.build(QSPEC);
        assertThat(m.getGraph().getInput(0).getType().getTensorType().getElemType())
                .isEqualTo(TensorProto.DataType.UINT8.getNumber());
        assertThat(m.getGraph().getOutput(0).getType().getTensorType().getElemType())
                .isEqualTo(TensorProto.DataType.UINT8.getNumber());
        Map<String, Long> ops = m.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        long convs = ops.get("Conv");
        assertThat(convs).isEqualTo(1 + 13 * 2 + 1); // stem, 13 separable blocks, logits
        // every kernel and bias is stored quantized and dequantized in the graph; every convolution's output is
        // quantized (that is the ReLU6) and dequantized again, the pooled features and the logits too
        assertThat(ops.get("DequantizeLinear")).isEqualTo(1 + 2 * convs + (convs - 1) + 1);
        assertThat(ops.get("QuantizeLinear")).isEqualTo((convs - 1) + 1 + 1);
        assertThat(ops).doesNotContainKeys("Clip", "Mul");
        Map<String, TensorProto> init = m.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        Map<String, NodeProto> producer = m.getGraph().getNodeList().stream()
                .collect(Collectors.toMap(n -> n.getOutput(0), Function.identity()));
        for (NodeProto conv : m.getGraph().getNodeList()) {
            if (!conv.getOpType().equals("Conv")) {
                continue;
            }
            NodeProto w = producer.get(conv.getInput(1));
            NodeProto b = producer.get(conv.getInput(2));
            assertThat(w.getOpType()).as(conv.getName()).isEqualTo("DequantizeLinear");
            assertThat(init.get(w.getInput(0)).getDataType()).as(conv.getName()).isEqualTo(TensorProto.DataType.UINT8.getNumber());
            assertThat(b.getOpType()).as(conv.getName()).isEqualTo("DequantizeLinear");
            assertThat(init.get(b.getInput(0)).getDataType()).as(conv.getName()).isEqualTo(TensorProto.DataType.INT32.getNumber());
        }
        assertThat(init.values()).noneMatch(t -> t.getDataType() == TensorProto.DataType.FLOAT.getNumber()
                && t.getDimsCount() > 1);
        assertThat(m.getMetadataPropsList()).anyMatch(p -> p.getKey().equals("output_scale"));
    }

    @Test
    void shapeWalkCountsTheQuantizedModelAsItsFloatModelAndAsTheRealOne() {
        for (String head : List.of("classification", "feature_vector")) {
            BuildSpec q = BuildSpec.of(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/" + head).variant());
            GraphStats qs = ShapeWalk.measure(GraphBuilder.build(q));
            GraphStats fs = ShapeWalk.measure(GraphBuilder.build(q.floatSpec()));
            assertThat(qs.params()).as(head).isEqualTo(fs.params());
            assertThat(qs.biases()).as(head).isEqualTo(fs.biases());
            assertThat(qs.macs()).as(head).isEqualTo(fs.macs());
        }
        // what the shape walk measures on mobilenet_v1_0.5_128_quant.onnx (see RealModelsTest)
        GraphStats s = ShapeWalk.measure(GraphBuilder.build(QSPEC));
        assertThat(s.params()).isEqualTo(1_320_160L);
        assertThat(s.macs()).isEqualTo(49_160_704L);
    }

    @Test
    void quantizedAndFloatFilesAreKeyedApartAndDeterministic() {
        assertThat(QSPEC.floatSpec()).isEqualTo(FSPEC);
        assertThat(QSPEC.fileName()).isEqualTo("mobilenet_v1_050_128-quantops-classification.onnx");
        assertThat(FSPEC.fileName()).isEqualTo("mobilenet_v1_050_128-classification.onnx");
        assertThat(QSPEC.contentHash()).isNotEqualTo(FSPEC.contentHash());
        ModelCache cache = new ModelCache(DIR.resolve("cache"));
        assertThat(cache.pathOf(QSPEC)).isNotEqualTo(cache.pathOf(FSPEC));
        assertThat(cache.pathOf(QSPEC).getFileName().toString()).startsWith("mobilenet_v1_050_128-quantops-classification-");
        assertThat(ModelLayout.fileName(QUANT.variant())).isEqualTo(QSPEC.fileName());
        assertThat(GraphBuilder.build(QSPEC).toByteArray()).isEqualTo(GraphBuilder.build(QSPEC).toByteArray());
    }

    @Test
    void quantizedModelComputesNearlyWhatItsFloatModelComputes() throws Exception {
        var env = OnnxModel.environment();
        float[] q;
        float[] f;
        try (OnnxModel m = OnnxModel.load(env, GraphBuilder.build(QSPEC).toByteArray())) {
            OnnxModel.Output out = m.runDeterministic();
            assertThat(out.type()).isEqualTo("uint8");
            q = out.values();
        }
        try (OnnxModel m = OnnxModel.load(env, GraphBuilder.build(FSPEC).toByteArray())) {
            f = m.runDeterministic().values();
        }
        // the same stand-in weights, quantized: dequantized logits follow the float ones closely (measured: 0.97)
        double[] dq = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            dq[i] = (q[i] - GraphBuilder.LINEAR_ZERO_POINT) * GraphBuilder.LINEAR_SCALE;
        }
        assertThat(correlation(f, dq)).isGreaterThan(0.9);
    }

    @Test
    void quantopsHandleAcceptsTheQuantizedExportAndRejectsTheFloatOne() {
        Verifier verifier = new Verifier(OnnxModel.environment());
        Path quantized = write("quantops.onnx", GraphBuilder.build(QSPEC));
        List<VerifyResult> ok = verifier.verify(quantized, QUANT.variant().versions());
        assertThat(ok).hasSize(2).allMatch(VerifyResult::ok);
        assertThat(ok.get(0).declared().inputTypes()).containsExactly("uint8");
        assertThat(ok.get(0).actual().inputType()).isEqualTo("uint8");
        VerifyResult wrong = verifier.verify(write("float.onnx", GraphBuilder.build(FSPEC)), List.of(QUANT)).get(0);
        assertThat(wrong.status()).isEqualTo(VerifyResult.MISMATCH);
        // a float32 output is accepted (a quantized graph may dequantize its output); a float32 input is not
        assertThat(wrong.mismatches()).extracting(Mismatch::message)
                .containsExactly(QUANT.handle() + ": input type: declared uint8, model has float32");
    }

    private static double correlation(float[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += (double) x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}
