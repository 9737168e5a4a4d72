package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * classify tells the truth: probabilities for every kind of output (uint8 softmax, float softmax, float and
 * uint8 logits), a model that is not the handle's refused as verify words it unless --force, a missing labels
 * file an error, the bundled labels named, a stand-in reference export named as such. The real models and the
 * photo come from ../shared/testdata/real (SOURCES.md); the tests that need them are skipped without it.
 */
class ClassifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "test-models", "cli-classify");
    private static final String V1_QUANT = "google/imagenet/mobilenet_v1_050_128/quantops/classification/3";
    private static final String V1_FLOAT = "google/imagenet/mobilenet_v1_050_128/classification/3";
    private static final String V2 = "google/imagenet/mobilenet_v2_100_224/classification/4";

    private static Path real(String file) {
        String shared = System.getProperty("modelcards.shared");
        Path p = shared == null ? null : Path.of(shared, "testdata", "real", file);
        assumeTrue(p != null && Files.isRegularFile(p), "real models not found: set -Dmodelcards.shared (was " + shared + ")");
        return p;
    }

    private static CliRun classify(String... args) {
        List<String> all = new ArrayList<>(List.of("classify"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The JSON output's first image's predictions, checked to be probabilities best first. */
    private static JsonNode predictions(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode p = JSON.readTree(r.out()).get("results").get(0).get("predictions");
        double sum = 0;
        double previous = 1;
        for (JsonNode x : p) {
            double v = x.get("probability").asDouble();
            assertThat(v).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = v;
            sum += v;
        }
        assertThat(sum).isLessThanOrEqualTo(1 + 1e-9);
        return p;
    }

    @Test
    void theQuantizedV1SaysMilitaryUniformWithItsProbability() throws Exception {
        CliRun r = classify("--format", "json", "--model", real("mobilenet_v1_0.5_128_quant.onnx").toString(),
                "--handle", V1_QUANT, real("grace_hopper.jpg").toString());
        JsonNode top = predictions(r).get(0);
        assertThat(top.get("label").asText()).isEqualTo("military uniform");
        assertThat(top.get("index").asInt()).isEqualTo(653);
        // uint8 107 of the quantized softmax's 240 on this photo: a probability, not the raw 107
        assertThat(top.get("probability").asDouble()).isGreaterThan(0.3).isLessThanOrEqualTo(1.0);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("stand_in").isNull()).isTrue();
        assertThat(doc.get("matches_handle").asBoolean()).isTrue();
        assertThat(doc.get("probabilities").asText()).contains("softmax output", "dequantized", "normalised");
        assertThat(doc.get("labels").asText()).isEqualTo(real("ImageNetLabels.txt").toString());
        assertThat(r.err()).contains("labels: " + real("ImageNetLabels.txt") + " (1001 lines)");

        CliRun text = classify("--model", real("mobilenet_v1_0.5_128_quant.onnx").toString(), "--handle", V1_QUANT,
                real("grace_hopper.jpg").toString());
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(1).strip()).isEqualTo("probability  index  label");
        assertThat(lines.get(2)).matches(" +0\\.\\d{4} +653  military uniform");
    }

    @Test
    void aModelOfAnotherSizeIsRefusedAsVerifyWordsIt() {
        Path v1 = real("mobilenet_v1_0.5_128_quant.onnx");
        CliRun r = classify("--model", v1.toString(), "--handle", V2, real("grace_hopper.jpg").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        CliRun verify = CliRun.of("verify", "--model", v1.toString(), "--handle", V2);
        for (String field : List.of("input dim 1 (height): declared 224, model has 128",
                "input dim 2 (width): declared 224, model has 128")) {
            assertThat(verify.out()).contains(field);
            assertThat(r.err()).contains("mismatch: " + V2 + ": " + field);
        }
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("error: " + v1
                + " does not match " + V2 + " (2 mismatches); --force classifies with it anyway");
    }

    @Test
    void aModelWithoutTheBackgroundClassNeedsForceAndIsThenMarked() throws Exception {
        Path v2 = real("mobilenet_v2_1.0_224_int8_per_tensor.onnx");
        CliRun refused = classify("--model", v2.toString(), "--handle", V2, real("grace_hopper.jpg").toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("mismatch: " + V2 + ": output dim 1: declared 1001, model has 1000");

        CliRun forced = classify("--force", "--format", "json", "--model", v2.toString(), "--handle", V2,
                real("grace_hopper.jpg").toString());
        JsonNode top = predictions(forced).get(0);
        assertThat(top.get("label").asText()).isEqualTo("military uniform");
        assertThat(top.get("index").asInt()).as("1000 classes: the label is line index + 1").isEqualTo(652);
        assertThat(top.get("probability").asDouble()).isGreaterThan(0.3).isLessThanOrEqualTo(1.0);
        JsonNode doc = JSON.readTree(forced.out());
        assertThat(doc.get("matches_handle").asBoolean()).isFalse();
        assertThat(doc.get("mismatches").get(0).asText()).isEqualTo(V2 + ": output dim 1: declared 1001, model has 1000");
        assertThat(forced.err()).contains("warning: --force: " + V2 + ": output dim 1: declared 1001, model has 1000");
        CliRun text = classify("--force", "--model", v2.toString(), "--handle", V2, real("grace_hopper.jpg").toString());
        assertThat(text.out()).contains("(" + V2 + ", forced: the model does not match it):");
    }

    @Test
    void aMissingLabelsFileIsAnError() {
        CliRun r = classify("--labels", "/nope/labels.txt", "--model", real("mobilenet_v1_0.5_128_quant.onnx").toString(),
                "--handle", V1_QUANT, real("grace_hopper.jpg").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: /nope/labels.txt: labels file not found");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aStandInExportIsNamedAndItsLogitsBecomeProbabilities() throws Exception {
        CliRun export = CliRun.of("export", "--out", DIR.toString(), V1_FLOAT, V1_QUANT);
        assertThat(export.exit()).as(export.err()).isZero();
        Path image = real("grace_hopper.jpg");
        for (String[] model : List.of(new String[] {"mobilenet_v1_050_128-classification.onnx", V1_FLOAT},
                new String[] {"mobilenet_v1_050_128-quantops-classification.onnx", V1_QUANT})) {
            Path file = DIR.resolve(model[0]);
            String variant = model[1].substring(0, model[1].lastIndexOf('/'));
            // every class: softmax of the logits sums to 1
            CliRun all = classify("--format", "json", "--top", "1001", "--model", file.toString(), "--handle", model[1],
                    image.toString());
            JsonNode p = predictions(all);
            assertThat(p).hasSize(1001);
            double sum = 0;
            for (JsonNode x : p) {
                sum += x.get("probability").asDouble();
            }
            assertThat(sum).as(model[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            JsonNode doc = JSON.readTree(all.out());
            assertThat(doc.get("stand_in").asText()).isEqualTo(variant);
            assertThat(doc.get("probabilities").asText()).startsWith("softmax of the model's").endsWith("logits");
            assertThat(doc.get("warnings").toString()).contains("stand-in reference export", "random weights");
            // no labels beside the exported model: the bundled ImageNet labels, and stderr says so
            assertThat(doc.get("labels").asText()).isEqualTo("ImageNetLabels.txt bundled with modelcards");
            assertThat(all.err()).contains("labels: ImageNetLabels.txt bundled with modelcards (1001 lines)");

            CliRun text = classify("--top", "1", "--model", file.toString(), "--handle", model[1], image.toString());
            assertThat(text.exit()).as(text.stderr()).isZero();
            assertThat(text.out()).startsWith(image + " (" + model[1]
                    + ", stand-in reference export: random weights, not trained):");
            assertThat(text.err()).contains("warning: " + file + " is a stand-in reference export of " + variant);
        }
    }
}
