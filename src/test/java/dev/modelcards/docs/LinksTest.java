package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void relativeLinksBetweenPages() {
        assertThat(Links.relative("index.html", "charts.html")).isEqualTo("charts.html");
        assertThat(Links.relative("families/a.html", "index.html")).isEqualTo("../index.html");
        assertThat(Links.relative("g/i/n/h/4.html", "g/i/n/h/2.html")).isEqualTo("2.html");
        assertThat(Links.relative("g/i/n/h/4.html", "families/a.html")).isEqualTo("../../../../families/a.html");
        assertThat(Links.relative("families/a.html", "../index.html")).isEqualTo("../../index.html");
    }

    @Test
    void keepsOnlyPlainHttpLinks() {
        assertThat(Links.external("https://arxiv.org/abs/1801.04381")).contains("https://arxiv.org/abs/1801.04381");
        assertThat(Links.external("javascript:alert(1)")).isEmpty();
        assertThat(Links.external("JaVaScRiPt:alert(1)")).isEmpty();
        assertThat(Links.external("data:text/html,<script>")).isEmpty();
        assertThat(Links.external("https://x.org/\"><script>")).isEmpty();
        assertThat(Links.external("/etc/passwd")).isEmpty();
    }

    @Test
    void escapesEverythingThatCouldBeMarkup() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&\u0001</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }
}
