package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FreeMarker is strict (missing values fail, naming template line and catalog entry) and sandboxed. */
class StrictTemplatesTest {
    private static final String HANDLE = "google/imagenet/mobilenet_v2_075_96/classification/4";

    @TempDir
    Path tmp;

    @Test
    void missingValueNamesTemplateLineAndCatalogEntry() throws IOException {
        Path templates = copyTemplates();
        Path card = templates.resolve("lib/card.ftl");
        String src = Files.readString(card);
        int line = lineOf(src, "${c.text.dataset_title}");
        Files.writeString(card, src.replace("${c.text.dataset_title}", "${c.text.no_such_wording}"));
        Registry registry = Fixtures.registry();
        CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        assertThatThrownBy(() -> r.card(registry.get(HANDLE), Rendering.TFHUB))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining(templates.resolve("lib/card.ftl") + ":" + line + ":")
                .hasMessageContaining("missing value c.text.no_such_wording")
                .hasMessageContaining(HANDLE)
                .hasMessageMatching("(?s).*catalog/mobilenet_v2\\.yaml:\\d+:\\d+.*");
    }

    @Test
    void missingValueInTheBundledTemplatesIsNeverAnEmptyString() {
        // A catalog without the family wording the template needs: rendering fails instead of printing "".
        Registry registry = Fixtures.registry();
        ModelVersion m = registry.get(HANDLE);
        var model = new CardModel(registry).card(m);
        @SuppressWarnings("unchecked")
        var text = new java.util.LinkedHashMap<>((java.util.Map<String, String>) model.get("text"));
        text.remove("family_intro");
        model.put("text", text);
        TemplateEngine engine = TemplateEngine.fromDirectory(Path.of("templates"));
        assertThatThrownBy(() -> engine.render(Rendering.TFHUB, java.util.Map.of("c", model), "test entry"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("lib/card.ftl:")
                .hasMessageContaining("t.family_intro")
                .hasMessageContaining("test entry");
    }

    @Test
    void newAndApiBuiltinsAndJavaAccessAreDisabled() throws IOException {
        for (String evil : List.of("<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
                "${c?api.getClass().getName()}", "${c.getClass()}")) {
            Path templates = copyTemplates();
            Files.writeString(templates.resolve("tfhub/card.ftl"), evil + "\n");
            Registry registry = Fixtures.registry();
            CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
            assertThatThrownBy(() -> r.card(registry.get(HANDLE), Rendering.TFHUB)).as(evil)
                    .isInstanceOf(RenderException.class)
                    .hasMessageContaining("tfhub/card.ftl:1:");
        }
    }

    @Test
    void templateSyntaxErrorNamesFileAndLine() throws IOException {
        Path templates = copyTemplates();
        Files.writeString(templates.resolve("tfhub/card.ftl"), "ok\n<#if c.classifier>\nno end\n");
        Registry registry = Fixtures.registry();
        CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        assertThatThrownBy(() -> r.card(registry.get(HANDLE), Rendering.TFHUB))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("tfhub/card.ftl:")
                .hasMessageContaining("does not parse");
    }

    @Test
    void anIncludedTemplateThatDoesNotParseIsNamedAtItsOwnLineEveryTime() throws IOException {
        Path templates = copyTemplates();
        Path card = templates.resolve("lib/card.ftl");
        String src = Files.readString(card);
        int line = (int) src.lines().count() + 1;
        Files.writeString(card, src + "<#if>\n");
        Registry registry = Fixtures.registry();
        CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        // FreeMarker words the second attempt to load a broken template differently from the first
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> r.card(registry.get(HANDLE), Rendering.TFHUB)).as("attempt " + attempt)
                    .isInstanceOf(RenderException.class)
                    .hasMessageStartingWith(card + ":" + line + ":2: error: template does not parse: ")
                    .hasMessageNotContaining("earlier attempt");
        }
    }

    @Test
    void markdownOutputIsAutoEscapedAndHelpersValidate() throws IOException {
        Path templates = copyTemplates();
        Files.writeString(templates.resolve("tfhub/card.ftl"), "${c.text.dataset_title}|${\"<b>*x*</b>\"}\n");
        Registry registry = Fixtures.registry();
        CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        assertThat(r.card(registry.get(HANDLE), Rendering.TFHUB))
                .isEqualTo("Imagenet (ILSVRC-2012-CLS)|&lt;b&gt;\\*x\\*&lt;/b&gt;\n");
        Files.writeString(templates.resolve("tfhub/card.ftl"), "<#include \"../lib/markdown.ftl\"><@link \"javascript:alert(1)\">x</@link>\n");
        CardRenderer r2 = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        assertThatThrownBy(() -> r2.card(registry.get(HANDLE), Rendering.TFHUB))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("not an absolute http(s) URL")
                .hasMessageContaining("lib/markdown.ftl:");
    }

    @Test
    void ftlhTemplatesEscapeHtmlAndPlainTemplatesDoNotEscape() throws IOException {
        Path templates = copyTemplates();
        Files.writeString(templates.resolve("page.ftlh"), "<p>${v}</p>\n");
        Files.writeString(templates.resolve("page.ftl"), "${v}\n");
        TemplateEngine e = TemplateEngine.fromDirectory(templates);
        java.util.Map<String, Object> model = java.util.Map.of("v", "<script>a & b</script>");
        assertThat(e.render(Syntax.MARKDOWN, "page.ftlh", model, "t")).isEqualTo("<p>&lt;script&gt;a &amp; b&lt;/script&gt;</p>\n");
        assertThat(e.render(Syntax.PLAIN, "page.ftl", model, "t")).isEqualTo("<script>a & b</script>\n");
        assertThat(e.render(Syntax.MARKDOWN, "page.ftl", model, "t")).isEqualTo("&lt;script&gt;a &amp; b&lt;/script&gt;\n");
    }

    @Test
    void carriageReturnsInTemplatesAreRefused() throws IOException {
        Path templates = copyTemplates();
        Files.writeString(templates.resolve("tfhub/card.ftl"), "line\r\n");
        Registry registry = Fixtures.registry();
        CardRenderer r = new CardRenderer(registry, TemplateEngine.fromDirectory(templates));
        assertThatThrownBy(() -> r.card(registry.get(HANDLE), Rendering.TFHUB))
                .isInstanceOf(RenderException.class).hasMessageContaining("carriage return");
    }

    private Path copyTemplates() throws IOException {
        return Fixtures.copyTemplates(tmp);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
