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
    void quantizedV1VerifiesGreen() {
        VerifyResult r = verify("mobilenet_v1_0.5_128_quant.onnx", "google/imagenet/mobilenet_v1_050_128/classification");
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.status()).isEqualTo("ok");
        assertThat(r.actual().inputType()).isEqualTo("uint8");
        assertThat(r.actual().outputType()).isEqualTo("uint8");
        assertThat(r.actual().params()).isEqualTo(1_320_160L);
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
        byte[] bytes = Files.readAllBytes(real.resolve("mobilenet_v1_0.5_128_quant.onnx"));
        try (OnnxModel m = OnnxModel.load(OnnxModel.environment(), bytes)) {
            List<Classifier.Prediction> top = new Classifier(m, labels).classify(real.resolve("grace_hopper.jpg"), 5);
            assertThat(top).hasSize(5);
            assertThat(top.get(0).label()).isEqualTo("military uniform");
        }
    }
}
