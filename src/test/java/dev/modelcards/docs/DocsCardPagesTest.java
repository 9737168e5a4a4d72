package dev.modelcards.docs;

import static dev.modelcards.docs.DocsGeneratorTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.Specs;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Rendering;
import dev.modelcards.render.TemplateEngine;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The card pages of the whole published tree: quantized cards, TF.js child cards, and each card's
 * history as computed from the catalog's dated edits, with a page per revision.
 */
class DocsCardPagesTest {
    static final String V2_V5 = "google/imagenet/mobilenet_v2_100_224/classification/5";
    static final String TFJS = "google/imagenet/mobilenet_v1_025_224/classification/1/default/tfjs/1";
    static final String QUANTOPS = "google/imagenet/mobilenet_v1_050_128/quantops/classification/3";
    static Registry registry;
    static SortedMap<String, String> pages;

    @BeforeAll
    static void render(@TempDir Path emptyCards) {
        DocsGeneratorTest.load();
        registry = DocsGeneratorTest.registry;
        // no generated cards: the card pages show the notice, history and snippets come from the renderer
        pages = DocsGeneratorTest.generator(emptyCards).render();
    }

    static Document parse(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
    }

    static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    /** The page a relative link of {@code from} leads to, as a key of {@link #pages} (with its fragment, if any). */
    static String resolve(String from, String href) {
        int hash = href.indexOf('#');
        String fragment = hash < 0 ? "" : href.substring(hash);
        String page = hash < 0 ? href : href.substring(0, hash);
        return Path.of(from).resolveSibling(page).normalize().toString().replace('\\', '/') + fragment;
    }

    /** The history list of a card page: one entry per revision, {date, link, text}. */
    static List<String[]> history(String cardPage) throws Exception {
        Element list = byId(parse(pages.get(cardPage)), "mc-history-list");
        NodeList items = list.getElementsByTagName("li");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element li = (Element) items.item(i);
            Element a = (Element) li.getElementsByTagName("a").item(0);
            out.add(new String[] {li.getAttribute("data-date"), resolve(cardPage, a.getAttribute("href")), li.getTextContent()});
        }
        return out;
    }

    /** The full text of the revision a link leads to: {@code <history page>#r-<date>}. */
    static String revisionText(String link) throws Exception {
        String page = link.substring(0, link.indexOf('#'));
        String date = link.substring(link.indexOf("#r-") + 3);
        assertThat(pages).containsKey(page);
        Document d = parse(pages.get(page));
        Element section = byId(d, "r-" + date);
        Element text = byId(d, "text-" + date);
        // the text belongs to the section the link names
        assertThat(section.getElementsByTagName("pre")).satisfies(l -> {
            boolean inside = false;
            for (int i = 0; i < l.getLength(); i++) {
                inside |= l.item(i) == text;
            }
            assertThat(inside).isTrue();
        });
        return text.getTextContent();
    }

    /** The section of one revision on a history page, as markup. */
    static String section(String historyPage, String date) {
        String page = pages.get(historyPage);
        int start = page.indexOf("<section id=\"r-" + date + "\"");
        assertThat(start).as(historyPage + " has a section for " + date).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void v5CardListsTheDatesItsTextChangedAndLinksEachRevision() throws Exception {
        List<String[]> entries = history(V2_V5 + ".html");
        // computed by rendering the card as of every history date: published by the v5 edit, then each
        // edit that touched a V2 v5 classification card (the metadata ids, task tags, module-type removal,
        // the Colab tag, the moved Colab notebook)
        assertThat(entries).extracting(e -> e[0]).containsExactly("2021-04-15", "2021-05-25", "2021-05-27",
                "2021-06-08", "2021-06-15", "2021-06-23", "2023-08-28");
        assertThat(entries.get(0)[2]).contains("Version 5 published.");
        assertThat(entries.get(4)[2]).contains("The module-type tag is removed");
        // two edits are dated 2021-06-23; only the one that changed this card is named
        assertThat(entries.get(5)[2]).contains("The Open Colab button becomes a colab tag.").doesNotContain("Demo");
        assertThat(entries.get(6)[2]).contains("current");
        for (String[] e : entries) {
            assertThat(e[1]).isEqualTo(V2_V5 + "/history.html#r-" + e[0]);
        }

        String june15 = revisionText(entries.get(4)[1]);
        String june23 = revisionText(entries.get(5)[1]);
        assertThat(june15).contains("[![Open Colab notebook]]").doesNotContain("<!-- colab:")
                .doesNotContain("<!-- module-type:");
        assertThat(june23).contains("<!-- colab:").doesNotContain("[![Open Colab notebook]]");
        // the revision of 2021-06-23 shows that day's change as a diff against 2021-06-15
        assertThat(section(V2_V5 + "/history.html", "2021-06-23")).contains("<del>-[![Open Colab notebook]]")
                .contains("<ins>+&lt;!-- colab: ").contains("against the revision of 2021-06-15");

        // the revisions are the renderer's, and the last is the card's current text
        CardRenderer renderer = new CardRenderer(registry, TemplateEngine.bundled());
        ModelVersion m = registry.get(V2_V5);
        assertThat(june23).isEqualTo(renderer.card(m, Rendering.TFHUB, LocalDate.parse("2021-06-23")));
        assertThat(revisionText(entries.get(6)[1])).isEqualTo(renderer.card(m, Rendering.TFHUB));
    }

    @Test
    void historyIsComputedFromRenderingsAndKeepsOnlyChanges() {
        CardRenderer renderer = new CardRenderer(registry, TemplateEngine.bundled());
        List<LocalDate> dates = Specs.catalog(registry).history().stream().map(e -> e.date()).distinct().sorted().toList();
        LocalDate before = dates.get(0).minusDays(1);
        for (String handle : List.of("google/imagenet/mobilenet_v2_100_224/classification/4", V2_V5, QUANTOPS)) {
            ModelVersion m = registry.get(handle);
            List<CardHistory.Revision> revisions = DocsGeneratorTest.history.of(handle);
            // expected: walk the days, keep a day when the text differs from the day before
            List<LocalDate> expected = new ArrayList<>();
            String previous = null;
            List<LocalDate> days = new ArrayList<>(List.of(before));
            days.addAll(dates);
            for (LocalDate day : days) {
                if (renderer.publishedBy(m, day)) {
                    String text = renderer.card(m, Rendering.TFHUB, day);
                    if (!text.equals(previous)) {
                        expected.add(day);
                    }
                    previous = text;
                }
            }
            assertThat(revisions).as(handle).extracting(CardHistory.Revision::asOf).containsExactlyElementsOf(expected);
            assertThat(revisions.get(revisions.size() - 1).text()).isEqualTo(renderer.card(m, Rendering.TFHUB));
        }
        // a card that predates the history starts with its form before the publisher's repository
        List<CardHistory.Revision> v4 = DocsGeneratorTest.history.of("google/imagenet/mobilenet_v2_100_224/classification/4");
        assertThat(v4.get(0).beforeHistory()).isTrue();
        assertThat(v4.get(0).asOf()).isEqualTo(before);
        assertThat(pages.get("google/imagenet/mobilenet_v2_100_224/classification/4.html"))
                .contains("<li data-date=\"" + before + "\"><a href=\"4/history.html#r-" + before + "\"><time datetime=\""
                        + before + "\">as first published</time></a>");
        // every card (models and TF.js children) has a history
        assertThat(DocsGeneratorTest.history.cards()).isEqualTo(registry.models().size() + registry.deployments().size());
    }

    @Test
    void tfjsChildPageLinksItsParentAndHasNoVerification() throws Exception {
        Deployment d = registry.deployments().stream().filter(x -> x.handle().equals(TFJS)).findFirst().orElseThrow();
        String path = d.handle() + ".html";
        String page = pages.get(path);
        assertThat(page).isNotNull();
        Document doc = parse(page);
        assertThat(byId(doc, "mc-what").getTextContent()).contains("TF.js conversion of " + d.parent().handle());
        Element parentLink = (Element) byId(doc, "mc-what").getElementsByTagName("a").item(0);
        assertThat(resolve(path, parentLink.getAttribute("href"))).isEqualTo(d.parent().handle() + ".html");
        assertThat(byId(doc, "mc-verify").getTextContent()).contains("not applicable").contains("No ONNX model");
        assertThat(page).contains("data-status=\"not-applicable\"").doesNotContain("not verified");
        assertThat(byId(doc, "mc-demo").getAttribute("href")).isEqualTo("https://emojiscavengerhunt.withgoogle.com/");
        assertThat(d.demoUrl()).contains("https://emojiscavengerhunt.withgoogle.com/");
        assertThat(byId(doc, "mc-snippet").getTextContent()).startsWith("tf.loadGraphModel(\"https://tfhub.dev/")
                .contains("{ fromTFHub: true }");
        assertThat(byId(doc, "mc-badges").getTextContent()).contains("TF.js");
        assertThat(history(path)).extracting(e -> e[0])
                .containsExactly("2020-10-05", "2020-12-03", "2021-01-28", "2021-06-23");
        assertThat(revisionText(TFJS + "/history.html#r-2021-01-28")).contains("[![Open Demo]]");
        assertThat(history(path).get(3)[2]).contains("The Open Demo button becomes a demo tag.").doesNotContain("Colab");
        assertThat(section(TFJS + "/history.html", "2021-06-23")).contains("data-edit=\"demo_tag\"")
                .doesNotContain("data-edit=\"colab_tag\"");
        // the parent links its child; a V1 classification card without a TF.js child does not
        assertThat(pages.get(d.parent().handle() + ".html"))
                .contains("<li data-rel=\"tfjs\">TF.js conversion: <a href=\"1/default/tfjs/1.html\">" + TFJS + "</a>");
        assertThat(pages.get("google/imagenet/mobilenet_v1_025_224/classification/5.html")).doesNotContain("data-rel=\"tfjs\"");
        // the family page counts them
        assertThat(pages.get("families/mobilenet_v1.html")).contains("<li data-format=\"tfjs\">TF.js: "
                + registry.deployments().stream().filter(x -> x.parent().variant().familyId().equals("mobilenet_v1")).count()
                + " child cards, for versions 1, 3 of the float variants");
    }

    @Test
    void quantopsCardPageIsMarkedQuantizedAndLinksItsFloatSibling() throws Exception {
        ModelVersion q = registry.get(QUANTOPS);
        assertThat(q.variant().isQuantized()).isTrue();
        String page = pages.get(QUANTOPS + ".html");
        Document doc = parse(page);
        assertThat(byId(doc, "mc-badges").getTextContent()).isEqualTo("quantized · quantops");
        assertThat(page).contains("<dd data-field=\"quantization\">quantops: trained with simulated quantization")
                .contains("<dd data-field=\"checkpoint\">mobilenet_v1_0.5_128_quant</dd>")
                .contains("<li data-rel=\"float\">Float model: <a href=\"../../classification/3.html\">");
        // float cards link their quantized sibling: the same version, else the latest with a note
        assertThat(pages.get("google/imagenet/mobilenet_v1_050_128/classification/3.html"))
                .contains("<li data-rel=\"quantized\">Quantized (quantops): <a href=\"../quantops/classification/3.html\">");
        assertThat(pages.get("google/imagenet/mobilenet_v1_050_128/classification/5.html"))
                .contains("<a href=\"../quantops/classification/3.html\">" + QUANTOPS + "</a> (its latest; it has no version 5)");
        assertThat(pages.get("google/imagenet/mobilenet_v2_100_224/classification/5.html")).doesNotContain("data-rel=\"quantized\"");
        // every quantized version has its page; the V1 grid lists quantized heads in the same cells
        registry.models().stream().filter(m -> m.variant().isQuantized())
                .forEach(m -> assertThat(pages.get(m.handle() + ".html")).as(m.handle()).contains("badge quantized"));
        String v1 = pages.get("families/mobilenet_v1.html");
        assertThat(count(v1, "<div class=\"small quantized\" data-quantization=\"quantops\">"))
                .isEqualTo(count(v1, "class=\"cell\"")).isPositive();
        assertThat(v1).contains("id=\"quantized-quantops\"");
    }
}
