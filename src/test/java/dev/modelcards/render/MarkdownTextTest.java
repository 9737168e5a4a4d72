package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void escapeKeepsProseBytesAndNeutralisesMarkup() {
        assertThat(MarkdownText.escape("ImageNet (ILSVRC-2012-CLS)")).isEqualTo("ImageNet (ILSVRC-2012-CLS)");
        assertThat(MarkdownText.escape("mobilenet_v2_075_96")).isEqualTo("mobilenet_v2_075_96");
        assertThat(MarkdownText.escape("0.75")).isEqualTo("0.75");
        assertThat(MarkdownText.escape("_em_ *b* `c` [l](u) <s> & |")).isEqualTo("\\_em\\_ \\*b\\* \\`c\\` \\[l\\](u) &lt;s&gt; &amp; \\|");
        assertThat(MarkdownText.escape("# h")).isEqualTo("\\# h");
        assertThat(MarkdownText.escape("1. item")).isEqualTo("1\\. item");
        assertThat(MarkdownText.escape("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.escape("a\n# b")).isEqualTo("a # b");
        assertThat(MarkdownText.escapeAll("mobilenet_v2")).isEqualTo("mobilenet\\_v2");
    }

    @Test
    void codeSpanFenceOutgrowsBackticksInside() {
        assertThat(MarkdownText.codeSpan("a_b")).isEqualTo("`a_b`");
        assertThat(MarkdownText.codeSpan("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.codeSpan("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownText.codeSpan("```\nfence")).isEqualTo("```` ``` fence ````");
    }

    @Test
    void inlineAdmitsOnlyOneParagraphOfSafeInlineMarkup() {
        String ok = "Fixed broken UPDATE_OPS for fine-tuning,\n[GitHub issue 86](https://github.com/tensorflow/hub/issues/86).";
        assertThat(MarkdownText.inline(ok, "    ")).isEqualTo(ok.replace("\n", "\n    "));
        assertThat(MarkdownText.inline("uses `tf.GradientTape(persistent=True)` *now*", "")).isEqualTo("uses `tf.GradientTape(persistent=True)` *now*");
        assertThat(MarkdownText.inline("<script>x</script>", "")).isEqualTo("&lt;script&gt;x&lt;/script&gt;");
        assertThat(MarkdownText.inline("[a](relative/path)", "")).isEqualTo("\\[a\\](relative/path)");
        assertThat(MarkdownText.inline("a\n```\nb", "")).isEqualTo("a \\`\\`\\` b");
        assertThat(MarkdownText.inline("a\n\nb", "")).isEqualTo("a b");
        assertThat(MarkdownText.inline("![i](https://x.org/i.png)", "")).startsWith("!\\[");
    }

    @Test
    void plainDropsMarkupButKeepsText() {
        assertThat(MarkdownText.plain("see [issue 86](https://github.com/x) and `code` *not*", "")).isEqualTo("see issue 86 and code not");
        assertThat(MarkdownText.plain("a,\nb", "  ")).isEqualTo("a,\n  b");
    }

    @Test
    void urlsMustBeAbsoluteAndPlain() {
        assertThat(MarkdownText.isSafeUrl("https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/classification/4")).isTrue();
        assertThat(MarkdownText.isSafeUrl("https://aihub.cloud.google.com/p/products%2F13041a34")).isTrue();
        assertThat(MarkdownText.isSafeUrl("javascript:alert(1)")).isFalse();
        assertThat(MarkdownText.isSafeUrl("tfhub/a.md")).isFalse();
        assertThat(MarkdownText.isSafeUrl("https://x.org/a\")")).isFalse();
        assertThat(MarkdownText.isSafeUrl("https://x.org/a b")).isFalse();
    }

    @Test
    void wrapFillsLinesGreedily() {
        assertThat(Wrap.greedy("aa bb cc dd", 8, "* ", "  ")).isEqualTo("* aa bb\n  cc dd");
        assertThat(Wrap.greedy("aa bb - cc", 7, "* ", "  ")).isEqualTo("* aa bb -\n  cc");
    }
}
