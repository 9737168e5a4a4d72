package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON output where scripts need it, the same exit for an empty result in every format, typed usage errors. */
class MachineOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void validateJsonHasCountsWhenOkAndLocatedDiagnosticsWhenNot() throws Exception {
        CliRun ok = CliRun.of("validate", "--format", "json");
        assertThat(ok.exit()).as(ok.stderr()).isZero();
        JsonNode report = JSON.readTree(ok.out());
        Registry registry = Registry.load();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("diagnostics")).isEmpty();
        assertThat(report.get("counts").get("models").asInt()).isEqualTo(registry.models().size());
        assertThat(report.get("counts").get("deployment_cards").asInt()).isEqualTo(registry.deployments().size());

        Path dir = Files.createDirectories(tmp.resolve("catalog"));
        CatalogFixture f = CatalogFixture.copy(dir).replace("mobilenet_v1.yaml", "  year: 2017", "  year: soon");
        CliRun bad = CliRun.of("validate", "--format", "json", "--catalog", dir.toString());
        assertThat(bad.exit()).isEqualTo(1);
        JsonNode d = JSON.readTree(bad.out()).get("diagnostics").get(0);
        String[] pos = f.pos("mobilenet_v1.yaml", "soon").split(":");
        assertThat(d.get("file").asText()).isEqualTo(dir.resolve("mobilenet_v1.yaml").toString());
        assertThat(d.get("line").asInt()).isEqualTo(Integer.parseInt(pos[pos.length - 2]));
        assertThat(d.get("column").asInt()).isEqualTo(Integer.parseInt(pos[pos.length - 1]));
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("message").asText()).isEqualTo("'year' of paper must be a whole number; found 'soon'");
        assertThat(JSON.readTree(bad.out()).get("counts").isNull()).isTrue();
    }

    @Test
    void showFactsAsJsonDescribesTheModelVersion() throws Exception {
        CliRun r = CliRun.of("show", "--facts", "--format", "json", "google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode m = JSON.readTree(r.out());
        assertThat(m.get("handle").asText()).isEqualTo("google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
        assertThat(m.get("quantization").asText()).isEqualTo("quantops");
        assertThat(m.get("input_shape").toString()).isEqualTo("[null,128,128,3]");
        assertThat(m.get("version").get("fine_tunable").asBoolean()).isFalse();
        JsonNode tfjs = JSON.readTree(CliRun.of("show", "--facts", "--format", "json",
                "google/imagenet/mobilenet_v1_025_224/classification/1/default/tfjs/1").out());
        assertThat(tfjs.get("parent").asText()).isEqualTo("google/imagenet/mobilenet_v1_025_224/classification/1");
        assertThat(tfjs.get("demo_url").asText()).isEqualTo("https://emojiscavengerhunt.withgoogle.com/");
        assertThat(CliRun.of("show", "--format", "json", "google/imagenet/mobilenet_v1_050_128/classification/3").exit())
                .as("--format json without --facts is a usage error").isEqualTo(2);
    }

    @Test
    void anEmptyResultExitsOneInEveryFormat() {
        CliRun table = CliRun.of("list", "--family", "mobilenet_v2", "--multiplier", "0.6");
        CliRun json = CliRun.of("list", "--family", "mobilenet_v2", "--multiplier", "0.6", "--format", "json");
        assertThat(table.exit()).isEqualTo(1);
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out().strip()).isEqualTo("[ ]");
        assertThat(json.err()).isEqualTo(table.err()).startsWith("no mobilenet_v2 with multiplier 0.6");
    }

    @Test
    void malformedNumbersAreUsageErrorsInTheUsersTerms() {
        CliRun m = CliRun.of("list", "--multiplier", "abc");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("'abc' is not a depth multiplier; expected a positive decimal such as 0.75")
                .doesNotContain("Exception", "BigDecimal");
        CliRun macs = CliRun.of("list", "--max-macs", "lots");
        assertThat(macs.exit()).isEqualTo(2);
        assertThat(macs.err()).contains("'lots' is not a number at least 0").doesNotContain("Exception");
    }
}
