package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.catalog.CatalogFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command reads the same catalog: {@code --catalog}, else the project's {@code catalog/} (from the
 * project's top or any folder below it), else the bundled one; and says which on stderr. Defaults for
 * output folders are the project's, never the folder the user stands in.
 */
class ProjectResolutionTest {
    private static final String V6 = "  - version: 6\n    changelog:\n      - Smaller download.\n\n# TF.js conversions published";
    private final String userDir = System.getProperty("user.dir");

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        System.setProperty("user.dir", userDir);
    }

    @Test
    void aCatalogEditIsSeenByEveryCommandWithoutARebuild() throws IOException {
        Path project = project();
        CatalogFixture.copy(project.resolve("catalog")).replace("mobilenet_v2.yaml", "# TF.js conversions published", V6);
        Path sub = Files.createDirectories(project.resolve("some/sub/folder"));
        System.setProperty("user.dir", sub.toString());

        CliRun validate = CliRun.of("validate");
        assertThat(validate.exit()).as(validate.stderr()).isZero();
        assertThat(validate.catalogLine()).isEqualTo("catalog: " + project.resolve("catalog"));
        int models = dev.modelcards.Registry.load(project.resolve("catalog")).models().size();
        assertThat(models).isGreaterThan(dev.modelcards.Registry.load().models().size());
        assertThat(validate.out()).contains(" " + models + " models,");

        CliRun list = CliRun.of("list", "--model-version", "6", "--format", "json");
        assertThat(list.exit()).as(list.stderr()).isZero();
        assertThat(list.out()).contains("google/imagenet/mobilenet_v2_075_96/feature_vector/6");

        CliRun show = CliRun.of("show", "google/imagenet/mobilenet_v2_075_96/feature_vector/6");
        assertThat(show.exit()).as(show.stderr()).isZero();
        assertThat(show.out()).contains("Smaller download.");

        CliRun gen = CliRun.of("generate", "--format", "tfhub");
        assertThat(gen.exit()).as(gen.stderr()).isZero();
        assertThat(project.resolve("site/tfhub/google/imagenet/mobilenet_v2_075_96/feature_vector/6.md")).exists();
        assertThat(sub.resolve("site")).as("nothing is written where the user stands").doesNotExist();
        assertThat(CliRun.of("generate", "--format", "tfhub", "--check").exit()).isZero();
    }

    @Test
    void outsideAProjectTheBundledCatalogIsReadAndNothingIsWrittenHere() {
        System.setProperty("user.dir", tmp.toString());
        CliRun validate = CliRun.of("validate");
        assertThat(validate.exit()).as(validate.stderr()).isZero();
        assertThat(validate.catalogLine()).isEqualTo("catalog: bundled with modelcards");

        CliRun gen = CliRun.of("generate");
        assertThat(gen.exit()).isEqualTo(1);
        assertThat(gen.err()).contains("not inside a modelcards project", "--out DIR");
        assertThat(tmp.resolve("site")).doesNotExist();
        assertThat(tmp.resolve("target")).doesNotExist();
    }

    @Test
    void anExplicitCatalogWins() throws IOException {
        Path project = project();
        CatalogFixture.copy(project.resolve("catalog")).replace("mobilenet_v2.yaml", "# TF.js conversions published", V6);
        CliRun r = CliRun.of("list", "--catalog", project.resolve("catalog").toString(), "--model-version", "6");
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.catalogLine()).isEqualTo("catalog: " + project.resolve("catalog"));
        assertThat(CliRun.of("list", "--model-version", "6").exit()).as("this checkout's catalog has no version 6").isEqualTo(1);
    }

    /** A fresh project folder holding a copy of this checkout's templates and an empty catalog folder. */
    private Path project() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("catalog"));
        try (Stream<Path> files = Files.walk(Path.of(userDir, "templates"))) {
            for (Path p : files.toList()) {
                Path to = project.resolve("templates").resolve(Path.of(userDir, "templates").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return project;
    }
}
