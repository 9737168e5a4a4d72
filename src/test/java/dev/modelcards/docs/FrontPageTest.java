package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README is the site's front page: its links to documentation pages must work in both places. */
class FrontPageTest {
    @Test
    void readmeLinksToDocumentationPagesPointAtTheSitePages() {
        String page = FrontPage.markdown("# modelcards\n\nSee [diff.md](src/site/markdown/diff.md) and "
                + "[shards](src/site/markdown/verify-shards.md#github-actions), [bench](bench/README.md).\n", "models", 1, 1);
        assertThat(page).contains("[diff.md](diff.html)", "[shards](verify-shards.html#github-actions)",
                "[bench](bench/README.md)").doesNotContain("src/site/markdown");
    }
}
