package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.Deployment;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.CatalogFixture;
import dev.modelcards.catalog.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, list and show as a user runs them: output, exit codes, no stack traces. */
class CatalogCommandsTest {
    static final Registry REGISTRY = Registry.load(Path.of("catalog"));
    static final List<Variant> FLOAT = REGISTRY.variants().stream().filter(v -> !v.isQuantized()).toList();
    static final List<Variant> QUANTIZED = REGISTRY.variants().stream().filter(Variant::isQuantized).toList();

    @Test
    void validatePrintsASummary() {
        CliRun r = CliRun.of("validate", "--catalog", "catalog");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("ok: " + Specs.catalog(REGISTRY).families().size() + " families, "
                + REGISTRY.variants().size() + " variants (" + QUANTIZED.size() + " quantized), "
                + REGISTRY.models().size() + " models, " + REGISTRY.deployments().size() + " deployment cards\n");
        assertThat(QUANTIZED).isNotEmpty();
        assertThat(REGISTRY.deployments()).isNotEmpty();
    }

    @Test
    void validateReportsEveryProblemAndExits1(@TempDir Path tmp) {
        CatalogFixture f = CatalogFixture.copy(tmp)
                .replace("mobilenet_v2.yaml", "implementation: TF-Slim", "implementaton: TF-Slim")
                .replace("mobilenet_v1.yaml", "    - [0.25, 128,", "    - [0.25, 129,");
        CliRun r = CliRun.of("validate", "--catalog", tmp.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(f.pos("mobilenet_v2.yaml", "implementaton")
                        + ": error: unknown key 'implementaton' in family file (did you mean 'implementation'?)")
                .contains("mobilenet_v2.yaml:").contains("missing field 'implementation' in family file")
                .contains("error: metrics for a variant that does not exist: mobilenet_v1 0.25 at 129")
                .contains("error(s) in " + tmp)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validateOfAMissingFolder() {
        CliRun r = CliRun.of("validate", "--catalog", "no/such/dir");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("no/such/dir:1:1: error: catalog directory not found");
    }

    @Test
    void listJsonPrintsEveryFloatVariant() throws Exception {
        CliRun r = CliRun.of("list", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all).hasSize(FLOAT.size());
        int cards = 0;
        for (JsonNode v : all) {
            cards += v.get("versions").size();
            assertThat(v.get("quantization").isNull()).as(v.get("handle").asText()).isTrue();
        }
        assertThat(cards).isEqualTo(FLOAT.stream().mapToInt(v -> v.versions().size()).sum());
        JsonNode first = all.get(0);
        assertThat(first.get("handle").asText()).isEqualTo("google/imagenet/mobilenet_v1_025_128/classification");
        assertThat(first.get("input_shape").toString()).isEqualTo("[null,128,128,3]");
        assertThat(first.get("output_shape").toString()).isEqualTo("[null,1001]");
        assertThat(first.get("metrics").get("macs_millions").toString()).isEqualTo("14");
        assertThat(first.get("multiplier").toString()).isEqualTo("0.25");
    }

    @Test
    void listJsonCarriesQuantizationAndDeploymentChildren() throws Exception {
        JsonNode all = new ObjectMapper().readTree(CliRun.of("list", "--format", "json", "--include-quantized").out());
        assertThat(all).hasSize(REGISTRY.variants().size());
        List<String> deployments = new ArrayList<>();
        for (JsonNode v : all) {
            Variant variant = REGISTRY.get(v.get("handle").asText()).variant();
            assertThat(v.get("quantization").isNull()).isEqualTo(!variant.isQuantized());
            for (JsonNode m : v.get("versions")) {
                assertThat(m.get("deployments").isArray()).isTrue();
                m.get("deployments").forEach(d -> deployments.add(d.get("handle").asText()));
            }
        }
        assertThat(deployments).containsExactlyElementsOf(REGISTRY.deployments().stream().map(Deployment::handle).toList());

        JsonNode quantops = new ObjectMapper().readTree(CliRun.of("list", "--format", "json", "--quantization", "quantops",
                "--multiplier", "0.5", "--resolution", "128", "--head", "classification").out());
        assertThat(quantops).hasSize(1);
        JsonNode q = quantops.get(0);
        assertThat(q.get("handle").asText()).isEqualTo("google/imagenet/mobilenet_v1_050_128/quantops/classification");
        assertThat(q.get("quantization").asText()).isEqualTo("quantops");
        assertThat(q.get("checkpoint").asText()).isEqualTo("mobilenet_v1_0.5_128_quant");
        assertThat(q.get("versions")).extracting(m -> m.get("version").asInt()).containsExactly(1, 3);
        assertThat(q.get("versions")).allSatisfy(m -> assertThat(m.get("deployments")).isEmpty());

        JsonNode plain = new ObjectMapper().readTree(CliRun.of("list", "--format", "json", "--family", "mobilenet_v1",
                "--multiplier", "0.5", "--resolution", "128", "--head", "classification").out()).get(0);
        JsonNode v1 = plain.get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("deployments").toString()).isEqualTo("[{\"format\":\"tfjs\",\"handle\":"
                + "\"google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1\"}]");
        assertThat(plain.get("versions").get(2).get("deployments")).as("version 4").isEmpty();
    }

    @Test
    void listShowsQuantizedVariantsOnRequestAndSaysHowManyItLeftOut() {
        CliRun floats = CliRun.of("list", "--family", "mobilenet_v1", "--resolution", "128", "--head", "classification");
        assertThat(floats.exit()).isZero();
        assertThat(floats.out()).contains("QUANT", "TF.JS", "4 variant(s)\n",
                        "4 quantized variant(s) also match; --include-quantized or --quantized lists them")
                .doesNotContain("/quantops/");
        assertThat(floats.out().lines().filter(l -> l.startsWith("google/")))
                .allSatisfy(l -> assertThat(l).matches(".*  -  +1,3"));

        CliRun quantized = CliRun.of("list", "--quantized", "--resolution", "128", "--head", "classification");
        assertThat(quantized.out().lines().filter(l -> l.startsWith("google/")))
                .hasSize(4).allSatisfy(l -> assertThat(l).contains("/quantops/").endsWith("  quantops  -"));
        assertThat(quantized.out()).doesNotContain("also match");

        CliRun both = CliRun.of("list", "--include-quantized", "--family", "mobilenet_v1", "--resolution", "128",
                "--head", "classification");
        assertThat(both.out()).contains("8 variant(s)");
        assertThat(CliRun.of("list", "--quantization", "quantops").out())
                .contains(QUANTIZED.size() + " variant(s)");

        CliRun none = CliRun.of("list", "--quantized", "--family", "mobilenet_v2");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).startsWith("no mobilenet_v2 with any quantization; quantizations: float (");
        CliRun typo = CliRun.of("list", "--quantization", "quantop");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).isEqualTo("error: unknown quantization 'quantop' (did you mean 'quantops'?); "
                + "expected one of: quantops\n");
        assertThat(CliRun.of("list", "--quantized", "--include-quantized").exit()).as("exclusive options").isEqualTo(2);
    }

    @Test
    void listDeploymentsPrintsTheTfjsChildCards() throws Exception {
        CliRun r = CliRun.of("list", "--deployments", "--family", "mobilenet_v2", "--multiplier", "1.4");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("HANDLE").contains(
                "google/imagenet/mobilenet_v2_140_224/classification/2/default/tfjs/1  TF.js   "
                        + "google/imagenet/mobilenet_v2_140_224/classification/2\n", "6 deployment card(s)\n");
        assertThat(CliRun.of("list", "--deployments", "--model-version", "3").out())
                .contains(REGISTRY.deployments().stream().filter(d -> d.parent().number() == 3).count() + " deployment card(s)");

        JsonNode json = new ObjectMapper().readTree(CliRun.of("list", "--deployments", "--format", "json",
                "--include-quantized").out());
        assertThat(json).hasSize(REGISTRY.deployments().size());
        JsonNode demo = null;
        for (JsonNode d : json) {
            if (d.get("handle").asText().equals("google/imagenet/mobilenet_v1_025_224/classification/1/default/tfjs/1")) {
                demo = d;
            }
        }
        assertThat(demo).isNotNull();
        assertThat(demo.toString()).isEqualTo("{\"format\":\"tfjs\",\"handle\":\"google/imagenet/mobilenet_v1_025_224/"
                + "classification/1/default/tfjs/1\",\"format_name\":\"TF.js\",\"parent\":\"google/imagenet/"
                + "mobilenet_v1_025_224/classification/1\",\"demo_url\":\"https://emojiscavengerhunt.withgoogle.com/\"}");

        CliRun none = CliRun.of("list", "--deployments", "--quantized");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).startsWith("no deployment cards: none of the " + QUANTIZED.size() + " matching variant(s)");
    }

    @Test
    void listFiltersAndExplainsAnEmptyResult() {
        CliRun r = CliRun.of("list", "--head", "feature_vector", "--resolution", "128", "--max-macs", "100", "--best");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("google/imagenet/mobilenet_v2_100_128/feature_vector").contains("1 variant(s)");
        CliRun none = CliRun.of("list", "--family", "mobilenet_v2", "--multiplier", "0.6");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).startsWith("no mobilenet_v2 with multiplier 0.6; nearest: 0.50, 0.75");
        CliRun bad = CliRun.of("list", "--head", "features");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("error: unknown head 'features'; expected one of: classification, feature_vector\n");
    }

    @Test
    void usageErrorsExit2() {
        CliRun r = CliRun.of("list", "--sort", "speed");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'speed' is not a sort key");
        assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void showAnUnknownHandleIsOneClearLine() {
        CliRun r = CliRun.of("show", "google/imagenet/mobilenet_v2_075_96/feature_vector/9");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: 'google/imagenet/mobilenet_v2_075_96/feature_vector' has no version 9; "
                + "published versions: [1, 2, 3, 4, 5]\n");
    }
}
