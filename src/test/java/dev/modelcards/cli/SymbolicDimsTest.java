package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.docs.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One representation of a symbolic dimension in every JSON output (src/site/markdown/json-formats.md): {@code null}
 * in {@code list --format json}, {@code show --facts --format json}, {@code site/index.json} and the verify report;
 * a report written earlier with -1 still reads the same. And {@code verify --format json} / {@code --report -}
 * put the report, and nothing else, on stdout.
 */
class SymbolicDimsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODELS = Path.of("target", "test-models", "cli-symbolic");
    private static final String VARIANT = "google/imagenet/mobilenet_v1_025_128/classification";

    @BeforeAll
    static void export() {
        CliRun export = CliRun.of("export", "--out", MODELS.toString(), VARIANT + "/1");
        assertThat(export.exit()).as(export.err()).isZero();
    }

    /** Every array under a key ending in {@code _shape}, with its path. */
    private static Map<String, JsonNode> shapes(JsonNode n, String path, Map<String, JsonNode> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().endsWith("_shape") && e.getValue().isArray()) {
                    out.put(path + "." + e.getKey(), e.getValue());
                } else {
                    shapes(e.getValue(), path + "." + e.getKey(), out);
                }
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                shapes(n.get(i), path + "[" + i + "]", out);
            }
        }
        return out;
    }

    /** The symbolic batch is null, every other dimension a positive number; returns how many shapes were seen. */
    private static int assertBatchIsNull(String source, JsonNode root, String... exceptBatchOf) {
        Map<String, JsonNode> found = shapes(root, source, new java.util.TreeMap<>());
        found.forEach((path, shape) -> {
            boolean fixedBatch = List.of(exceptBatchOf).stream().anyMatch(path::endsWith);
            assertThat(shape.get(0).isNull()).as(path + " " + shape).isNotEqualTo(fixedBatch);
            for (int i = fixedBatch ? 0 : 1; i < shape.size(); i++) {
                assertThat(shape.get(i).isIntegralNumber() && shape.get(i).asLong() > 0).as(path + " " + shape).isTrue();
            }
        });
        return found.size();
    }

    @Test
    void listShowAndIndexWriteTheSymbolicBatchAsNull() throws Exception {
        CliRun list = CliRun.of("list", "--format", "json", "--include-quantized");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(assertBatchIsNull("list", JSON.readTree(list.out()))).isGreaterThan(100);
        CliRun show = CliRun.of("show", "--facts", "--format", "json", VARIANT + "/1");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(assertBatchIsNull("show", JSON.readTree(show.out()))).isEqualTo(2);
        JsonNode index = JSON.readTree(Files.readString(Path.of("site", "index.json")));
        assertThat(assertBatchIsNull("index.json", index)).isGreaterThan(100);
    }

    @Test
    void verifyJsonPutsOnlyTheReportOnStdoutWithTheBatchAsNull() throws Exception {
        CliRun r = CliRun.of("verify", "--models", MODELS.toString(), "--format", "json", VARIANT + "/1");
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("summary").get("ok").asInt()).isEqualTo(1);
        JsonNode result = report.get("results").get(0);
        assertThat(result.get("actual").get("input_shape").toString()).isEqualTo("[null,128,128,3]");
        assertThat(result.get("declared").get("output_shape").toString()).isEqualTo("[null,1001]");
        // the deterministic run has a concrete batch of 1
        assertThat(assertBatchIsNull("verify", report, "inference_shape")).isEqualTo(5);
        assertThat(r.out()).doesNotContainPattern("\\[\\s*-1");
        // the table and the summary went to stderr
        assertThat(r.err()).contains("ok       " + VARIANT).contains("1 models in 1 files: 1 ok");

        CliRun dash = CliRun.of("verify", "--models", MODELS.toString(), "--report", "-", VARIANT + "/1");
        assertThat(dash.exit()).as(dash.stderr()).isZero();
        JsonNode same = JSON.readTree(dash.out());
        assertThat(same).isEqualTo(report);
        assertThat(dash.err()).contains("1 models in 1 files: 1 ok");
        assertThat(Path.of("-")).as("'-' is stdout, not a file").doesNotExist();

        CliRun text = CliRun.of("verify", "--models", MODELS.toString(), VARIANT + "/1");
        assertThat(text.out()).contains("1 models in 1 files: 1 ok").doesNotContain("{");

        // the JUnit report can take stdout instead, never both reports at once
        CliRun junit = CliRun.of("verify", "--models", MODELS.toString(), "--junit", "-", VARIANT + "/1");
        assertThat(junit.exit()).as(junit.stderr()).isZero();
        assertThat(junit.out()).startsWith("<?xml").contains("<testcase").doesNotContain("1 models in");
        assertThat(junit.err()).contains("1 models in 1 files: 1 ok");
        CliRun both = CliRun.of("verify", "--models", MODELS.toString(), "--report", "-", "--junit", "-", VARIANT + "/1");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("standard output can carry one report");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void theRuleIsDocumented() throws Exception {
        String page = Files.readString(Path.of("src", "site", "markdown", "json-formats.md"));
        assertThat(page).contains("**A symbolic dimension (any size) is `null`**")
                .contains("## `list --format json`", "## `site/index.json`", "## `show --facts --format json HANDLE`",
                        "## The verify report", "## `classify --format json`", "## `validate --format json`");
    }

    @Test
    void aReportWrittenWithMinusOneReadsLikeOneWithNull() {
        String earlier = report("-1");
        String now = report("null");
        VerifyReport.Result a = VerifyReport.parse("earlier.json", earlier).results().get(0);
        VerifyReport.Result b = VerifyReport.parse("now.json", now).results().get(0);
        assertThat(a).isEqualTo(b);
        assertThat(b.declared().get("input_shape")).isEqualTo("[batch, 96, 96, 3]");
        assertThat(b.actual().get("output_shape")).isEqualTo("[batch, 1280]");
        assertThat(b.actual().get("inference_shape")).isEqualTo("[1, 1280]");
    }

    private static String report(String batch) {
        List<String> parts = new ArrayList<>();
        parts.add("{\"results\": [{\"handle\": \"" + VARIANT + "/1\", \"model\": \"m.onnx\", \"status\": \"ok\",");
        parts.add("\"declared\": {\"input_shape\": [B, 96, 96, 3], \"output_shape\": [B, 1280]},");
        parts.add("\"actual\": {\"input_shape\": [B, 96, 96, 3], \"output_shape\": [B, 1280], \"inference_shape\": [1, 1280]},");
        parts.add("\"mismatches\": []}]}");
        return String.join("\n", parts).replace("B", batch);
    }
}
