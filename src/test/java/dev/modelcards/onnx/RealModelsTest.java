package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelcards.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two real MobileNet ONNX models in the shared test data (skipped where that folder is absent). */
class RealModelsTest {
    private static Path real;
    private static final Registry REGISTRY = Registry.load();

    @BeforeAll
    static void locate() {
        String shared = System.getProperty("modelcards.shared");
        real = shared == null ? null : Path.of(shared, "testdata", "real");
        assumeTrue(real != null && Files.isDirectory(real), "real models not found: set -Dmodelcards.shared to the"
                + " shared folder holding testdata/real (was " + shared + ")");
    }

    private static VerifyResult verify(String file, String handle) {
        return new Verifier(OnnxModel.environment()).verify(real.resolve(file), List.of(REGISTRY.get(handle))).get(0);
    }

    @Test
    void quantizedV1VerifiesGreenUnderItsQuantopsHandle() {
        String quantops = "google/imagenet/mobilenet_v1_050_128/quantops/classification";
        for (String handle : List.of(quantops, quantops + "/1", quantops + "/3")) {
            VerifyResult r = verify("mobilenet_v1_0.5_128_quant.onnx", handle);
            assertThat(r.mismatches()).as(handle).isEmpty();
            assertThat(r.status()).as(handle).isEqualTo("ok");
            assertThat(r.declared().inputTypes()).containsExactly("uint8");
            assertThat(r.actual().inputType()).isEqualTo("uint8");
            assertThat(r.actual().outputType()).isEqualTo("uint8");
            assertThat(r.actual().params()).isEqualTo(1_320_160L);
            assertThat(r.actual().macs()).isEqualTo(49_160_704L);
        }
        assertThat(verify("mobilenet_v1_0.5_128_quant.onnx", quantops).handle()).isEqualTo(quantops + "/3");
        // the quantized export of the same cell measures exactly as the real model does
        GraphStats exported = ShapeWalk.measure(GraphBuilder.build(BuildSpec.of(REGISTRY.get(quantops).variant())));
        VerifyResult real = verify("mobilenet_v1_0.5_128_quant.onnx", quantops);
        assertThat(exported.params()).isEqualTo(real.actual().params());
        assertThat(exported.macs()).isEqualTo(real.actual().macs());
    }

    @Test
    void quantizedV1IsAlsoAcceptedAsAnIntegerDeploymentOfTheFloatHandle() {
        // float handles accept uint8 input (a post-training integer conversion of the float model); only the
        // quantops handles insist on it
        VerifyResult r = verify("mobilenet_v1_0.5_128_quant.onnx", "google/imagenet/mobilenet_v1_050_128/classification");
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.declared().inputTypes()).containsExactly("float32", "uint8");
    }

    @Test
    void kerasV2WithoutBackgroundClassFailsPrecisely() {
        VerifyResult r = verify("mobilenet_v2_1.0_224_int8_per_tensor.onnx",
                "google/imagenet/mobilenet_v2_100_224/classification");
        assertThat(r.status()).isEqualTo("mismatch");
        assertThat(r.mismatches()).extracting(Mismatch::message).containsExactly(
                "google/imagenet/mobilenet_v2_100_224/classification/5: output dim 1: declared 1001, model has 1000");
    }

    @Test
    void quantizedV1RanksMilitaryUniformFirstForGraceHopper() throws Exception {
        List<String> labels = Classifier.readLabels(real.resolve("ImageNetLabels.txt"));
        OnnxReader.Checked model = OnnxReader.read(real.resolve("mobilenet_v1_0.5_128_quant.onnx"));
        try (OnnxModel m = OnnxModel.load(OnnxModel.environment(), model.bytes())) {
            List<Classifier.Prediction> top = new Classifier(m, labels, ClassScores.of(model.model()))
                    .classify(real.resolve("grace_hopper.jpg"), 5);
            assertThat(top).hasSize(5);
            assertThat(top.get(0).label()).isEqualTo("military uniform");
        }
    }
}
