package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.catalog.CatalogFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} types every change against the previous commit; {@code diff --check} is the published-version gate. */
class DiffCommandTest {
    private static final String V2 = "mobilenet_v2.yaml";

    @TempDir
    Path tmp;

    private Path repo;
    private CatalogFixture catalog;

    @BeforeEach
    void committedCatalog() throws Exception {
        repo = tmp.resolve("repo");
        catalog = CatalogFixture.copy(Files.createDirectories(repo.resolve("catalog")));
        git("init", "-q");
        git("add", ".");
        git("commit", "-q", "-m", "catalog");
    }

    @Test
    void aChangedOutputOfAPublishedVersionFailsTheGateWithWhatToDoInstead() throws Exception {
        catalog.replace("catalog.yaml", "  classes: 1001", "  classes: 1000");
        CliRun r = diff("--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(catalog.pos(V2, "family: mobilenet_v2") + ": error: google/imagenet/mobilenet_v2_130_224/classification/4 is published; "
                + "its output changed from [batch, 1001] to [batch, 1000]; publish version 6 with a changelog entry instead")
                .doesNotContain("Exception");
        long classifiers = dev.modelcards.Registry.load(repo.resolve("catalog")).models().stream()
                .filter(m -> m.variant().isClassifier()).count();
        assertThat(r.err()).contains(classifiers + " breaking change(s) to published versions");
    }

    @Test
    void aChangedFormatAndARemovedVersionAreBreaking() throws Exception {
        catalog.replace(V2, "  - version: 4\n    format: tf2_saved_model", "  - version: 4\n    format: tf1_hub");
        CliRun r = diff("--check");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(catalog.pos(V2, "version: 4") + ": error: google/imagenet/mobilenet_v2_035_96/classification/4 "
                + "is published; its format changed from tf2_saved_model to tf1_hub");

        catalog.replace(V2, "  - version: 4\n    format: tf1_hub", "  - version: 4\n    format: tf2_saved_model")
                .replace("catalog.yaml", "families: [mobilenet_v1.yaml, mobilenet_v2.yaml]", "families: [mobilenet_v1.yaml]");
        CliRun removed = diff("--check");
        assertThat(removed.exit()).isEqualTo(1);
        assertThat(removed.err()).contains("google/imagenet/mobilenet_v2_035_96/classification/4 is published and was removed; "
                + "keep it, or list it under 'withdrawn:' in catalog.yaml with the reviewed reason");
    }

    @Test
    void aChangedInputShapeOrInputTypeIsBreaking() throws Exception {
        catalog.replace("catalog.yaml", "  channels: 3", "  channels: 1");
        CliRun shape = diff("--check");
        assertThat(shape.exit()).isEqualTo(1);
        assertThat(shape.err()).contains(": error: google/imagenet/mobilenet_v2_035_96/classification/4 is published; its input "
                + "changed from [batch, 96, 96, 3] to [batch, 96, 96, 1]; publish version 6 with a changelog entry instead");

        catalog.replace("catalog.yaml", "  channels: 1", "  channels: 3").replace("catalog.yaml", "  value_range: [0, 1]",
                "  value_range: [0, 255]");
        CliRun type = diff("--check");
        assertThat(type.exit()).isEqualTo(1);
        assertThat(type.err()).contains(": error: google/imagenet/mobilenet_v1_050_128/feature_vector/3 is published; its input "
                + "type changed from float32 in [0, 1] to float32 in [0, 255]; publish version 6 with a changelog entry instead")
                .as("quantized models take raw uint8 pixels: the float range is not their interface")
                .doesNotContain("quantops/classification/3 is published; its input type");
    }

    @Test
    void aWithdrawnVersionPassesTheGateAndIsReported() throws Exception {
        catalog.replace(V2, "  - version: 5\n    published: v5\n", "  - version: 5\n    published: v5\n    fine_tunable: false\n");
        CliRun gate = diff("--check");
        assertThat(gate.exit()).as("before it is withdrawn").isEqualTo(1);
        assertThat(gate.err()).contains(": error: google/imagenet/mobilenet_v2_130_224/feature_vector/5 is published; its "
                + "fine-tunable changed from true to false; publish version 6 with a changelog entry instead");
        StringBuilder withdrawn = new StringBuilder("\nwithdrawn:\n");
        for (var m : dev.modelcards.Registry.load(repo.resolve("catalog")).models()) {
            if (m.variant().familyId().equals("mobilenet_v2") && m.number() == 5) {
                withdrawn.append("  - handle: ").append(m.handle()).append("\n    reason: fine-tuning was never supported (reviewed in PR 42)\n");
            }
        }
        catalog.write("catalog.yaml", catalog.read("catalog.yaml") + withdrawn);
        CliRun r = diff("--check");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.out()).contains("breaking\tgoogle/imagenet/mobilenet_v2_130_224/feature_vector/5\tfine-tunable: true -> "
                + "false\t(withdrawn: fine-tuning was never supported (reviewed in PR 42))");
        assertThat(r.err()).contains("44 withdrawn on purpose");
    }

    @Test
    void compatibleAndDocsOnlyChangesPass() throws Exception {
        catalog.replace(V2, "# TF.js conversions published", "  - version: 6\n    changelog:\n      - Smaller download.\n\n# TF.js conversions published")
                .replace(V2, "Fixed broken UPDATE_OPS for fine-tuning,", "Fixed the broken UPDATE_OPS for fine-tuning,")
                .replace(V2, "    - [1.40, 224,   582,", "    - [1.40, 224,   583,");
        CliRun r = diff("--check", "--format", "json");
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        List<String> kinds = new ArrayList<>();
        changes.forEach(c -> kinds.add(c.get("kind").asText() + " " + c.get("what").asText()));
        assertThat(kinds).doesNotContain("breaking").contains("compatible added", "docs changelog", "docs published metrics");
        JsonNode first = changes.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("kind", "handle", "what", "before", "after", "file",
                "line", "column", "withdrawn");
        assertThat(diff("--format", "json").out()).as("stable output").isEqualTo(r.out());
    }

    private CliRun diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--catalog", repo.resolve("catalog").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=modelcards", "-c",
                "user.email=modelcards@localhost", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }
}
