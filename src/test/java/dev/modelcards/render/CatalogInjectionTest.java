package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog strings cannot break a card: HTML, a backtick fence, a heading, a javascript: link or a
 * comment terminator in changelog entries, names or metadata show up as text, and the card keeps
 * exactly the outline it has with honest data.
 */
class CatalogInjectionTest {
    @TempDir
    Path tmp;

    @Test
    void hostileCatalogStringsStayText() throws IOException {
        Path catalog = tmp.resolve("catalog");
        Files.createDirectories(catalog);
        for (String f : List.of("catalog.yaml", "mobilenet_v1.yaml", "tfhub_tags.yaml")) {
            Files.copy(Path.of("catalog", f), catalog.resolve(f));
        }
        String v2 = Files.readString(Path.of("catalog/mobilenet_v2.yaml"));
        v2 = replaceFirst(v2, "    changelog:\n      - Initial release.\n", """
                    changelog:
                      - Initial release.
                      - "<script>alert(1)</script> and [click](javascript:alert(2))"
                      - "```\\n# Injected heading\\n```"
                      - "* injected list\\n\\n    indented code"
                """);
        v2 = replaceFirst(v2, "name: MobileNet V2\n", "name: \"MobileNet V2 <img src=x onerror=alert(3)> `tick` [x](y) *em*\"\n");
        v2 = replaceFirst(v2, "network_architecture: mobilenet-v2 ", "network_architecture: \"mobilenet-v2 --> <script>alert(4)</script>\" ");
        Files.writeString(catalog.resolve("mobilenet_v2.yaml"), v2);

        Registry hostile = Registry.load(catalog);
        CardRenderer renderer = new CardRenderer(hostile, TemplateEngine.fromDirectory(Path.of("templates")));
        // Version 2 and later print the changelog (the publisher's first versions have none).
        for (String handle : List.of("google/imagenet/mobilenet_v2_075_96/classification/2",
                "google/imagenet/mobilenet_v2_075_96/feature_vector/4", "google/imagenet/mobilenet_v2_100_224/classification/5")) {
            ModelVersion m = hostile.get(handle);
            for (Rendering r : List.of(Rendering.TFHUB, Rendering.AIHUB)) {
                String card = renderer.card(m, r);
                Outline o = new Outline(card);
                CardOutlineTest.checkCard(m, r, o);
                String text = o.text.toString();
                assertThat(text).as(handle + " " + r).contains("<script>alert(1)</script>", "# Injected heading",
                        "* injected list");
                if (r == Rendering.TFHUB) {
                    assertThat(text).contains("<img src=x onerror=alert(3)>", "`tick`", "[x](y) *em*");
                }
                assertThat(o.links).noneMatch(l -> l.startsWith("javascript:"));
                if (r == Rendering.TFHUB && m.number() > 1) {
                    assertThat(o.htmlBlocks).anyMatch(b -> b.contains("mobilenet-v2 --&gt; &lt;script&gt;alert(4)&lt;/script&gt;"));
                }
            }
            assertThat(renderer.card(m, Rendering.TEXT)).contains("<script>alert(1)</script>");
        }
    }

    private static String replaceFirst(String s, String from, String to) {
        int i = s.indexOf(from);
        assertThat(i).as("catalog text to replace: " + from).isGreaterThanOrEqualTo(0);
        return s.substring(0, i) + to + s.substring(i + from.length());
    }
}
