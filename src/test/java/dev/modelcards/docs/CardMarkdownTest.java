package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardMarkdownTest {
    private final CardMarkdown md = new CardMarkdown();

    @Test
    void rendersGfmTablesAndHeadingIds() {
        String html = md.render("# Module x\n\n## Usage notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        // one level down: the page around the card has its own h1
        assertThat(html).contains("<h2 id=\"module-x\">Module x</h2>").contains("<h3 id=\"usage-notes\">Usage notes</h3>").contains("<th>a</th>").contains("<td>2</td>");
    }

    @Test
    void escapesRawHtmlAndSanitizesUrls() {
        String html = md.render("<img src=x onerror=alert(1)>\n\ntext <b onclick=\"x()\">bold</b> "
                + "[a](javascript:alert(1)) [b](https://tfhub.dev/x)\n");
        assertThat(html).doesNotContain("<img").doesNotContain("<b ").doesNotContain("javascript:")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("href=\"https://tfhub.dev/x\">b</a>");
    }

    @Test
    void dropsMetadataCommentsAndTurnsImagesIntoLinks() {
        String html = md.render("<!-- module-type: image-feature-vector -->\n\nhi ![alt](https://e.com/i.png)\n");
        assertThat(html).doesNotContain("module-type").doesNotContain("<img")
                .contains("href=\"https://e.com/i.png\">alt</a>");
    }
}
