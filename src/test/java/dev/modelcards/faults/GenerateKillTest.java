package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.site.SitePlan;
import dev.modelcards.site.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of {@code generate}: every run starts from a complete "old" site (a
 * reworded changelog entry, so nearly every card changes) and generates the current one. After each kill,
 * every file is byte for byte its old or its new version (never truncated, never a mix) and nothing but
 * hidden temporary files is added; a re-run then yields exactly the new site, temporary files swept.
 *
 * <p>{@code -Dmodelcards.killIterations=50} for the long run (default 2; CI runs 5); {@code -Dmodelcards.killSeed=N}
 * repeats a run's delays.
 */
class GenerateKillTest {
    static final String TMP_SUFFIX = ".modelcards-tmp";

    @TempDir
    Path tmp;

    @Test
    void killedGenerateLeavesEveryFileOldOrNewAndARerunCompletes() throws Exception {
        int iterations = Integer.getInteger("modelcards.killIterations", 2);
        long seed = Long.getLong("modelcards.killSeed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        String repro = " (seed " + seed + "; rerun with -Dmodelcards.killSeed=" + seed + ")";

        SitePlan oldPlan = Catalogs.oldPlan();
        SitePlan newPlan = Catalogs.currentPlan();
        Path site = tmp.resolve("site");
        SiteWriter.write(site, oldPlan);
        SortedMap<String, byte[]> oldTree = Tree.read(site);
        Path reference = tmp.resolve("reference");
        SiteWriter.write(reference, newPlan);
        SortedMap<String, byte[]> newTree = Tree.read(reference);
        int differing = Tree.differences(oldTree, newTree).size();
        assertThat(differing).as("files the catalog edit changes").isGreaterThan(500);

        // A complete run first: it must turn the old site into exactly the new one; it also times when the
        // first file turns new and when the run ends, which bounds the moments worth killing at.
        String firstChanged = Tree.differences(oldTree, newTree).get(0);
        long t0 = System.nanoTime();
        Process first = Cli.start("generate", "--catalog", Catalogs.CURRENT.toString(), "--out", site.toString());
        long firstWriteNanos = awaitNew(first, site.resolve(firstChanged), newTree.get(firstChanged)) - t0;
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long fullNanos = System.nanoTime() - t0;
        assertThat(first.exitValue()).as("a complete generate").isZero();
        assertThat(Tree.differences(Tree.read(site), newTree)).as("a complete run yields the new site").isEmpty();

        // Then one kill right after the first file turned new (a kill in the middle of the writes for sure)
        // and the others at random moments between start-up and the end of a complete run.
        int allOld = 0;
        int mixed = 0;
        int allNew = 0;
        for (int i = 0; i < iterations; i++) {
            SiteWriter.write(site, oldPlan);
            assertThat(Tree.differences(Tree.read(site), oldTree)).as("back to the old site").isEmpty();
            long start = System.nanoTime();
            Process p = Cli.start("generate", "--catalog", Catalogs.CURRENT.toString(), "--out", site.toString());
            if (i == 0) {
                awaitNew(p, site.resolve(firstChanged), newTree.get(firstChanged));
            } else if (random.nextInt(5) == 0) {
                // one kill in five at a random moment before the writes (start-up, catalog, rendering)
                p.waitFor((long) (random.nextDouble() * firstWriteNanos), TimeUnit.NANOSECONDS);
            } else {
                // the others at a random moment of the write phase: the JVM's start-up time varies too much
                // on a busy machine to aim at that phase from the start, so wait for its first write
                long writing = awaitNew(p, site.resolve(firstChanged), newTree.get(firstChanged));
                long delay = (long) (random.nextDouble() * (fullNanos - firstWriteNanos) * 1.2);
                p.waitFor(Math.max(0, delay - (System.nanoTime() - writing)), TimeUnit.NANOSECONDS);
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            SortedMap<String, byte[]> now = Tree.read(site);
            int fresh = 0;
            int stale = 0;
            for (Map.Entry<String, byte[]> e : now.entrySet()) {
                String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
                if (name.endsWith(TMP_SUFFIX)) {
                    assertThat(name).as("a temporary file is hidden, never taken for a card" + repro).startsWith(".");
                    continue;
                }
                byte[] o = oldTree.get(e.getKey());
                byte[] n = newTree.get(e.getKey());
                assertThat(o != null || n != null).as("kill " + i + ": unexpected file " + e.getKey() + repro).isTrue();
                boolean isNew = Arrays.equals(e.getValue(), n);
                boolean isOld = Arrays.equals(e.getValue(), o);
                assertThat(isNew || isOld).as("kill " + i + ": " + e.getKey() + " is neither its old nor its new version ("
                        + e.getValue().length + " bytes)" + repro).isTrue();
                fresh += isNew && !isOld ? 1 : 0;
                stale += isOld && !isNew ? 1 : 0;
            }
            assertThat(now.keySet()).as("kill " + i + ": no file vanished" + repro).containsAll(newTree.keySet());
            if (fresh == 0) {
                allOld++;
            } else if (stale == 0) {
                allNew++;
            } else {
                mixed++;
            }
            if (i == 0) {
                assertThat(fresh).as("the first kill came after the first new file").isPositive();
            }
        }

        // The last kill's leftovers are completed by a re-run: exactly the new site, no temporary file.
        Cli.Result rerun = Cli.run("generate", "--catalog", Catalogs.CURRENT.toString(), "--out", site.toString());
        assertThat(rerun.exit()).as(rerun.describe()).isZero();
        assertThat(Tree.differences(Tree.read(site), newTree)).as("the re-run yields exactly the new site").isEmpty();
        System.out.printf("GenerateKillTest: %d kills (%d before any write, %d mid-run, %d after the last write),"
                        + " %d of %d files differ, full run %.2f s, first new file at %.2f s, seed %d%n",
                iterations, allOld, mixed, allNew, differing, newTree.size(), fullNanos / 1e9, firstWriteNanos / 1e9, seed);
    }

    /** Polls (every millisecond, so the polling does not slow the run) until {@code file} has {@code bytes}; returns when. */
    private static long awaitNew(Process p, Path file, byte[] bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Thread.sleep(1);
        }
        return System.nanoTime();
    }
}
