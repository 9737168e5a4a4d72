package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.onnx.Exporter;
import dev.modelcards.onnx.Selection;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.TemplateEngine;
import dev.modelcards.site.SiteLayout;
import dev.modelcards.site.SitePlan;
import dev.modelcards.site.SiteWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: a tiny tmpfs where this user may mount one (root), and a per-file size limit
 * ({@code ulimit -f}) that makes one chosen write fail midway everywhere. Each run stops with one line
 * naming the file, exit 1, every file old or new (generate: every file old, it stages all before committing
 * any), and no temporary file left.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    @Test
    void generateOnAFullDiskRefusesBeforeWritingAnything() throws Exception {
        Path disk = tmp.resolve("disk");
        try (Mounts.Undo fs = Mounts.tmpfs(disk, 16 * 1024)) {
            Path site = disk.resolve("site");
            SiteWriter.write(site, Catalogs.oldPlan());
            Mounts.fill(disk, 256);
            SortedMap<String, byte[]> before = Tree.read(site);
            Cli.Result r = Cli.run("generate", "--catalog", Catalogs.CURRENT.toString(), "--format", "text", "--out", site.toString());
            String line = Failures.assertCleanError(r, site.toString());
            assertThat(line).contains("not enough space").contains("nothing was changed");
            assertThat(Tree.differences(Tree.read(site), before)).as("the whole site is still the old one").isEmpty();
            assertThat(Failures.temporaryFiles(site)).isEmpty();
        }
    }

    @Test
    void generateWhoseWriteFailsMidwayLeavesEveryFileOld() throws Exception {
        Path site = tmp.resolve("site");
        SiteWriter.write(site, Catalogs.oldPlan());
        SortedMap<String, byte[]> oldTree = Tree.read(site);
        // generate --format aihub (a third of the rendering; the writer is the same): AI Hub entries, whose
        // sizes vary enough to choose a limit, the listing and the index
        SitePlan newPlan = SitePlan.render(new CardRenderer(Registry.load(Catalogs.CURRENT), TemplateEngine.bundled()),
                EnumSet.of(SiteLayout.Set.AIHUB));
        // Files are staged in path order. Choose a size limit that the first changed files fit and a later,
        // larger one exceeds: that write fails in the middle of the run, after ten files were staged.
        List<String> changed = newPlan.files().keySet().stream()
                .filter(p -> !Arrays.equals(oldTree.get(p), newPlan.files().get(p))).toList();
        long limitKib = 0;
        int failing = -1;
        for (int i = 1; i < changed.size() && failing < 0; i++) {
            long max = 0;
            for (String p : changed.subList(0, i)) {
                max = Math.max(max, newPlan.files().get(p).length);
            }
            long kib = (max + 1023) / 1024;
            if (i >= 10 && newPlan.files().get(changed.get(i)).length > kib * 1024) {
                limitKib = kib;
                failing = i;
            }
        }
        assertThat(failing).as("a changed file larger than the ten before it").isPositive();

        Cli.Result r = Cli.runWithFileSizeLimit(limitKib, "generate", "--catalog", Catalogs.CURRENT.toString(),
                "--format", "aihub", "--out", site.toString());
        Path failed = site.resolve(changed.get(failing));
        String line = Failures.assertCleanError(r, failed.toString());
        assertThat(line).startsWith("error: cannot write " + failed + ": file too large").endsWith("nothing was changed");
        // every changed file is staged before any is committed: the ten staged before the failure were dropped
        assertThat(Tree.differences(Tree.read(site), oldTree)).as("the whole site is still the old one").isEmpty();
        assertThat(Failures.temporaryFiles(site)).isEmpty();

        SiteWriter.write(site, newPlan); // what a re-run with space does (the kill tests re-run the CLI)
        Path reference = tmp.resolve("reference");
        SiteWriter.write(reference, Catalogs.currentPlan());
        assertThat(Tree.differences(Tree.read(site), Catalogs.only(SiteLayout.Set.AIHUB, oldTree, Tree.read(reference))))
                .as("a re-run with space completes").isEmpty();
    }

    @Test
    void exportOnAFullDiskKeepsTheFolderAsItWas() throws Exception {
        Path disk = tmp.resolve("disk");
        try (Mounts.Undo fs = Mounts.tmpfs(disk, 8 * 1024)) {
            Path out = disk.resolve("models");
            exportOld(out);
            SortedMap<String, byte[]> before = Tree.read(out);
            // mobilenet_v1_100_224's classifier model is 16 MB: it cannot fit in what is left of 8 MB
            Cli.Result r = Cli.run("export", "--catalog", Catalogs.CURRENT.toString(), "--out", out.toString(),
                    "mobilenet_v1_100_224");
            String line = Failures.assertCleanError(r, out.resolve("mobilenet_v1_100_224-").toString());
            assertThat(line).contains("no space left on device");
            assertThat(Tree.differences(Tree.read(out), before)).as("models and manifest as they were").isEmpty();
            assertThat(Failures.temporaryFiles(out)).isEmpty();
        }
    }

    @Test
    void exportPastTheFileSizeLimitKeepsTheFolderAsItWas() throws Exception {
        Path out = tmp.resolve("models");
        exportOld(out);
        SortedMap<String, byte[]> before = Tree.read(out);
        Cli.Result r = Cli.runWithFileSizeLimit(4096, "export", "--catalog", Catalogs.CURRENT.toString(),
                "--out", out.toString(), "mobilenet_v1_100_224");
        String line = Failures.assertCleanError(r, out.resolve("mobilenet_v1_100_224-classification.onnx").toString());
        assertThat(line).contains("file too large");
        assertThat(Tree.differences(Tree.read(out), before)).as("models and manifest as they were").isEmpty();
        assertThat(Failures.temporaryFiles(out)).isEmpty();
    }

    /** A small earlier export (two files and a manifest) that a failing export must leave alone. */
    private static void exportOld(Path out) {
        Exporter.export(Exporter.variants(Selection.select(Registry.load(Catalogs.CURRENT), List.of("mobilenet_v1_025_128"))),
                out, p -> { });
    }
}
