package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.onnx.ModelLayout;
import dev.modelcards.onnx.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** export --out writes the layout verify --models reads; bad models give per-model errors and exit 1. */
class VerifyCommandTest {
    private static final Path DIR = Path.of("target", "test-models", "cli");

    @Test
    void exportedFolderVerifiesGreenAndReportsAreWritten() throws Exception {
        Path models = DIR.resolve("export");
        CliRun export = CliRun.of("export", "--out", models.toString(), "mobilenet_v2_035_96");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(models.resolve("mobilenet_v2_035_96-classification.onnx")).isRegularFile();
        assertThat(Files.readString(models.resolve(ModelLayout.MANIFEST)))
                .contains("\"google/imagenet/mobilenet_v2_035_96/feature_vector\" : \"mobilenet_v2_035_96-feature_vector.onnx\"");
        Path json = DIR.resolve("report.json");
        Path xml = DIR.resolve("report.xml");
        CliRun verify = CliRun.of("verify", "--models", models.toString(), "--report", json.toString(), "--junit",
                xml.toString(), "mobilenet_v2_035_96");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        // V2 0.35/96 has 5 versions × 2 heads and no quantized variant; its TF.js cards are listed, not checked
        Registry registry = Registry.load();
        int deployments = Selection.pick(registry, List.of("mobilenet_v2_035_96")).deployments().size();
        assertThat(deployments).isPositive();
        assertThat(verify.out()).contains("10 models in 2 files: 10 ok, 0 mismatch, 0 error, 0 with warnings; "
                + deployments + " not applicable").contains("n/a      google/imagenet/mobilenet_v2_035_96/classification");
        assertThat(Files.readString(json)).contains("\"status\" : \"ok\"").contains("\"status\" : \"not_applicable\"");
        assertThat(Files.readString(xml)).contains("tests=\"" + (10 + deployments) + "\" failures=\"0\" errors=\"0\" skipped=\""
                + deployments + "\"");
    }

    @Test
    void missingModelsAreErrorsAndTheRunGoesOn() throws Exception {
        Path models = DIR.resolve("partial");
        assertThat(CliRun.of("export", "--out", models.toString(), "mobilenet_v1_025_128/classification").exit()).isZero();
        CliRun verify = CliRun.of("verify", "--models", models.toString(), "mobilenet_v1_025_128");
        assertThat(verify.exit()).isEqualTo(1);
        // the float classification model was exported; the float feature vector and both quantops models were not
        List<ModelVersion> all = Selection.select(Registry.load(), List.of("mobilenet_v1_025_128"));
        long ok = all.stream().filter(m -> m.variant().isClassifier() && !m.variant().isQuantized()).count();
        assertThat(verify.out()).contains(ok + " ok, 0 mismatch, " + (all.size() - ok) + " error")
                .contains("error: google/imagenet/mobilenet_v1_025_128/feature_vector: model file not found")
                .contains("error: google/imagenet/mobilenet_v1_025_128/quantops/classification: model file not found: "
                        + models.resolve("mobilenet_v1_025_128-quantops-classification.onnx"));
        assertThat(verify.err()).isEmpty();
    }

    @Test
    void aSelectionThatMatchesNothingIsOneLine() {
        CliRun nothing = CliRun.of("verify", "mobilenet_v9");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).startsWith("error: no model matches 'mobilenet_v9'");
    }
}
