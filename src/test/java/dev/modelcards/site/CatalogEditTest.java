package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogFixture;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.PublisherRules;
import dev.modelcards.render.TemplateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a version or a variant is a YAML edit: the cards, the index and the site follow. */
class CatalogEditTest {
    private static final String V2 = "mobilenet_v2.yaml";

    @TempDir
    Path tmp;

    @Test
    void aNewVersionWithOneChangelogLineIsPublishedEverywhere() {
        CatalogFixture f = CatalogFixture.copy(tmp).replace(V2, "# TF.js conversions published",
                "  - version: 6\n    changelog:\n      - Smaller download.\n\n# TF.js conversions published");
        Registry before = Registry.load(CatalogFixture.REAL);
        Registry after = Registry.load(f.dir());
        long v2Variants = after.variants().stream().filter(v -> v.familyId().equals("mobilenet_v2")).count();
        assertThat(after.models()).hasSize(before.models().size() + (int) v2Variants);

        CardRenderer renderer = new CardRenderer(after, TemplateEngine.fromDirectory(Path.of("templates")));
        assertThat(PublisherRules.check(renderer)).as("the new cards pass tfhub.dev's rules").isEmpty();
        SitePlan plan = SitePlan.render(renderer, EnumSet.allOf(SiteLayout.Set.class));
        String card = text(plan, "tfhub/google/imagenet/mobilenet_v2_075_96/feature_vector/6.md");
        // Version 6 inherits version 5's format, metadata and wording, and adds its changelog entry.
        assertThat(card).startsWith("# Module google/imagenet/mobilenet_v2_075_96/feature_vector/6\n")
                .contains("<!-- format: saved_model_2 -->", "hub.KerasLayer(\"https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/6\"",
                        "#### Version 5\n", "#### Version 6\n\n  * Smaller download.\n");
        assertThat(text(plan, "index.json")).contains("\"latest_version\" : 6", "mobilenet_v2_075_96/feature_vector/6.md");
        assertThat(text(plan, "index.md")).contains("mobilenet_v2_075_96/feature_vector/6");
        assertThat(plan.files()).containsKey("text/google/imagenet/mobilenet_v2_075_96/feature_vector/6.txt");
    }

    @Test
    void aNewMultiplierIsPublishedWithEveryVersionAndItsTfjsCards() {
        CatalogFixture f = CatalogFixture.copy(tmp)
                .replace(V2, "  - multipliers: [1.30, 1.40]\n    resolutions: [224]\n",
                        "  - multipliers: [1.30, 1.40]\n    resolutions: [224]\n  - multipliers: [0.60]\n    resolutions: [224]\n")
                .replace(V2, "feature_widths: {", "feature_widths: {0.60: 1280, ")
                .replace(V2, "    - [1.30, 224,", "    - [0.60, 224,   140,  2.20,  68.0,  88.0,  40.0]\n    - [1.30, 224,");
        Registry after = Registry.load(f.dir());
        CardRenderer renderer = new CardRenderer(after, TemplateEngine.fromDirectory(Path.of("templates")));
        assertThat(PublisherRules.check(renderer)).isEmpty();
        SitePlan plan = SitePlan.render(renderer, EnumSet.of(SiteLayout.Set.TFHUB));
        for (String head : new String[] {"classification", "feature_vector"}) {
            for (int v = 1; v <= 5; v++) {
                String card = text(plan, "tfhub/google/imagenet/mobilenet_v2_060_224/" + head + "/" + v + ".md");
                assertThat(card).contains("with a depth multiplier of 0.6 and an input size of\n224x224 pixels.",
                        "This implementation of Mobilenet V2 rounds feature depths to multiples of 8");
                assertThat(plan.files().containsKey("tfhub/google/imagenet/mobilenet_v2_060_224/" + head + "/" + v
                        + "/default/tfjs/1.md")).as("TF.js child of version " + v).isEqualTo(v <= 3);
            }
        }
        assertThat(text(plan, "tfhub/google/imagenet/mobilenet_v2_060_224/classification/4.md"))
                .contains("`mobilenet_v2_0.6_224/mobilenet_v2_0.6_224.ckpt`");
    }

    @Test
    void aVariantAddedLaterIsPublishedFromItsFirstVersion() {
        CatalogFixture f = CatalogFixture.copy(tmp)
                .replace(V2, "  - multipliers: [1.30, 1.40]\n    resolutions: [224]\n",
                        "  - multipliers: [1.30, 1.40]\n    resolutions: [224]\n  - multipliers: [0.60]\n    resolutions: [224]\n"
                                + "    from_version: 4\n")
                .replace(V2, "feature_widths: {", "feature_widths: {0.60: 1280, ")
                .replace(V2, "    - [1.30, 224,", "    - [0.60, 224,   140,  2.20,  68.0,  88.0,  40.0]\n    - [1.30, 224,");
        Registry after = Registry.load(f.dir());
        assertThat(after.get("google/imagenet/mobilenet_v2_060_224/classification").variant().versions())
                .extracting(m -> m.number()).containsExactly(4, 5);
        SitePlan plan = SitePlan.render(new CardRenderer(after, TemplateEngine.fromDirectory(Path.of("templates"))),
                EnumSet.of(SiteLayout.Set.TFHUB));
        assertThat(plan.files().keySet()).filteredOn(p -> p.contains("mobilenet_v2_060_224")).containsExactlyInAnyOrder(
                "tfhub/google/imagenet/mobilenet_v2_060_224/classification/4.md",
                "tfhub/google/imagenet/mobilenet_v2_060_224/classification/5.md",
                "tfhub/google/imagenet/mobilenet_v2_060_224/feature_vector/4.md",
                "tfhub/google/imagenet/mobilenet_v2_060_224/feature_vector/5.md");
        // Its first card is a first version (no changelog, as the publisher's first versions); the next lists both.
        assertThat(text(plan, "tfhub/google/imagenet/mobilenet_v2_060_224/classification/4.md")).doesNotContain("## Changelog");
        assertThat(text(plan, "tfhub/google/imagenet/mobilenet_v2_060_224/classification/5.md"))
                .contains("#### Version 4\n", "#### Version 5\n").doesNotContain("#### Version 3");
    }

    private static String text(SitePlan plan, String path) {
        assertThat(plan.files()).containsKey(path);
        return new String(plan.files().get(path), StandardCharsets.UTF_8);
    }
}
