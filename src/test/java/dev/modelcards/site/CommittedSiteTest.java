package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.render.Fixtures;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The committed site/ is exactly what generate writes from this checkout's catalog and templates. */
class CommittedSiteTest {
    @Test
    void committedSiteIsUpToDate() throws Exception {
        SitePlan plan = SitePlan.render(Fixtures.renderer(), EnumSet.allOf(SiteLayout.Set.class));
        var registry = Fixtures.registry();
        // Every model in three renderings, every TF.js child card as tfhub markdown and as text, the AI Hub
        // listing, index.md and index.json.
        assertThat(plan.files()).hasSize(registry.models().size() * 3 + registry.deployments().size() * 2 + 3);
        assertThat(SiteChecker.check(Path.of("site"), plan))
                .as("site/ is stale: run 'java -jar target/modelcards.jar generate' and commit site/").isEmpty();
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocaleOrTimeZone() {
        SitePlan base = SitePlan.render(Fixtures.renderer(), EnumSet.allOf(SiteLayout.Set.class));
        java.util.Locale locale = java.util.Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            for (String tag : new String[] {"ar-SA", "tr-TR", "de-DE"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
                var renderer = new dev.modelcards.render.CardRenderer(dev.modelcards.Registry.load(Path.of("catalog")),
                        dev.modelcards.render.TemplateEngine.fromDirectory(Path.of("templates")));
                SitePlan other = SitePlan.render(renderer, EnumSet.allOf(SiteLayout.Set.class));
                assertThat(other.files().keySet()).as(tag).isEqualTo(base.files().keySet());
                other.files().forEach((path, bytes) -> assertThat(bytes).as(tag + " " + path).isEqualTo(base.files().get(path)));
            }
        } finally {
            java.util.Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
    }
}
