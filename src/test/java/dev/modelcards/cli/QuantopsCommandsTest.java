package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CLI on quantized ({@code quantops}) handles and TF.js deployment cards: export keys quantized files apart,
 * verify checks the real TF-Lite-derived model under its quantops handle and calls a TF.js card not
 * applicable, classify feeds the quantized model raw pixels.
 */
class QuantopsCommandsTest {
    private static final Path DIR = Path.of("target", "test-models", "cli-quantops");
    private static final String QUANT = "google/imagenet/mobilenet_v1_050_128/quantops/classification";
    private static final String TFJS = "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1";

    private static Path real(String file) {
        String shared = System.getProperty("modelcards.shared");
        Path p = shared == null ? null : Path.of(shared, "testdata", "real", file);
        assumeTrue(p != null && Files.isRegularFile(p), "real models not found: set -Dmodelcards.shared (was " + shared + ")");
        return p;
    }

    @Test
    void exportWritesQuantizedModelsBesideTheFloatOnesAndVerifyChecksThem() throws Exception {
        Path models = DIR.resolve("export");
        CliRun export = CliRun.of("export", "--out", models.toString(), "mobilenet_v1_025_128/quantops");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("exported 2 model files for 4 published models");
        assertThat(models.resolve("mobilenet_v1_025_128-quantops-classification.onnx")).isRegularFile();
        assertThat(models.resolve("mobilenet_v1_025_128-quantops-feature_vector.onnx")).isRegularFile();
        assertThat(models.resolve("mobilenet_v1_025_128-classification.onnx")).doesNotExist();
        CliRun verify = CliRun.of("verify", "--models", models.toString(), "google/imagenet/mobilenet_v1_025_128/quantops/classification",
                "google/imagenet/mobilenet_v1_025_128/quantops/feature_vector/3");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("3 models in 2 files: 3 ok, 0 mismatch, 0 error")
                .contains("uint8[b,128,128,3]").doesNotContain("n/a");
    }

    @Test
    void realQuantizedModelVerifiesUnderItsQuantopsHandle() {
        String model = real("mobilenet_v1_0.5_128_quant.onnx").toString();
        for (String handle : new String[] {QUANT, QUANT + "/1"}) {
            CliRun r = CliRun.of("verify", "--model", model, "--handle", handle);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("1 models in 1 files: 1 ok, 0 mismatch, 0 error")
                    .contains("ok       " + QUANT + "   v" + (handle.endsWith("/1") ? "1" : "3"));
        }
    }

    @Test
    void aTfjsHandleIsNotApplicableNotAFailure() {
        CliRun r = CliRun.of("verify", "--model", "does-not-matter.onnx", "--handle", "https://tfhub.dev/" + TFJS);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("n/a      google/imagenet/mobilenet_v1_050_128/classification")
                .contains("TF.js deployment (default/tfjs/1): no ONNX model to verify")
                .contains("0 models in 0 files: 0 ok, 0 mismatch, 0 error, 0 with warnings; 1 not applicable");
        assertThat(r.err()).isEmpty();
        CliRun export = CliRun.of("export", "--out", DIR.resolve("tfjs").toString(), TFJS);
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.err().strip()).isEqualTo("error: '" + TFJS + "' is the TF.js deployment of "
                + "google/imagenet/mobilenet_v1_050_128/classification/1, which has no ONNX model; give the model's"
                + " handle, e.g. google/imagenet/mobilenet_v1_050_128/classification/1");
    }

    @Test
    void classifyRanksMilitaryUniformFirstWithTheQuantizedModel() {
        CliRun r = CliRun.of("classify", "--model", real("mobilenet_v1_0.5_128_quant.onnx").toString(), "--handle", QUANT,
                "--labels", real("ImageNetLabels.txt").toString(), real("grace_hopper.jpg").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the header row, then the best class: probability, index, label
        assertThat(r.out().lines().skip(2).findFirst().orElseThrow().strip()).endsWith("653  military uniform");
        assertThat(r.out()).contains("(" + QUANT + "/3)");
    }
}
