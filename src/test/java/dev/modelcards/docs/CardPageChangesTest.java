package dev.modelcards.docs;

import static dev.modelcards.docs.DocsCardPagesTest.byId;
import static dev.modelcards.docs.DocsCardPagesTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each card page says, typed, what changed from the previous version: the TF2 switch is a breaking format change. */
class CardPageChangesTest {
    private static SortedMap<String, String> pages;

    @BeforeAll
    static void render(@TempDir Path emptyCards) {
        DocsGeneratorTest.load();
        pages = DocsGeneratorTest.generator(emptyCards).render();
    }

    @Test
    void version4OfV2SaysItsFormatChangedToTf2SavedModel() throws Exception {
        String page = "google/imagenet/mobilenet_v2_050_128/feature_vector/4.html";
        Document d = parse(pages.get(page));
        Element section = byId(d, "mc-changes");
        assertThat(section.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("Changes from version 3");
        assertThat(rows(d)).containsExactly(
                "breaking | format | tf1_hub | tf2_saved_model",
                "compatible | requirements | tensorflow-hub>=0.2.0 | tensorflow>=1.15, tensorflow-hub>=0.5.0");
        Element previous = (Element) section.getElementsByTagName("a").item(0);
        assertThat(DocsCardPagesTest.resolve(page, previous.getAttribute("href")))
                .isEqualTo("google/imagenet/mobilenet_v2_050_128/feature_vector/3.html");
        assertThat(byId(d, "mc-changelog").getTextContent()).as("the prose stays beside the typed changes").isNotBlank();
    }

    @Test
    void version3OfV1ChangedFineTuningDefaultsAndFirstAndUnchangedVersionsSaySo() throws Exception {
        assertThat(rows(parse(pages.get("google/imagenet/mobilenet_v1_050_128/classification/3.html")))).containsExactly(
                "compatible | variable input size | false | true",
                "compatible | batch norm momentum | fixed | 0.99, configurable",
                "compatible | requirements | none | tensorflow-hub>=0.2.0");
        Element first = byId(parse(pages.get("google/imagenet/mobilenet_v1_050_128/classification/1.html")), "mc-changes");
        assertThat(first.getTextContent()).contains("Version 1 is the first published version of this model.");
        Document unchanged = parse(pages.get("google/imagenet/mobilenet_v2_050_128/feature_vector/5.html"));
        assertThat(byId(unchanged, "mc-changes").getTextContent()).contains("Changes from version 4")
                .contains("No change to the interface, format or defaults since version 4");
        assertThat(rows(unchanged)).isEmpty();
    }

    /** The rows of the changes table: kind | what | before | after. */
    private static List<String> rows(Document d) {
        List<String> out = new ArrayList<>();
        NodeList trs = byId(d, "mc-changes").getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            Element tr = (Element) trs.item(i);
            if (tr.getAttribute("data-kind").isEmpty()) {
                continue;
            }
            NodeList tds = tr.getElementsByTagName("td");
            List<String> cells = new ArrayList<>();
            for (int j = 0; j < tds.getLength(); j++) {
                cells.add(tds.item(j).getTextContent());
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }
}
