package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.site.SiteLayout;
import dev.modelcards.site.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog (or the templates) disappear before or while a run reads them. {@code generate} reads the
 * whole catalog and renders every file in memory before it writes anything, so a run either completes from
 * what it read or stops with one message naming the missing path, the site untouched.
 */
class VanishingCatalogTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFamilyFileIsNamedAndNothingIsWritten() throws Exception {
        Path catalog = tmp.resolve("catalog");
        Tree.copy(Catalogs.CURRENT, catalog);
        Files.delete(catalog.resolve("mobilenet_v2.yaml"));
        Path site = oldSite();
        SortedMap<String, byte[]> before = Tree.read(site);
        Cli.Result r = Cli.run("generate", "--catalog", catalog.toString(), "--format", "text", "--out", site.toString());
        Failures.assertCleanError(r, catalog.resolve("mobilenet_v2.yaml").toString());
        assertThat(Tree.differences(Tree.read(site), before)).isEmpty();

        Path models = tmp.resolve("models");
        Cli.Result export = Cli.run("export", "--catalog", catalog.toString(), "--out", models.toString(), "mobilenet_v1_025_128");
        Failures.assertCleanError(export, catalog.resolve("mobilenet_v2.yaml").toString());
        assertThat(models).doesNotExist();
    }

    @Test
    void aMissingCatalogFolderIsNamed() throws Exception {
        Path gone = tmp.resolve("no-such-catalog");
        Path site = oldSite();
        SortedMap<String, byte[]> before = Tree.read(site);
        Failures.assertCleanError(Cli.run("generate", "--catalog", gone.toString(), "--out", site.toString()), gone.toString());
        assertThat(Tree.differences(Tree.read(site), before)).isEmpty();
    }

    @Test
    void catalogOrTemplatesDeletedDuringGenerateEitherCompleteOrChangeNothing() throws Exception {
        long seed = Long.getLong("modelcards.killSeed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        Path site = oldSite();
        SortedMap<String, byte[]> oldTree = Tree.read(site);
        Path reference = tmp.resolve("reference");
        SiteWriter.write(reference, Catalogs.currentPlan());
        // the races run generate --format text (a third of the rendering): a completed run renews text and index
        SortedMap<String, byte[]> newTree = Catalogs.only(SiteLayout.Set.TEXT, oldTree, Tree.read(reference));
        int completed = 0;
        int failed = 0;
        int races = Integer.getInteger("modelcards.killIterations", 2);
        for (int i = 0; i < races; i++) {
            boolean catalog = i % 2 == 0;
            Path copy = tmp.resolve(catalog ? "catalog" : "templates");
            SiteWriter.write(site, Catalogs.oldPlan());
            Tree.copy(catalog ? Catalogs.CURRENT : Path.of("templates"), copy);
            Cli.Running run = Cli.startKeepingOutput("generate", "--catalog", catalog ? copy.toString() : Catalogs.CURRENT.toString(),
                    "--templates", catalog ? "templates" : copy.toString(), "--format", "text", "--out", site.toString());
            // the JVM starts in about half a second and has read both folders within the next second
            run.process().waitFor((long) (random.nextDouble() * 1200), TimeUnit.MILLISECONDS);
            Tree.delete(copy);
            Cli.Result r = run.finish();
            String repro = " (deleted the " + copy.getFileName() + " folder; -Dmodelcards.killSeed=" + seed + ")\n";
            if (r.exit() == 0) {
                completed++;
                assertThat(Tree.differences(Tree.read(site), newTree)).as("completed from what it read" + repro).isEmpty();
            } else {
                failed++;
                Failures.assertCleanError(r, copy.toString());
                assertThat(Tree.differences(Tree.read(site), oldTree)).as("failed and changed nothing" + repro).isEmpty();
            }
            assertThat(Failures.temporaryFiles(site)).isEmpty();
        }
        System.out.printf("VanishingCatalogTest: %d runs completed, %d failed cleanly, seed %d%n", completed, failed, seed);
    }

    private Path oldSite() throws Exception {
        Path site = tmp.resolve("site");
        SiteWriter.write(site, Catalogs.oldPlan());
        return site;
    }
}
