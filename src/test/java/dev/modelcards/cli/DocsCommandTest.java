package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesPagesAndFrontPage(@TempDir Path tmp) throws Exception {
        Path readme = Files.writeString(tmp.resolve("README.md"), "# modelcards\n\nIntro.\n");
        // a report with no results: every page says "no result for this model", whatever target/ holds
        Path report = Files.writeString(tmp.resolve("verify-report.json"), "{\"results\": []}");
        int code = run("docs", "--cards", tmp.resolve("cards").toString(), "--verify-report", report.toString(),
                "--readme", readme.toString(),
                "--out", tmp.resolve("gen/resources/models").toString(),
                "--front-page", tmp.resolve("gen/markdown/index.md").toString());
        assertThat(code).as(err.toString()).isZero();
        Registry registry = Registry.load();
        int models = registry.models().size();
        int children = registry.deployments().size();
        long files;
        try (var walk = Files.walk(tmp.resolve("gen/resources/models"))) {
            files = walk.filter(Files::isRegularFile).count();
        }
        // a page per card and TF.js child, a history page for each, plus index, charts, measured sizes, search,
        // compare,
        // stylesheet and a page per family
        assertThat(files).isEqualTo(2L * (models + children) + 6 + Specs.catalog(registry).families().size());
        assertThat(out.toString()).contains("docs: " + files + " files").contains(models + " card pages")
                .contains(children + " TF.js card pages").contains((models + children) + " history pages")
                .contains("verify report: " + report);
        assertThat(err.toString()).isEqualTo("catalog: " + java.nio.file.Path.of("catalog").toAbsolutePath() + "\n");
        assertThat(tmp.resolve("gen/resources/models/index.html")).exists();
        assertThat(Files.readString(tmp.resolve("gen/markdown/index.md")))
                .startsWith("# modelcards\n\n## Browse the registry\n").contains("(models/index.html)").endsWith("Intro.\n");
    }

    @Test
    void aNamedVerifyReportThatDoesNotExistIsAnError(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.json");
        int code = run("docs", "--verify-report", missing.toString(), "--out", tmp.resolve("models").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("error: " + missing + ": verify report not found").doesNotContain("\tat ");
        assertThat(tmp.resolve("models")).doesNotExist();
    }

    @Test
    void badVerifyReportIsOneMessageAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path report = Files.writeString(tmp.resolve("verify-report.json"), "{\"results\": 3}");
        int code = run("docs", "--verify-report", report.toString(), "--out", tmp.resolve("models").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("\nerror: " + report + ": not a verify report").doesNotContain("\tat ");
        assertThat(tmp.resolve("models")).doesNotExist();
    }
}
