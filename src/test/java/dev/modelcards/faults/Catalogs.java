package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.TemplateEngine;
import dev.modelcards.site.SiteLayout;
import dev.modelcards.site.SitePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/** The project's catalog and an "old" edit of it whose site differs in most cards. */
final class Catalogs {
    /** The catalog the CLI runs use (the working directory is the project). */
    static final Path CURRENT = Path.of("catalog");

    private Catalogs() {
    }

    /**
     * A copy of the catalog in {@code dir} with the first changelog entry of both families reworded: every
     * card of every version shows the changelog up to its version, so nearly every card differs.
     */
    static Path old(Path dir) throws IOException {
        Tree.copy(CURRENT, dir);
        for (String family : new String[] {"mobilenet_v1.yaml", "mobilenet_v2.yaml"}) {
            Path f = dir.resolve(family);
            String yaml = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(yaml).as(f + " still has the changelog entry this test rewords").contains("- Initial release.");
            Files.writeString(f, yaml.replace("- Initial release.", "- Initial release (first published wording)."),
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static SitePlan oldPlan;
    private static SitePlan currentPlan;

    /** The plan of {@link #old} (rendered once per test JVM: rendering 1,047 files takes a second or two). */
    static synchronized SitePlan oldPlan() throws IOException {
        if (oldPlan == null) {
            Path dir = Files.createTempDirectory("modelcards-old-catalog");
            try {
                oldPlan = plan(old(dir.resolve("catalog")));
            } finally {
                Tree.delete(dir);
            }
        }
        return oldPlan;
    }

    /** The plan of {@link #CURRENT}, rendered once per test JVM. */
    static synchronized SitePlan currentPlan() {
        if (currentPlan == null) {
            currentPlan = plan(CURRENT);
        }
        return currentPlan;
    }

    /**
     * What {@code generate --format <set>} writes over a full site: the current files of that set and the
     * index, everything else as in {@code base}.
     */
    static java.util.SortedMap<String, byte[]> only(SiteLayout.Set set, java.util.SortedMap<String, byte[]> base,
            java.util.SortedMap<String, byte[]> current) {
        java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>(base);
        current.forEach((path, bytes) -> {
            if (SiteLayout.Set.of(path) == set || SiteLayout.Set.of(path) == SiteLayout.Set.INDEX) {
                out.put(path, bytes);
            }
        });
        return out;
    }

    /** Everything {@code generate} (all formats, bundled templates) writes for the catalog in {@code dir}. */
    static SitePlan plan(Path dir) {
        return SitePlan.render(new CardRenderer(Registry.load(dir), TemplateEngine.bundled()), EnumSet.allOf(SiteLayout.Set.class));
    }
}
