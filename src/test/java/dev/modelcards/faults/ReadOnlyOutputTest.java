package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.onnx.Exporter;
import dev.modelcards.onnx.Selection;
import dev.modelcards.site.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output into a folder nobody may write: {@code generate}, {@code export} and {@code verify --report/--junit}
 * each stop with one line naming the path, exit 1, and change nothing.
 */
class ReadOnlyOutputTest {
    @TempDir
    Path tmp;

    @Test
    void generateIntoReadOnlySiteChangesNothing() throws Exception {
        Path site = tmp.resolve("site");
        SiteWriter.write(site, Catalogs.oldPlan());
        SortedMap<String, byte[]> before = Tree.read(site);
        Cli.Result r;
        try (Mounts.Undo ro = Mounts.readOnly(site)) {
            // --format text: the refusal does not depend on the format, and it renders a third as much
            r = Cli.run("generate", "--catalog", Catalogs.CURRENT.toString(), "--format", "text", "--out", site.toString());
        }
        String line = Failures.assertCleanError(r, site.toString());
        assertThat(line).containsAnyOf("read-only file system", "permission denied");
        assertThat(Tree.differences(Tree.read(site), before)).as("the site is as it was").isEmpty();
        assertThat(Failures.temporaryFiles(site)).isEmpty();
    }

    @Test
    void generateIntoAFolderThatCannotBeCreated() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Path site = parent.resolve("site");
        Cli.Result r;
        try (Mounts.Undo ro = Mounts.readOnly(parent)) {
            r = Cli.run("generate", "--format", "text", "--out", site.toString());
        }
        assertThat(Failures.assertCleanError(r, site.toString())).startsWith("error: cannot create the site folder " + site);
        assertThat(Tree.read(parent)).isEmpty();
    }

    @Test
    void exportIntoReadOnlyFolderKeepsTheOldModels() throws Exception {
        Path out = tmp.resolve("models");
        // an older export of another variant: must survive untouched
        Exporter.export(Exporter.variants(Selection.select(Registry.load(Catalogs.CURRENT), List.of("mobilenet_v1_025_128"))),
                out, p -> { });
        SortedMap<String, byte[]> before = Tree.read(out);
        Cli.Result r;
        try (Mounts.Undo ro = Mounts.readOnly(out)) {
            r = Cli.run("export", "--catalog", Catalogs.CURRENT.toString(), "--out", out.toString(), "mobilenet_v2_035_96");
        }
        String line = Failures.assertCleanError(r, out.resolve("mobilenet_v2_035_96-").toString());
        assertThat(line).containsAnyOf("read-only file system", "permission denied");
        assertThat(Tree.differences(Tree.read(out), before)).as("the folder is as it was").isEmpty();
    }

    @Test
    void verifyReportsIntoReadOnlyFolderFailBeforeVerifying() throws Exception {
        Path models = tmp.resolve("models");
        Exporter.export(Exporter.variants(Selection.select(Registry.load(Catalogs.CURRENT), List.of("mobilenet_v1_025_128"))),
                models, p -> { });
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        for (String[] option : new String[][] {{"--report", "r.json"}, {"--junit", "r.xml"}}) {
            Path report = reports.resolve(option[1]);
            Cli.Result r;
            try (Mounts.Undo ro = Mounts.readOnly(reports)) {
                r = Cli.run("verify", "--catalog", Catalogs.CURRENT.toString(), "--models", models.toString(),
                        option[0], report.toString(), "mobilenet_v1_025_128");
            }
            String line = Failures.assertCleanError(r, report.toString());
            assertThat(line).startsWith("error: cannot write " + report);
            assertThat(r.out()).as("it stopped before verifying anything").doesNotContain("ok ");
            assertThat(Tree.read(reports)).isEmpty();
        }
    }
}
