package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every check can fail: wrong resolution, 1000 classes, NCHW, two inputs, truncated, not ONNX, missing. */
class VerifierTest {
    private static final Registry REGISTRY = Registry.load();
    private static final Path DIR = Path.of("target", "test-models", "verifier");
    private static final ModelVersion V2_224 = REGISTRY.get("google/imagenet/mobilenet_v2_035_224/classification/4");
    private static final BuildSpec SPEC = BuildSpec.of(V2_224.variant());
    private static Verifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(DIR);
        verifier = new Verifier(OnnxModel.environment());
    }

    private static Path write(String name, ModelProto m) {
        Path p = DIR.resolve(name);
        ModelFiles.write(m, p);
        return p;
    }

    private static VerifyResult verify(Path file) {
        return verifier.verify(file, List.of(V2_224)).get(0);
    }

    @Test
    void referenceModelIsOk() {
        VerifyResult r = verify(write("good.onnx", GraphBuilder.build(SPEC)));
        assertThat(r.status()).isEqualTo("ok");
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.actual().inputShape()).containsExactly(-1L, 224L, 224L, 3L);
        assertThat(r.actual().outputShape()).containsExactly(-1L, 1001L);
        assertThat(r.actual().inferenceShape()).containsExactly(1L, 1001L);
        assertThat(r.actual().params()).isEqualTo(1_663_328L);
    }

    @Test
    void wrongResolutionIsAMismatchOnHeightWidthAndMacs() {
        VerifyResult r = verify(write("res192.onnx", GraphBuilder.build(SPEC.withResolution(192))));
        assertThat(r.status()).isEqualTo("mismatch");
        assertThat(r.mismatches()).extracting(Mismatch::message).contains(
                "google/imagenet/mobilenet_v2_035_224/classification/4: input dim 1 (height): declared 224, model has 192",
                "google/imagenet/mobilenet_v2_035_224/classification/4: input dim 2 (width): declared 224, model has 192");
        assertThat(r.mismatches()).extracting(Mismatch::field).contains("macs");
    }

    @Test
    void thousandClassesIsAMismatchOnOutputDim() {
        VerifyResult r = verify(write("c1000.onnx", GraphBuilder.build(SPEC.withClasses(1000))));
        assertThat(r.status()).isEqualTo("mismatch");
        assertThat(r.mismatches()).extracting(Mismatch::message)
                .contains("google/imagenet/mobilenet_v2_035_224/classification/4: output dim 1: declared 1001, model has 1000");
    }

    @Test
    void nchwInputIsALayoutMismatch() {
        VerifyResult r = verify(write("nchw.onnx", GraphBuilder.build(SPEC.withNchw())));
        assertThat(r.mismatches()).extracting(Mismatch::field).contains("input layout");
        assertThat(r.mismatches().get(0).actual()).isEqualTo("NCHW [batch, 3, 224, 224]");
    }

    @Test
    void twoInputsIsAMismatch() {
        ModelProto.Builder b = GraphBuilder.build(SPEC).toBuilder();
        b.getGraphBuilder().addInput(b.getGraph().getInput(0).toBuilder().setName("extra"));
        VerifyResult r = verify(write("two-inputs.onnx", b.build()));
        assertThat(r.status()).isEqualTo("mismatch");
        assertThat(r.mismatches().get(0).field()).isEqualTo("inputs");
        assertThat(r.mismatches().get(0).actual()).isEqualTo("2 (images, extra)");
    }

    @Test
    void truncatedNotOnnxAndMissingFilesAreErrorsNamingTheFile() throws Exception {
        byte[] good = GraphBuilder.build(SPEC).toByteArray();
        Path truncated = DIR.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        Path text = DIR.resolve("readme.onnx");
        Files.writeString(text, "this is not a model\n");
        for (Path p : List.of(truncated, text, DIR.resolve("missing.onnx"))) {
            VerifyResult r = verify(p);
            assertThat(r.status()).as(p.toString()).isEqualTo("error");
            assertThat(r.error()).contains(p.toString()).startsWith(V2_224.handle() + ": ");
            assertThat(r.actual()).isNull();
        }
        assertThat(verify(DIR.resolve("missing.onnx")).error()).contains("model file not found");
    }

    @Test
    void subsetRunSharesFilesAcrossVersionsAndReportsAreStable() throws Exception {
        List<String> cells = List.of("mobilenet_v1_075_224", "mobilenet_v2_130_224");
        List<ModelVersion> models = Selection.select(REGISTRY, cells);
        // V1 0.75/224: float (4 versions) and quantops (2 versions) × 2 heads; V2 1.30/224: 5 versions × 2 heads
        List<Variant> variants = REGISTRY.variants().stream().filter(v -> cells.contains(v.name())).toList();
        assertThat(variants).hasSize(6).anyMatch(Variant::isQuantized);
        int published = variants.stream().mapToInt(v -> v.versions().size()).sum();
        ModelSource source = ModelSource.fresh(new ModelCache(DIR.resolve("cache")));
        VerifyRun.Plan plan = VerifyRun.plan(models, source, 1, 1);
        assertThat(plan.files()).hasSize(variants.size());
        assertThat(plan.models()).isEqualTo(published).isEqualTo(models.size());
        List<VerifyResult> results = VerifyRun.execute(plan, source, verifier, r -> { });
        assertThat(results).allMatch(VerifyResult::ok);
        // the 0.75/224 V1 MACs figure is a recorded erratum: reported as a warning, not a failure
        assertThat(results.get(0).warnings()).singleElement().asString().contains("known erratum");
        String json = JsonReport.render(results);
        assertThat(JsonReport.render(VerifyRun.execute(plan, source, verifier, r -> { }))).isEqualTo(json);
        JsonNode doc = new ObjectMapper().readTree(json);
        assertThat(doc.at("/summary/models").asInt()).isEqualTo(published);
        assertThat(doc.at("/summary/files").asInt()).isEqualTo(variants.size());
        assertThat(doc.at("/summary/not_applicable").asInt()).isZero();
        JsonNode first = doc.at("/results/0");
        assertThat(first.get("handle").asText()).isEqualTo("google/imagenet/mobilenet_v1_075_224/classification/1");
        assertThat(first.get("status").asText()).isEqualTo("ok");
        assertThat(first.at("/declared/output_shape/1").asLong()).isEqualTo(1001);
        assertThat(first.at("/actual/input_type").asText()).isEqualTo("float32");
        assertThat(first.at("/actual/macs").asLong()).isEqualTo(325_401_216L);
        JsonNode quantized = doc.at("/results/8");
        assertThat(quantized.get("handle").asText())
                .isEqualTo("google/imagenet/mobilenet_v1_075_224/quantops/classification/1");
        assertThat(quantized.at("/actual/input_type").asText()).isEqualTo("uint8");
        assertThat(quantized.at("/actual/macs").asLong()).isEqualTo(325_401_216L);
        assertThat(quantized.get("model").asText()).contains("mobilenet_v1_075_224-quantops-classification-");
        assertThat(JUnitReport.render(results)).contains("<testsuite name=\"modelcards.verify\" tests=\"" + published
                + "\" failures=\"0\" errors=\"0\" skipped=\"0\"");
        List<VerifyRun.Plan> shards = List.of(VerifyRun.plan(models, source, 1, 3), VerifyRun.plan(models, source, 2, 3),
                VerifyRun.plan(models, source, 3, 3));
        assertThat(shards.stream().mapToInt(s -> s.files().size()).sum()).isEqualTo(variants.size());
    }

    @Test
    void tfjsDeploymentsAreListedAsNotApplicableNeverAsFailures() throws Exception {
        // the float classification versions and their TF.js children (the quantops handle has /quantops/ between)
        Selection.Picked picked = Selection.pick(REGISTRY, List.of("mobilenet_v1_025_128/classification"));
        assertThat(picked.models()).isNotEmpty().noneMatch(m -> m.variant().isQuantized());
        assertThat(picked.deployments()).isNotEmpty().allMatch(d -> d.format().equals("tfjs"));
        ModelSource source = ModelSource.fresh(new ModelCache(DIR.resolve("cache")));
        VerifyRun.Plan plan = VerifyRun.plan(picked.models(), picked.deployments(), source, 1, 1);
        List<VerifyResult> results = VerifyRun.execute(plan, source, verifier, r -> { });
        assertThat(results).hasSize(picked.models().size() + picked.deployments().size()).noneMatch(VerifyResult::failed);
        assertThat(results.stream().filter(VerifyResult::notApplicable)).hasSize(picked.deployments().size())
                .allSatisfy(r -> {
                    assertThat(r.model()).isNull();
                    assertThat(r.deployment().reason()).contains("TF.js").contains("no ONNX model");
                });
        JsonReport.Summary s = JsonReport.Summary.of(results);
        assertThat(s.models()).isEqualTo(picked.models().size());
        assertThat(s.files()).isEqualTo(1);
        assertThat(s.notApplicable()).isEqualTo(picked.deployments().size());
        assertThat(s.failed()).isFalse();
        String tfjs = "google/imagenet/mobilenet_v1_025_128/classification/1/default/tfjs/1";
        JsonNode doc = new ObjectMapper().readTree(JsonReport.render(results));
        assertThat(doc.at("/summary/not_applicable").asInt()).isEqualTo(picked.deployments().size());
        JsonNode na = null;
        for (JsonNode r : doc.get("results")) {
            na = r.get("handle").asText().equals(tfjs) ? r : na;
        }
        assertThat(na).isNotNull();
        assertThat(na.get("status").asText()).isEqualTo("not_applicable");
        assertThat(na.has("model")).isFalse();
        assertThat(na.at("/deployment/parent").asText()).isEqualTo("google/imagenet/mobilenet_v1_025_128/classification/1");
        String xml = JUnitReport.render(results);
        assertThat(xml).contains("tests=\"" + results.size() + "\" failures=\"0\" errors=\"0\" skipped=\""
                + picked.deployments().size() + "\"");
        assertThat(xml).contains("<testcase classname=\"google/imagenet/mobilenet_v1_025_128/classification\" name=\"version 1"
                + " default/tfjs/1\"><skipped message=\"not applicable: a TF.js deployment of");
        // deployments have no file to deal out: the first shard lists them, the others do not
        assertThat(VerifyRun.plan(picked.models(), picked.deployments(), source, 1, 2).deployments())
                .hasSize(picked.deployments().size());
        assertThat(VerifyRun.plan(picked.models(), picked.deployments(), source, 2, 2).deployments()).isEmpty();
    }

    @Test
    void anotherMultipliersModelFailsOnParamsAndMacs() {
        BuildSpec wider = BuildSpec.of(REGISTRY.get("google/imagenet/mobilenet_v2_050_224/classification").variant());
        VerifyResult r = verify(write("wider.onnx", GraphBuilder.build(wider)));
        assertThat(r.mismatches()).extracting(Mismatch::field).containsExactly("params", "macs");
        assertThat(r.mismatches().get(0).message()).isEqualTo(V2_224.handle()
                + ": params: declared 1.660 M ± 0.043 M, model has 1.950 M");
    }

    @Test
    void nonFiniteInferenceOutputIsAMismatch() {
        ModelProto.Builder b = GraphBuilder.build(SPEC).toBuilder();
        var graph = b.getGraphBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals("logits_b")) {
                java.nio.ByteBuffer nan = java.nio.ByteBuffer.allocate(1001 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < 1001; k++) {
                    nan.putFloat(Float.NaN);
                }
                graph.getInitializerBuilder(i).setRawData(com.google.protobuf.ByteString.copyFrom(nan.array()));
            }
        }
        VerifyResult r = verify(write("nan.onnx", b.build()));
        assertThat(r.mismatches()).extracting(Mismatch::message)
                .containsExactly(V2_224.handle() + ": inference output values: declared finite, model has NaN or infinite values");
    }

    @Test
    void junitReportHasAFailurePerMismatchingModel() {
        VerifyResult bad = verify(write("c1000b.onnx", GraphBuilder.build(SPEC.withClasses(1000))));
        String xml = JUnitReport.render(List.of(bad));
        assertThat(xml).contains("failures=\"1\"").contains("<failure message=\"" + bad.mismatches().get(0).message());
    }
}
