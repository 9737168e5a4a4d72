package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published cards in ../shared/seeds, reproduced from the catalog and templates. */
class GoldenCardsTest {
    private final CardRenderer renderer = Fixtures.renderer();
    private final Registry registry = Fixtures.registry();

    /** Seed 002 is the publisher's file as of commit 56879068 (2020-10-30). */
    @Test
    void tfhubV4ClassificationAsOfItsCommitIsByteIdentical() {
        String seed = Fixtures.seed("002_");
        assertThat(card("google/imagenet/mobilenet_v2_075_96/classification/4", LocalDate.parse("2020-10-30"))).isEqualTo(seed);
        assertThat(card("google/imagenet/mobilenet_v2_075_96/classification/4", LocalDate.parse("2020-12-10")))
                .as("the &zwnj; edit of 2020-12-10 changes it").isNotEqualTo(seed);
    }

    /** Seed 004 predates the publisher's first commit of these cards (2020-10-06). */
    @Test
    void tfhubV2FeatureVectorBeforeTheRepositoryIsByteIdentical() {
        String seed = Fixtures.seed("004_");
        assertThat(card("google/imagenet/mobilenet_v2_075_96/feature_vector/2", LocalDate.parse("2020-10-05"))).isEqualTo(seed);
        assertThat(card("google/imagenet/mobilenet_v2_075_96/feature_vector/2", LocalDate.parse("2020-10-06")))
                .as("the first commit drops the Module URL line").doesNotContain("**Module URL:**");
    }

    @Test
    void aihubListingIsByteIdenticalIncludingTrailingSpaces() {
        String seed = Fixtures.seed("001_");
        String listing = renderer.aihubListing();
        assertThat(renderer.aihubCards()).hasSize(44);
        // Compare entry by entry first, so a failure names the entry, then the whole document.
        String[] want = seed.split("---------\n", -1);
        String[] have = listing.split("---------\n", -1);
        assertThat(have).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(have[i]).as("AI Hub entry %d", i + 1).isEqualTo(want[i]);
        }
        assertThat(listing).isEqualTo(seed);
    }

    @Test
    void textPageOfV2Version1ContainsEverySentenceOfTheScrapedPage() {
        assertContainsSentences(card("google/imagenet/mobilenet_v2_075_160/classification/1", Rendering.TEXT),
                Fixtures.seed("000_"));
    }

    @Test
    void textPageOfV1Version1ContainsEverySentenceOfTheScrapedPage() {
        assertContainsSentences(card("google/imagenet/mobilenet_v1_100_128/classification/1", Rendering.TEXT),
                Fixtures.seed("003_"));
    }

    @Test
    void textPagesAreCleanPlainText() {
        for (ModelVersion m : registry.models()) {
            String t = renderer.card(m, Rendering.TEXT);
            assertThat(t).as(m.handle())
                    .doesNotContain("](", "```", "**", "<!--", "&zwnj;", "`", "\n\n\n", " \n")
                    .startsWith("Module " + m.handle() + "\n\n")
                    .endsWith("\n").doesNotEndWith("\n\n");
        }
    }

    private String card(String handle, Rendering r) {
        return renderer.card(registry.get(handle), r);
    }

    private String card(String handle, LocalDate asOf) {
        return renderer.card(registry.get(handle), Rendering.TFHUB, asOf);
    }

    /**
     * Every sentence of a scraped page occurs in the rendering (whitespace-insensitive). The scraper
     * dropped some link targets, leaving {@code ""} (e.g. {@code hub.Module("")}): such a sentence matches
     * when the text around each hole occurs in order.
     */
    static void assertContainsSentences(String rendered, String scraped) {
        String flat = rendered.replaceAll("\\s+", " ");
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (String line : scraped.split("\n")) {
            for (String sentence : line.strip().split("(?<=[.!?])\\s+")) {
                String s = sentence.strip().replaceAll("\\s+", " ");
                if (s.isEmpty()) {
                    continue;
                }
                count++;
                if (!flat.contains(s) && !(s.contains("\"\"") && inOrder(flat, s.split("\"\"")))) {
                    missing.add(s);
                }
            }
        }
        assertThat(count).isGreaterThan(20);
        assertThat(missing).as("sentences of the scraped page missing from the text rendering:\n" + rendered).isEmpty();
    }

    private static boolean inOrder(String text, String[] pieces) {
        int at = 0;
        for (String p : pieces) {
            int i = text.indexOf(p, at);
            if (i < 0) {
                return false;
            }
            at = i + p.length();
        }
        return true;
    }
}
