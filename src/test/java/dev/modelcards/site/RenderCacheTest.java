package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogFixture;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Fixtures;
import dev.modelcards.render.Rendering;
import dev.modelcards.render.RenderKey;
import dev.modelcards.render.TemplateEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The make-style skip of generate: a card whose dependency key is unchanged is taken from the site folder,
 * not rendered; an edit of the catalog or the templates re-renders exactly the cards whose bytes it changes;
 * --force renders everything.
 */
class RenderCacheTest {
    private static final String CARD = "tfhub/google/imagenet/mobilenet_v2_075_96/feature_vector/4.md";

    @TempDir
    Path tmp;

    private static SitePlan plan(Path catalog, Path templates) {
        return SitePlan.render(new CardRenderer(Registry.load(catalog), TemplateEngine.fromDirectory(templates)),
                EnumSet.of(SiteLayout.Set.TFHUB));
    }

    private Path templates() throws IOException {
        return Fixtures.copyTemplates(tmp);
    }

    /** Makes the render cache vouch for {@code bytes} as the card at {@link #CARD}, under its recorded key. */
    private static void vouchFor(Path site, byte[] bytes) throws IOException {
        Files.write(site.resolve(CARD), bytes);
        Path keys = site.resolve(RenderCache.FILE);
        String cache = Files.readString(keys);
        String line = cache.lines().filter(l -> l.endsWith(" " + CARD)).findFirst().orElseThrow();
        Files.writeString(keys, cache.replace(line, line.split(" ")[0] + " " + RenderKey.digest(bytes) + " " + CARD));
    }

    @Test
    void anUnchangedCardIsTakenFromTheSiteFolderAndForceRendersIt() throws IOException {
        Path site = tmp.resolve("site");
        Path templates = templates();
        SiteWriter.write(site, plan(CatalogFixture.REAL, templates));
        byte[] rendered = Files.readAllBytes(site.resolve(CARD));
        // Make the cache vouch for other bytes: only a run that does not render the card keeps them.
        byte[] other = "not what the template renders\n".getBytes(StandardCharsets.UTF_8);
        vouchFor(site, other);

        SiteWriter.Result cached = SiteWriter.write(site, plan(CatalogFixture.REAL, templates));
        assertThat(cached.written()).isEmpty();
        assertThat(Files.readAllBytes(site.resolve(CARD))).as("not rendered: the key is unchanged").isEqualTo(other);
        assertThat(SiteChecker.check(site, plan(CatalogFixture.REAL, templates))).as("--check renders everything")
                .extracting(SiteChecker.Problem::path).containsExactly(CARD);

        SiteWriter.Result forced = SiteWriter.write(site, plan(CatalogFixture.REAL, templates), SiteWriter.Inspector.NONE, true);
        assertThat(forced.written()).containsExactly(CARD);
        assertThat(Files.readAllBytes(site.resolve(CARD))).isEqualTo(rendered);
    }

    @Test
    void validateChecksOnlyTheCardsWhoseKeyOrRulesChangedSinceGenerate() throws IOException {
        Path site = tmp.resolve("site");
        Path templates = templates();
        CatalogFixture catalog = CatalogFixture.copy(Files.createDirectories(tmp.resolve("catalog")));
        SiteWriter.write(site, plan(catalog.dir(), templates));
        CardRenderer renderer = new CardRenderer(Registry.load(catalog.dir()), TemplateEngine.fromDirectory(templates));
        var model = renderer.registry().get("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        String rendered = renderer.card(model, Rendering.TFHUB);
        assertThat(UncheckedCards.of(site, renderer).card(model)).as("rendered with this key: passed then").isNull();
        Files.writeString(site.resolve(CARD), "edited\n");
        assertThat(UncheckedCards.of(site, renderer).card(model)).as("what the file holds now does not matter").isNull();
        assertThat(UncheckedCards.of(null, renderer).card(model)).as("no site: checked").isEqualTo(rendered);

        // the card is the same, but a rule the check applies to it changed: checked again
        catalog.replace("tfhub_tags.yaml", "required_domain: colab.research.google.com", "required_domain: colab.example.org");
        CardRenderer stricter = new CardRenderer(Registry.load(catalog.dir()), TemplateEngine.fromDirectory(templates));
        var same = stricter.registry().get(model.handle());
        assertThat(stricter.card(same, Rendering.TFHUB)).isEqualTo(rendered);
        assertThat(UncheckedCards.of(site, stricter).card(same)).isEqualTo(rendered);
    }

    @Test
    void cardsWrittenAsOfADateWereNeverCheckedSoValidateChecksThem() throws IOException {
        Path site = tmp.resolve("site");
        Path templates = templates();
        CardRenderer renderer = new CardRenderer(Registry.load(CatalogFixture.REAL), TemplateEngine.fromDirectory(templates));
        // long after the last edit: every card as of that day is byte for byte the final one, yet generate did not
        // check it (no publisher check as of a date), so its key must not pass for a checked one
        SiteWriter.write(site, SitePlan.render(renderer, EnumSet.of(SiteLayout.Set.TFHUB), java.time.LocalDate.of(2099, 1, 1)));
        var model = renderer.registry().get("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(Files.readString(site.resolve(CARD))).isEqualTo(renderer.card(model, Rendering.TFHUB));
        assertThat(UncheckedCards.of(site, renderer).card(model)).isNotNull();
    }

    @Test
    void aCardEditedByHandIsRenderedAgain() throws IOException {
        Path site = tmp.resolve("site");
        Path templates = templates();
        SiteWriter.write(site, plan(CatalogFixture.REAL, templates));
        byte[] rendered = Files.readAllBytes(site.resolve(CARD));
        Files.writeString(site.resolve(CARD), "edited\n");
        assertThat(SiteWriter.write(site, plan(CatalogFixture.REAL, templates)).written()).containsExactly(CARD);
        assertThat(Files.readAllBytes(site.resolve(CARD))).isEqualTo(rendered);
    }

    @Test
    void catalogAndTemplateEditsRerenderExactlyTheCardsTheyChange() throws IOException {
        Path site = tmp.resolve("site");
        Path templates = templates();
        CatalogFixture catalog = CatalogFixture.copy(Files.createDirectories(tmp.resolve("catalog")));
        SitePlan before = plan(catalog.dir(), templates);
        SiteWriter.write(site, before);
        before.files();

        catalog.replace("mobilenet_v2.yaml", "# TF.js conversions published",
                "  - version: 6\n    changelog:\n      - Smaller download.\n\n# TF.js conversions published");
        assertSameAsUncached(site, before, plan(catalog.dir(), templates));

        SitePlan beforeTemplateEdit = plan(catalog.dir(), templates);
        beforeTemplateEdit.files(); // rendered now: templates are read when first used
        Path tfjs = templates.resolve("tfhub/tfjs.ftl");
        Files.writeString(tfjs, Files.readString(tfjs) + "\nConverted for the browser.\n");
        assertSameAsUncached(site, beforeTemplateEdit, plan(catalog.dir(), templates));
    }

    /** The cached run writes exactly the files whose bytes differ between the two uncached renderings. */
    private static void assertSameAsUncached(Path site, SitePlan old, SitePlan now) throws IOException {
        SortedMap<String, byte[]> want = now.files();
        List<String> differing = want.keySet().stream()
                .filter(p -> !Arrays.equals(want.get(p), old.files().get(p))).toList();
        assertThat(differing).isNotEmpty();
        SiteWriter.Result r = SiteWriter.write(site, now);
        assertThat(r.written()).containsExactlyElementsOf(differing);
        for (String p : want.keySet()) {
            assertThat(Files.readAllBytes(site.resolve(p))).as(p).isEqualTo(want.get(p));
        }
    }
}
