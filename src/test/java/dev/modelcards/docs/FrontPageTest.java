package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README is the site's front page: its links to documentation pages must work in both places. */
class FrontPageTest {
    @Test
    void readmeLinksToDocumentationPagesPointAtTheSitePages() {
        String page = FrontPage.markdown("# modelcards\n\nSee [diff.md](src/site/markdown/diff.md) and "
                + "[shards](src/site/markdown/verify-shards.md#github-actions), [bench](bench/README.md).\n", "models", 1, 1);
        assertThat(page).contains("[diff.md](diff.html)", "[shards](verify-shards.html#github-actions)",
                "[bench](benchmarks/README.html)").doesNotContain("src/site/markdown").doesNotContain("bench/README.md");
    }

    @Test
    void readmeTaskListLinksPagesThatExist() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).containsIgnoringCase("**change a published model**").containsIgnoringCase("**verify on N machines**");
        Matcher m = Pattern.compile("\\]\\((src/site/markdown/[^)#]+)").matcher(readme);
        int links = 0;
        while (m.find()) {
            assertThat(Path.of(m.group(1))).as("README links " + m.group(1)).isRegularFile();
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(2);
    }
}
