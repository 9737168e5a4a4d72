package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.catalog.CatalogFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate, list and show as a user runs them: output, exit codes, no stack traces. */
class CatalogCommandsTest {

    @Test
    void validatePrintsASummary() {
        CliRun r = CliRun.of("validate", "--catalog", "catalog");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("ok: 2 families, 76 variants, 348 cards\n");
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
    void listJsonPrintsEveryVariant() throws Exception {
        CliRun r = CliRun.of("list", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all).hasSize(76);
        int cards = 0;
        for (JsonNode v : all) {
            cards += v.get("versions").size();
        }
        assertThat(cards).isEqualTo(348);
        JsonNode first = all.get(0);
        assertThat(first.get("handle").asText()).isEqualTo("google/imagenet/mobilenet_v1_025_128/classification");
        assertThat(first.get("input_shape").toString()).isEqualTo("[null,128,128,3]");
        assertThat(first.get("output_shape").toString()).isEqualTo("[null,1001]");
        assertThat(first.get("metrics").get("macs_millions").toString()).isEqualTo("14");
        assertThat(first.get("multiplier").toString()).isEqualTo("0.25");
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
