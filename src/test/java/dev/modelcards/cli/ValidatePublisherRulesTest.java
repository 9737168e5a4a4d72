package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.catalog.CatalogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code generate} refuse a catalog whose cards tfhub.dev's validator would reject. */
class ValidatePublisherRulesTest {
    @TempDir
    Path tmp;

    @Test
    void validateNamesTheLineAndGenerateWritesNothing() throws Exception {
        Path dir = tmp.resolve("catalog");
        Files.createDirectories(dir);
        CatalogFixture f = CatalogFixture.copy(dir).replace("catalog.yaml", "  id: imagenet-ilsvrc-2012-cls", "  id: imagenet-2012");
        CliRun v = CliRun.of("validate", "--catalog", dir.toString(), "--templates", "templates");
        assertThat(v.exit()).isEqualTo(1);
        // Reported at the metadata line that prints the dataset tag (the first is version 1's "- dataset").
        String line = f.pos("mobilenet_v1.yaml", "- dataset").replaceAll(":(\\d+)$", ":");
        assertThat(v.err()).contains(line, "error: tfhub.dev's validator would reject the rendered card: dataset "
                        + "'imagenet-2012' is not an id of the publisher's dataset tags (tfhub_tags.yaml)")
                .contains("error(s): cards tfhub.dev's validator would reject").doesNotContain("Exception", "\tat ");

        Path site = tmp.resolve("site");
        CliRun g = CliRun.of("generate", "--catalog", dir.toString(), "--templates", "templates", "--out", site.toString());
        assertThat(g.exit()).isEqualTo(1);
        assertThat(g.err()).contains("dataset 'imagenet-2012' is not an id", "nothing was written");
        assertThat(site).doesNotExist();
    }
}
