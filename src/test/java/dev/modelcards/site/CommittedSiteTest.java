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
        assertThat(plan.files()).hasSize(348 * 3 + 3);
        assertThat(SiteChecker.check(Path.of("site"), plan))
                .as("site/ is stale: run 'java -jar target/modelcards.jar generate' and commit site/").isEmpty();
    }
}
