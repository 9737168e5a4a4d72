package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.catalog.CatalogFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code diff --format json} is a documented, stable format (src/site/markdown/diff.md): its text for a fixed
 * edit is committed and compared byte for byte. A deliberate change of the format updates the expected file and
 * the page together.
 */
class DiffJsonFormatTest {
    private static final Path DIR = Path.of("target", "diff-format");
    private static final Path EXPECTED = Path.of("src", "test", "resources", "diff", "expected-diff.json");

    @Test
    void theJsonOfAFixedEditIsTheCommittedOne() throws Exception {
        CatalogFixture before = fresh("before");
        CatalogFixture after = fresh("after")
                // an erratum's measured figure and a published metrics row: docs changes with before, after and position
                .replace("mobilenet_v1.yaml", "    measured: 325.40", "    measured: 325.41")
                .replace("mobilenet_v2.yaml", "    - [1.40, 224,   582,", "    - [1.40, 224,   583,");
        CliRun r = CliRun.of("diff", "--catalog", after.dir().toString(), "--against", before.dir().toString(),
                "--format", "json", "--check");
        assertThat(r.exit()).as(r.stderr()).isZero();
        // the folders are named as given, relative or absolute depending on how the fixture resolved them
        String out = r.out().replace(Path.of("").toAbsolutePath() + java.io.File.separator, "");
        assertThat(out).as("the documented diff JSON; if the format changed on purpose, update " + EXPECTED
                + " and src/site/markdown/diff.md together").isEqualTo(Files.readString(EXPECTED));
    }

    private static CatalogFixture fresh(String name) throws Exception {
        Path dir = DIR.resolve(name);
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
        }
        return CatalogFixture.copy(Files.createDirectories(dir));
    }
}
