package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;

import dev.modelcards.catalog.Specs;
import dev.modelcards.render.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsGeneratorTest {
    static final String HANDLE = "google/imagenet/mobilenet_v2_075_96/feature_vector/4";
    static Registry registry;
    /** Computed once per JVM: every generator of the docs tests shares it. */
    static CardHistory history;

    @BeforeAll
    static synchronized void load() {
        if (registry == null) {
            registry = Registry.load();
            history = CardHistory.compute(registry, TemplateEngine.bundled());
        }
    }

    static DocsGenerator generator(Path cards) {
        return generator(cards, Optional.empty());
    }

    static DocsGenerator generator(Path cards, Optional<VerifyReport> report) {
        return new DocsGenerator(registry, cards, report, history);
    }

    /** A small tfhub-style card with a metadata comment, a GFM table and some hostile markup. */
    static Path fixtureCards(Path dir) throws Exception {
        Path card = dir.resolve(HANDLE + ".md");
        Files.createDirectories(card.getParent());
        Files.writeString(card, """
                # Module google/imagenet/mobilenet_v2_075_96/feature_vector/4
                Feature vectors of images with MobileNet V2 (depth multiplier 0.75).

                <!-- asset-path: legacy -->
                <!-- network-architecture: MobileNet V2 -->

                ## Overview

                | input | output |
                | --- | --- |
                | 96×96 | 1280 |

                <script>alert('card')</script>
                [click](javascript:alert(1)) and ![pixel](https://example.com/p.png)
                """);
        return dir;
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void writesEveryPageAndEachIsValid(@TempDir Path tmp) throws Exception {
        DocsGenerator g = generator(fixtureCards(tmp.resolve("cards")));
        SortedMap<String, String> pages = g.render();
        // a page per card and TF.js child card and a history page for each; index, charts, search, compare,
        // stylesheet and one page per family
        assertThat(pages).hasSize(2 * (registry.models().size() + registry.deployments().size())
                + 6 + Specs.catalog(registry).families().size());
        Path out = tmp.resolve("site/models");
        DocsGenerator.write(pages, out);
        assertThat(new PageChecker(out).checkAll()).isEmpty();
        assertThat(g.missingCards()).isEqualTo(registry.models().size() + registry.deployments().size() - 1);
    }

    @Test
    void outputIsByteIdenticalAcrossRuns(@TempDir Path tmp) throws Exception {
        Path cards = fixtureCards(tmp);
        assertThat(generator(cards).render())
                .isEqualTo(generator(cards).render());
    }

    @Test
    void indexListsEveryVariantWithItsLatestCard(@TempDir Path tmp) {
        String index = generator(tmp).render().get("index.html");
        assertThat(count(index, "<tr data-family=")).isEqualTo(registry.variants().size());
        String latest = registry.get("google/imagenet/mobilenet_v2_075_96/feature_vector").handle();
        assertThat(index).contains("href=\"" + latest + ".html\"")
                .contains("<select name=\"resolution\"").contains("<![CDATA[");
        // quantized variants are rows of their own, marked, and can be filtered
        long quantized = registry.variants().stream().filter(v -> v.isQuantized()).count();
        assertThat(quantized).isPositive();
        assertThat(count(index, "<tr [^>]*data-quantization=\"quantops\"")).isEqualTo(quantized);
        assertThat(count(index, "<tr [^>]*data-quantization=\"float\"")).isEqualTo(registry.variants().size() - quantized);
        assertThat(count(index, "<span class=\"badge quantized\" title=\"quantized \\(quantops\\)\">quantops</span>"))
                .isEqualTo(quantized);
        assertThat(index).contains("<select name=\"quantization\" id=\"filter-quantization\" data-filter=\"quantization\">")
                .contains("<option value=\"quantops\">quantized (quantops)</option>")
                .contains("href=\"google/imagenet/mobilenet_v1_050_128/quantops/classification/3.html\"");
        // each TF.js child card is linked from its variant's row
        for (var d : registry.deployments()) {
            assertThat(index).contains("href=\"" + d.handle() + ".html\"");
        }
    }

    @Test
    void chartsHaveOnePointPerClassificationVariant(@TempDir Path tmp) {
        String charts = generator(tmp).render().get("charts.html");
        // one point per float classification variant: quantized ones share their float variant's figures
        long classifiers = registry.variants().stream().filter(v -> v.isClassifier() && !v.isQuantized()).count();
        assertThat(classifiers).isEqualTo(38);
        // the third chart, against Pixel 1 latency, has the variants whose family published one (V2's 22)
        long timed = registry.variants().stream().filter(v -> v.isClassifier() && !v.isQuantized()
                && Specs.metrics(v).pixel1Ms() != null).count();
        assertThat(timed).isEqualTo(22);
        assertThat(count(charts, "class=\"point s[0-9]\"")).isEqualTo(2 * classifiers + timed);
        assertThat(charts).contains("id=\"chart-latency\"");
        assertThat(charts).doesNotContain("/quantops/");
        assertThat(charts).contains("id=\"chart-macs\"").contains("id=\"chart-params\"").contains("log scale")
                .contains("data-series=\"MobileNet V1\"").contains("data-series=\"MobileNet V2\"");
    }

    @Test
    void metadataPanelMarksAPublishedFigureThatIsAnErratum(@TempDir Path tmp) {
        var pages = generator(tmp).render();
        assertThat(pages.get("google/imagenet/mobilenet_v1_025_192/classification/5.html"))
                .contains("data-field=\"macs\">34 M (published; erratum: the architecture gives 30.21 M)<");
        assertThat(pages.get("google/imagenet/mobilenet_v1_025_224/classification/5.html"))
                .contains("data-field=\"macs\">41 M<");
    }

    @Test
    void familyGridShowsEmptyCells(@TempDir Path tmp) {
        String v2 = generator(tmp).render().get("families/mobilenet_v2.html");
        // 6 multipliers × 5 resolutions, 22 published: 8 empty cells
        assertThat(count(v2, "class=\"empty\"")).isEqualTo(8);
        assertThat(count(v2, "class=\"cell\"")).isEqualTo(22);
        assertThat(v2).doesNotContain("quantized ·");
        // changelog markdown is rendered, its link kept
        assertThat(v2).contains("href=\"https://github.com/tensorflow/hub/issues/86\">GitHub issue 86</a>");
    }

    @Test
    void aFeatureVectorPageSubtractsTheClassifierFromTheCorrectedFigureWhereThePublishedOneIsAnErratum(
            @TempDir Path tmp) throws Exception {
        String page = generator(fixtureCards(tmp)).render()
                .get("google/imagenet/mobilenet_v1_075_224/feature_vector/5.html");
        // 325.40 M (the architecture; TF-Slim published 317) minus 768 × 1001 classifier MACs
        assertThat(page).contains("data-field=\"macs\">324.63 M without the classifier (317 M (published;");
    }

    @Test
    void cardPageRendersMarkdownSafelyBesideMetadata(@TempDir Path tmp) throws Exception {
        String page = generator(fixtureCards(tmp)).render().get(HANDLE + ".html");
        assertThat(page).contains("<table>").contains("<td>96×96</td>").contains("<h3 id=\"overview\">")
                .contains("data-field=\"params\">1.33 M without the classifier (2.61 M published with it)<").contains("data-field=\"output_shape\">[batch, 1280]<")
                .doesNotContain("<script>alert").contains("&lt;script&gt;alert")
                .doesNotContain("javascript:").doesNotContain("<img").doesNotContain("asset-path: legacy -->")
                .contains("version 4 (this page)").contains("badge latest")
                .contains("not verified")
                // the fixture is not the card the catalog renders: the page says so and links the current text
                .contains("id=\"mc-card-stale\"").contains("href=\"4/history.html#r-");
        String older = generator(tmp).render()
                .get("google/imagenet/mobilenet_v2_075_96/feature_vector/2.html");
        assertThat(older).contains("id=\"mc-card-missing\"").contains("Card not generated")
                .contains("its current text, rendered from the catalog: <a href=\"2/history.html#r-")
                .contains("A newer version of this model exists")
                .contains("href=\"" + registry.get(HANDLE).variant().latest().number() + ".html\"");
    }

    @Test
    void aGeneratedCardThatIsCurrentNeedsNoNotice(@TempDir Path tmp) throws Exception {
        var renderer = new dev.modelcards.render.CardRenderer(registry, TemplateEngine.bundled());
        ModelVersion m = registry.get(HANDLE);
        var child = registry.deployments().get(0);
        Files.createDirectories(tmp.resolve(HANDLE + ".md").getParent());
        Files.writeString(tmp.resolve(HANDLE + ".md"), renderer.card(m, dev.modelcards.render.Rendering.TFHUB));
        Files.createDirectories(tmp.resolve(child.handle() + ".md").getParent());
        Files.writeString(tmp.resolve(child.handle() + ".md"),
                renderer.child(child, dev.modelcards.render.Rendering.TFHUB, null));
        SortedMap<String, String> pages = generator(tmp).render();
        assertThat(pages.get(HANDLE + ".html")).doesNotContain("mc-card-stale").doesNotContain("mc-card-missing")
                .contains("<h3 id=\"overview\">Overview</h3>");
        assertThat(pages.get(child.handle() + ".html")).doesNotContain("mc-card-stale").doesNotContain("mc-card-missing")
                .contains("id=\"mc-snippet\"").contains("tf.loadGraphModel(");
    }

    @Test
    void verificationPanelShowsDeclaredAgainstMeasured(@TempDir Path tmp) {
        VerifyReport report = VerifyReport.parse("r.json", """
                {"check": {"date": "2026-11-24", "onnxruntime_version": "1.29.0"}, "results": [
                  {"handle": "google/imagenet/mobilenet_v2_075_96/feature_vector/4", "model": "m.onnx",
                   "status": "fail",
                   "declared": {"input_shape": [null, 96, 96, 3], "output_shape": [null, 1280], "params": 2610000},
                   "actual": {"input_shape": [null, 96, 96, 3], "output_shape": [null, 1280], "params": 2629632,
                              "input_type": "float32", "macs": 39000000},
                   "mismatches": ["params: declared 2610000, actual 2629632"]}]}
                """);
        SortedMap<String, String> pages = generator(tmp, Optional.of(report)).render();
        String page = pages.get(HANDLE + ".html");
        // an older report without tolerances: the count is shown, its verdict cannot be computed
        assertThat(page).contains("badge fail").contains("<tr data-field=\"params\" data-verdict=\"not_measured\">")
                .contains("<td class=\"measured\">2.630 M</td>").contains("params: declared 2610000, actual 2629632")
                .contains("Checked 2026-11-24 with onnxruntime 1.29.0.");
        assertThat(pages.get("google/imagenet/mobilenet_v2_075_96/feature_vector/3.html"))
                .contains("checked as " + HANDLE);
        assertThat(pages.get("google/imagenet/mobilenet_v2_100_224/classification/4.html"))
                .contains("The verify report has no result for this model");
    }

    @Test
    void everyCardHasAPageAtItsHandle(@TempDir Path tmp) {
        SortedMap<String, String> pages = generator(tmp).render();
        List<ModelVersion> models = registry.models();
        assertThat(models).isNotEmpty();
        models.forEach(m -> assertThat(pages).containsKey(m.handle() + ".html"));
        registry.deployments().forEach(d -> assertThat(pages).containsKey(d.handle() + ".html"));
        assertThat(models.stream().filter(m -> m.variant().isQuantized())).isNotEmpty()
                .allSatisfy(m -> assertThat(pages).containsKey(m.handle() + ".html"));
    }
}
