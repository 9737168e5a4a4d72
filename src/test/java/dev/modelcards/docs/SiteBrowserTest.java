package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives headless chromium against the site {@code mvn site} built ({@code target/site}): the index
 * lists every variant, its filter narrows the rows, the chart has one point per classification variant,
 * a card page shows its metadata; screenshots land in {@code target/site-screenshots/}.
 *
 * <p>Skips with a message when chromium or the built site is absent, so {@code mvn verify} on a
 * machine without them passes; {@code .ci/run} installs chromium, builds the site and sets
 * {@code -Dmodelcards.requireBrowser=true}, which turns those skips into failures.
 */
class SiteBrowserTest {
    private static final Path TARGET = Path.of(System.getProperty("modelcards.target", "target"));
    private static final Path SITE = TARGET.resolve("site");
    private static final Path MODELS = SITE.resolve("models");
    private static Chromium chromium;
    private static Registry registry;

    @BeforeAll
    static void setUp() throws Exception {
        boolean required = Boolean.getBoolean("modelcards.requireBrowser");
        if (!Files.isRegularFile(MODELS.resolve("index.html"))) {
            skipOrFail(required, "no built site at " + MODELS.toAbsolutePath() + ": run `mvn site` first "
                    + "(.ci/run runs `mvn -B site verify`)");
        }
        var found = Chromium.find(Files.createDirectories(TARGET.resolve("chromium-runs")));
        if (found.isEmpty()) {
            skipOrFail(required, "chromium not found on PATH (apt-get install chromium, as .ci/run does; "
                    + "or -Dmodelcards.chromium=/path/to/chromium)");
        }
        chromium = found.get();
        registry = Registry.load();
    }

    private static void skipOrFail(boolean required, String why) {
        if (required) {
            fail(why + " [modelcards.requireBrowser=true]");
        }
        Assumptions.abort("browser test skipped: " + why);
    }

    private static String url(String page) {
        return MODELS.resolve(page).toAbsolutePath().normalize().toUri().toString();
    }

    /** The {@code <tr>} start tags of the index's variant rows. */
    private static List<String> rows(String dom) {
        Matcher m = Pattern.compile("<tr [^>]*data-family=[^>]*>").matcher(dom);
        List<String> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }

    private static long visible(List<String> rows) {
        return rows.stream().filter(r -> !r.contains(" hidden")).count();
    }

    @Test
    void indexListsEveryVariantAndTheFilterNarrowsRows() throws Exception {
        String all = chromium.dumpDom(url("index.html"));
        assertThat(rows(all)).hasSize(registry.variants().size()).hasSize(76);
        assertThat(visible(rows(all))).isEqualTo(76);
        // the script ran: header buttons for sorting and the row count
        assertThat(all).contains("<th scope=\"col\"").contains("<button type=\"button\">")
                .contains("76 of 76 variants");

        String filtered = chromium.dumpDom(url("index.html") + "?family=mobilenet_v1&head=classification&resolution=160");
        long expected = registry.query().family("mobilenet_v1").head("classification").resolution(160).list().size();
        assertThat(expected).isEqualTo(4);
        assertThat(rows(filtered)).hasSize(76);
        assertThat(visible(rows(filtered))).isEqualTo(expected);
        assertThat(filtered).contains(expected + " of 76 variants");
        rows(filtered).stream().filter(r -> !r.contains(" hidden"))
                .forEach(r -> assertThat(r).contains("data-family=\"mobilenet_v1\"").contains("data-resolution=\"160\""));

        chromium.screenshot(url("index.html"), TARGET.resolve("site-screenshots/index.png"));
    }

    @Test
    void chartHasOnePointPerClassificationVariant() throws Exception {
        String dom = chromium.dumpDom(url("charts.html"));
        long classifiers = registry.variants().stream().filter(Variant::isClassifier).count();
        assertThat(classifiers).isEqualTo(38);
        for (String chart : List.of("chart-macs", "chart-params")) {
            int start = dom.indexOf("id=\"" + chart + "\"");
            int end = dom.indexOf("</svg>", start);
            assertThat(start).as(chart).isPositive();
            String svg = dom.substring(start, end);
            assertThat(DocsGeneratorTest.count(svg, "class=\"point s[0-9]\"")).as(chart).isEqualTo(38);
        }
        chromium.screenshot(url("charts.html"), TARGET.resolve("site-screenshots/charts.png"));
        chromium.screenshot(url("charts.html"), TARGET.resolve("site-screenshots/charts-dark.png"), true);
    }

    @Test
    void cardPageShowsItsMetadata() throws Exception {
        ModelVersion m = registry.get("google/imagenet/mobilenet_v2_075_96/feature_vector");
        String page = m.handle() + ".html";
        String dom = chromium.dumpDom(url(page));
        assertThat(dom).contains("<dd data-field=\"handle\">" + m.handle() + "</dd>")
                .contains("<dd data-field=\"params\">" + m.variant().metrics().paramsMillions().toPlainString() + " M</dd>")
                .contains("<dd data-field=\"output_shape\">[batch, 1280]</dd>")
                .contains("id=\"mc-versions\"").contains("badge latest").contains("id=\"mc-verify\"");
        if (Files.isRegularFile(Path.of("site/tfhub", m.handle() + ".md"))) {
            // the generated markdown card is rendered beside the metadata, not the "not generated" notice
            assertThat(dom).doesNotContain("mc-card-missing").contains("<h3 id=\"overview\">Overview</h3>");
        }
        chromium.screenshot(url(page), TARGET.resolve("site-screenshots/card.png"));
        chromium.screenshot(url("families/mobilenet_v2.html"), TARGET.resolve("site-screenshots/family.png"));
    }

    @Test
    void builtPagesAreValidAndTheFrontPageLinksToThem() throws Exception {
        assertThat(new PageChecker(MODELS).checkAll()).isEmpty();
        assertThat(Files.readString(SITE.resolve("index.html"))).contains("Browse the registry")
                .contains("href=\"models/index.html\"");
    }
}
