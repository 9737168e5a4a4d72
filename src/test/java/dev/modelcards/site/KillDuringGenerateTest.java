package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Fixtures;
import dev.modelcards.render.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of {@code generate}: every file is either the old or the new version,
 * never truncated, and the next run completes the site.
 */
class KillDuringGenerateTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunLeavesEveryFileOldOrNew() throws Exception {
        Path oldTemplates = tmp.resolve("old-templates");
        copyTree(Path.of("templates"), oldTemplates);
        for (String t : List.of("tfhub/card.ftl", "text/card.ftl", "aihub/card.ftl")) {
            Files.writeString(oldTemplates.resolve(t), Files.readString(oldTemplates.resolve(t)) + "OLD VERSION OF THIS CARD\n");
        }
        SitePlan oldPlan = SitePlan.render(new CardRenderer(Fixtures.registry(), TemplateEngine.fromDirectory(oldTemplates)),
                java.util.EnumSet.allOf(SiteLayout.Set.class));
        SitePlan newPlan = SitePlan.render(new CardRenderer(Fixtures.registry(), TemplateEngine.fromDirectory(Path.of("templates"))),
                java.util.EnumSet.allOf(SiteLayout.Set.class));
        Path site = tmp.resolve("site");
        SiteWriter.write(site, oldPlan);

        // Files are written in path order: kill as soon as the first changed one has its new bytes.
        String first = newPlan.files().keySet().stream()
                .filter(p -> !Arrays.equals(oldPlan.files().get(p), newPlan.files().get(p))).findFirst().orElseThrow();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.modelcards.cli.Main", "generate",
                "--catalog", "catalog", "--templates", "templates", "--out", site.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline
                && !Arrays.equals(Files.readAllBytes(site.resolve(first)), newPlan.files().get(first))) {
            Thread.sleep(2);
        }
        p.destroyForcibly().waitFor();

        int fresh = 0;
        for (Map.Entry<String, byte[]> e : newPlan.files().entrySet()) {
            byte[] have = Files.readAllBytes(site.resolve(e.getKey()));
            boolean isNew = Arrays.equals(have, e.getValue());
            assertThat(isNew || Arrays.equals(have, oldPlan.files().get(e.getKey())))
                    .as(e.getKey() + " is neither the old nor the new version (" + have.length + " bytes)").isTrue();
            fresh += isNew ? 1 : 0;
        }
        assertThat(fresh).as("files already new when killed").isPositive();

        SiteWriter.write(site, newPlan);
        assertThat(SiteChecker.check(site, newPlan)).isEmpty();
        try (Stream<Path> s = Files.walk(site)) {
            assertThat(s.filter(f -> f.toString().endsWith(AtomicFiles.TMP_SUFFIX)).toList())
                    .as("temporary files are reused, at most one per target").hasSizeLessThanOrEqualTo(1);
        }
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
