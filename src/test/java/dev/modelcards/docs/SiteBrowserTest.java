package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        int variants = registry.variants().size();
        String all = chromium.dumpDom(url("index.html"));
        assertThat(rows(all)).hasSize(variants);
        assertThat(visible(rows(all))).isEqualTo(variants);
        // the script ran: header buttons for sorting and the row count
        assertThat(all).contains("<th scope=\"col\"").contains("<button type=\"button\">")
                .contains(variants + " of " + variants + " variants");

        // V1 at 160 px has a float and a quantized (quantops) classifier per multiplier
        String filtered = chromium.dumpDom(url("index.html") + "?family=mobilenet_v1&head=classification&resolution=160");
        // the index lists float and quantized variants alike (a Query holds float ones unless asked)
        long expected = registry.query().includeQuantized().family("mobilenet_v1").head("classification").resolution(160)
                .list().size();
        long quantized = registry.query().includeQuantized().family("mobilenet_v1").head("classification").resolution(160)
                .list().stream()
                .filter(Variant::isQuantized).count();
        assertThat(expected).isEqualTo(8);
        assertThat(quantized).isEqualTo(4);
        assertThat(rows(filtered)).hasSize(variants);
        assertThat(visible(rows(filtered))).isEqualTo(expected);
        assertThat(filtered).contains(expected + " of " + variants + " variants");
        rows(filtered).stream().filter(r -> !r.contains(" hidden"))
                .forEach(r -> assertThat(r).contains("data-family=\"mobilenet_v1\"").contains("data-resolution=\"160\""));

        // the quantization filter keeps the float or the quantized ones
        String floats = chromium.dumpDom(url("index.html")
                + "?family=mobilenet_v1&head=classification&resolution=160&quantization=float");
        assertThat(visible(rows(floats))).isEqualTo(expected - quantized);
        String quantops = chromium.dumpDom(url("index.html") + "?quantization=quantops");
        assertThat(visible(rows(quantops))).isEqualTo(registry.variants().stream().filter(Variant::isQuantized).count());
        rows(quantops).stream().filter(r -> !r.contains(" hidden"))
                .forEach(r -> assertThat(r).contains("data-quantization=\"quantops\"").contains("/quantops/"));

        chromium.screenshot(url("index.html"), TARGET.resolve("site-screenshots/index.png"));
        chromium.screenshot(url("index.html") + "?family=mobilenet_v1&resolution=128",
                TARGET.resolve("site-screenshots/index-v1-128.png"));
    }

    @Test
    void chartHasOnePointPerClassificationVariant() throws Exception {
        String dom = chromium.dumpDom(url("charts.html"));
        // one point per float classifier: quantized variants share their float variant's figures
        long classifiers = registry.variants().stream().filter(v -> v.isClassifier() && !v.isQuantized()).count();
        assertThat(classifiers).isEqualTo(38);
        for (String chart : List.of("chart-macs", "chart-params")) {
            int start = dom.indexOf("id=\"" + chart + "\"");
            int end = dom.indexOf("</svg>", start);
            assertThat(start).as(chart).isPositive();
            String svg = dom.substring(start, end);
            assertThat(DocsGeneratorTest.count(svg, "class=\"point s[0-9]\"")).as(chart).isEqualTo(classifiers);
        }
        chromium.screenshot(url("charts.html"), TARGET.resolve("site-screenshots/charts.png"));
        chromium.screenshot(url("charts.html"), TARGET.resolve("site-screenshots/charts-dark.png"), true);
        String latency = dom.substring(dom.indexOf("id=\"chart-latency\""), dom.indexOf("</svg>", dom.indexOf("id=\"chart-latency\"")));
        assertThat(DocsGeneratorTest.count(latency, "class=\"point s[0-9]\"")).isEqualTo(
                registry.variants().stream().filter(v -> v.isClassifier() && !v.isQuantized() && Specs.metrics(v).pixel1Ms() != null).count());
    }

    @Test
    void cardPageShowsItsMetadata() throws Exception {
        ModelVersion m = registry.get("google/imagenet/mobilenet_v2_075_96/feature_vector");
        String page = m.handle() + ".html";
        String dom = chromium.dumpDom(url(page));
        assertThat(dom).contains("<dd data-field=\"handle\">" + m.handle() + "</dd>")
                .contains("<dd data-field=\"params\">1.33 M without the classifier ("
                        + Specs.metrics(m.variant()).paramsMillions().toPlainString() + " M published with it)</dd>")
                .contains("<dd data-field=\"output_shape\">[batch, 1280]</dd>")
                .contains("id=\"mc-versions\"").contains("badge latest").contains("id=\"mc-verify\"");
        if (Files.isRegularFile(Path.of("site/tfhub", m.handle() + ".md"))) {
            // the generated markdown card is rendered beside the metadata, not the "not generated" notice
            assertThat(dom).doesNotContain("mc-card-missing").contains("<h3 id=\"overview\">Overview</h3>");
        }
        chromium.screenshot(url(page), TARGET.resolve("site-screenshots/card.png"));
        chromium.screenshot(SITE.resolve("index.html").toAbsolutePath().toUri().toString(),
                TARGET.resolve("site-screenshots/front.png"));
        chromium.screenshot(SITE.resolve("index.html").toAbsolutePath().toUri().toString(),
                TARGET.resolve("site-screenshots/front-dark.png"), true);
        chromium.screenshot(url("families/mobilenet_v2.html"), TARGET.resolve("site-screenshots/family.png"));
        chromium.screenshot(url("families/mobilenet_v1.html"), TARGET.resolve("site-screenshots/family-v1.png"));
    }

    @Test
    void cardPagesLinkTheirHistoryQuantizedSiblingAndTfjsChild() throws Exception {
        // a V2 version 5 card: its history, the revision of 2021-06-23 with that day's diff
        String v5 = "google/imagenet/mobilenet_v2_100_224/classification/5";
        String dom = chromium.dumpDom(url(v5 + ".html"));
        assertThat(dom).contains("id=\"mc-history-list\"").contains("<li data-date=\"2021-06-23\">")
                .contains("href=\"5/history.html#r-2021-06-23\"");
        String history = chromium.dumpDom(url(v5 + "/history.html"));
        assertThat(history).contains("<section id=\"r-2021-06-23\"").contains("id=\"diff-2021-06-23\"")
                .contains("<ins>+&lt;!-- colab: ").contains("id=\"text-2021-06-23\"");
        chromium.screenshot(url(v5 + ".html"), TARGET.resolve("site-screenshots/card-history.png"));
        chromium.screenshot(url(v5 + "/history.html"), TARGET.resolve("site-screenshots/history.png"));
        chromium.screenshot(url(v5 + "/history.html"), TARGET.resolve("site-screenshots/history-dark.png"), true);

        // a float V1 card links its quantized sibling and TF.js child; the child links back
        String v1 = "google/imagenet/mobilenet_v1_025_224/classification/1";
        String card = chromium.dumpDom(url(v1 + ".html"));
        assertThat(card).contains("data-rel=\"quantized\"").contains("href=\"../quantops/classification/1.html\"")
                .contains("data-rel=\"tfjs\"").contains("href=\"1/default/tfjs/1.html\"");
        String child = chromium.dumpDom(url(v1 + "/default/tfjs/1.html"));
        assertThat(child).contains("data-status=\"not-applicable\"").contains("href=\"../../../1.html\"")
                .contains("href=\"https://emojiscavengerhunt.withgoogle.com/\"");
        chromium.screenshot(url(v1 + "/default/tfjs/1.html"), TARGET.resolve("site-screenshots/tfjs.png"));
        String quantized = chromium.dumpDom(url("google/imagenet/mobilenet_v1_025_224/quantops/classification/1.html"));
        assertThat(quantized).contains("class=\"badge quantized\"");
        chromium.screenshot(url("google/imagenet/mobilenet_v1_025_224/quantops/classification/1.html"),
                TARGET.resolve("site-screenshots/quantized.png"));
    }

    @Test
    void searchFindsTheCardTypedForFirst() throws Exception {
        // what a reader types into any page's search box arrives as ?q=; the page ranks as it is typed
        String dom = chromium.dumpDom(url("search.html") + "?q=v2%201.0%20224%20feature");
        Matcher first = Pattern.compile("<ol id=\"search-results\"[^>]*><li><a href=\"([^\"]+)\">([^<]+)</a>").matcher(dom);
        assertThat(first.find()).as("a first result").isTrue();
        String latest = registry.get("google/imagenet/mobilenet_v2_100_224/feature_vector").handle();
        assertThat(first.group(2)).isEqualTo(latest);
        assertThat(first.group(1)).isEqualTo(latest + ".html");
        assertThat(Files.isRegularFile(MODELS.resolve(first.group(1)))).isTrue();
        // a quantized handle by its words, and a card found by a word of its text only
        String quantized = chromium.dumpDom(url("search.html") + "?q=quantops%200.50%20128%20classification");
        assertThat(quantized).contains("<li><a href=\"google/imagenet/mobilenet_v1_050_128/quantops/classification/3.html\">");
        String none = chromium.dumpDom(url("search.html") + "?q=resnet");
        assertThat(none).contains("No card matches.");
        // every other page has the box, submitting here
        assertThat(chromium.dumpDom(url("charts.html"))).contains("<form class=\"site-search\" role=\"search\" action=\"search.html\">");
        chromium.screenshot(url("search.html") + "?q=v2%201.0%20224%20feature", TARGET.resolve("site-screenshots/search.png"));
    }

    @Test
    void typingIntoAPagesSearchBoxFindsTheCardAndTheKeyboardOpensIt() throws Exception {
        String latest = registry.get("google/imagenet/mobilenet_v2_100_224/feature_vector").handle();
        Duration wait = Duration.ofSeconds(20);
        try (BrowserSession page = chromium.session(url("charts.html"))) {
            page.await("document.readyState === 'complete'", wait);
            // "/" focuses the header's box from anywhere; typing and Enter submit it to the search page
            page.press("/");
            page.await("document.activeElement && document.activeElement.id === 'mc-search-q'", wait);
            page.type("v2 1.0 224 feature");
            page.press("Enter");
            page.await("location.pathname.endsWith('/search.html') && document.querySelector('#search-results li a')", wait);
            assertThat(page.eval("document.querySelector('#search-results li a').textContent")).isEqualTo(latest);
            // on the search page the results follow the typing; ArrowDown and Enter open the first one
            page.eval("(function () { var i = document.getElementById('search-input'); i.value = ''; i.focus(); })()");
            page.type("quantops 0.50 128 classification");
            page.await("document.querySelector('#search-results li a').textContent.indexOf('quantops') > 0", wait);
            page.press("ArrowDown");
            page.await("document.activeElement && document.activeElement.tagName === 'A'", wait);
            page.press("Enter");
            page.await("location.pathname.endsWith('/google/imagenet/mobilenet_v1_050_128/quantops/classification/3.html')", wait);
            assertThat(page.eval("document.querySelector('h1').textContent"))
                    .contains("google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
        }
    }

    @Test
    void compareShowsTheChosenVariantsSideBySideWithTheBestMarked() throws Exception {
        String v2 = "google/imagenet/mobilenet_v2_100_224/classification";
        String v1 = "google/imagenet/mobilenet_v1_100_224/classification";
        String big = "google/imagenet/mobilenet_v2_140_224/classification";
        String page = url("compare.html") + "?h=" + v2 + "&h=" + v1 + "&h=" + big;
        String dom = chromium.dumpDom(page);
        Matcher cols = Pattern.compile("<th scope=\"col\" data-handle=\"([^\"]+)\">").matcher(dom);
        List<String> handles = new java.util.ArrayList<>();
        while (cols.find()) {
            handles.add(cols.group(1));
        }
        assertThat(handles).containsExactly(v2, v1, big);
        // best: fewest MACs (V2 1.0: 300), highest top-1 (V2 1.4: 75.0), lowest latency (V2 1.0: 73.8 ms)
        assertThat(dom).containsPattern("<tr data-field=\"macs\"><th scope=\"row\">MACs \\(M\\)</th>"
                        + "<td class=\"num best\" data-best=\"true\">300 ")
                .containsPattern("<tr data-field=\"top1\">.*<td class=\"num best\" data-best=\"true\">75.0 ")
                .containsPattern("<tr data-field=\"latency\">.*<td class=\"num best\" data-best=\"true\">73.8 ")
                .contains("Comparing 3 variants.");
        chromium.screenshot(page, TARGET.resolve("site-screenshots/compare.png"));
        chromium.screenshot(page, TARGET.resolve("site-screenshots/compare-dark.png"), true);
    }

    @Test
    void verificationPanelRowsComeFromTheReportOfThisBuild() throws Exception {
        // mvn site verifies every model before it writes the pages (execution site-verify)
        String fv = "google/imagenet/mobilenet_v2_075_96/feature_vector/4";
        String dom = chromium.dumpDom(url(fv + ".html"));
        assertThat(dom).contains("data-status=\"ok\"").doesNotContain("not verified");
        for (String field : List.of("input_shape", "input_type", "output_shape", "output_type", "params", "macs")) {
            assertThat(dom).as(field).contains("<tr data-field=\"" + field + "\" data-verdict=\"ok\">");
        }
        assertThat(dom).contains("<td class=\"declared\">[batch, 96, 96, 3]</td>")
                .contains("<td class=\"declared\">1.329 M ± 0.062 M</td>")
                .containsPattern("id=\"mc-verify-model\">mobilenet_v2_075_96-feature_vector-[0-9a-f]{16}\\.onnx<")
                .containsPattern("id=\"mc-verify-sha256\" class=\"hash\">[0-9a-f]{64}<")
                .doesNotContain("modelcards-models/").doesNotContain("/tmp/");
        chromium.screenshot(url(fv + ".html"), TARGET.resolve("site-screenshots/card-dark.png"), true);
    }

    @Test
    void builtPagesAreValidAndTheFrontPageLinksToThem() throws Exception {
        assertThat(new PageChecker(MODELS).checkAll()).isEmpty();
        String front = Files.readString(SITE.resolve("index.html"));
        assertThat(front).contains("Browse the registry").contains("href=\"models/index.html\"");
        // the README's links to the project pages and the benchmarks must land on published pages
        Matcher link = Pattern.compile("href=\"([A-Za-z0-9/_-]+\\.html)\"").matcher(front);
        List<String> local = new java.util.ArrayList<>();
        while (link.find()) {
            local.add(link.group(1));
        }
        assertThat(local).contains("catalog.html", "cli.html", "java-api.html", "verification.html",
                "fault-tolerance.html", "benchmarks/README.html");
        assertThat(local).allSatisfy(href -> assertThat(SITE.resolve(href)).as(href).isRegularFile());
    }
}
