package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog strings written to break out of their place in a page must stay text. */
class HostileCatalogTest {
    @Test
    void catalogTextCannotInjectMarkupOrScript(@TempDir Path tmp) throws Exception {
        Path catalog = tmp.resolve("catalog");
        Files.createDirectories(catalog);
        try (Stream<Path> files = Files.list(Path.of("catalog"))) {
            for (Path f : files.toList()) {
                Files.copy(f, catalog.resolve(f.getFileName()));
            }
        }
        Path v2 = catalog.resolve("mobilenet_v2.yaml");
        String yaml = Files.readString(v2)
                .replace("url: https://arxiv.org/abs/1801.04381", "url: \"javascript:alert(1)\"")
                .replace("name: MobileNet V2", "name: \"MobileNet V2 <script>alert('name')</script>\"")
                .replace("      - Initial release.",
                        "      - \"Initial <img src=x onerror=alert(1)> release [x](javascript:alert(2)) \\\"quoted\\\"\"");
        Files.writeString(v2, yaml);
        Registry registry = Registry.load(catalog);
        assertThat(Specs.catalog(registry).family("mobilenet_v2").orElseThrow().name()).contains("<script>");

        SortedMap<String, String> pages = new DocsGenerator(registry, tmp.resolve("cards"), Optional.empty()).render();
        for (var e : pages.entrySet()) {
            // "javascript:" may appear as text (the history notice quotes the renderer's refusal), never as a URL
            assertThat(e.getValue()).as(e.getKey()).doesNotContain("<script>alert").doesNotContain("<img")
                    .doesNotContainPattern("(?i)(href|src|action)\\s*=\\s*\"\\s*javascript:");
        }
        // the renderer refuses the javascript: paper URL, so V2 cards have no history but still a page
        assertThat(pages.get("google/imagenet/mobilenet_v2_075_96/feature_vector/4.html"))
                .contains("id=\"mc-history-error\"").contains("not an absolute http(s) URL");
        assertThat(pages.get("google/imagenet/mobilenet_v1_025_128/classification/1.html")).contains("id=\"mc-history-list\"");
        assertThat(pages.get("families/mobilenet_v2.html"))
                .contains("MobileNet V2 &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<cite>");
        Path out = tmp.resolve("site/models");
        DocsGenerator.write(pages, out);
        assertThat(new PageChecker(out).checkAll()).isEmpty();
    }
}
