package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.junit.jupiter.api.Test;

/** Every generated markdown card parses into the expected outline, with absolute links and fenced code. */
class CardOutlineTest {
    private final Registry registry = Fixtures.registry();
    private final CardRenderer renderer = Fixtures.renderer();

    @Test
    void everyCardOfEveryMarkdownRenderingHasTheExpectedOutline() {
        assertThat(registry.models()).isNotEmpty();
        int checked = 0;
        for (ModelVersion m : registry.models()) {
            for (Rendering r : List.of(Rendering.TFHUB, Rendering.AIHUB)) {
                checkCard(m, r, new Outline(renderer.card(m, r)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2 * registry.models().size());
    }

    @Test
    void everyDeploymentCardHasTheTfjsOutline() {
        assertThat(registry.deployments()).isNotEmpty();
        for (Deployment d : registry.deployments()) {
            Outline o = new Outline(renderer.child(d, Rendering.TFHUB, null));
            String what = d.handle();
            String publisherHandle = d.parent().handle() + "/default/1";
            assertThat(o.headings).as(what).containsExactly("h1 Tfjs " + publisherHandle, "h2 Origin", "h2 Example use");
            assertThat(o.links).as(what).contains(d.parent().url());
            assertThat(o.htmlBlocks.stream().map(String::strip)).as(what)
                    .contains("<!-- parent-model: " + d.parent().handle() + " -->");
            assertThat(o.htmlBlocks).as(what + " demo").hasSize(d.demoUrl().isPresent() ? 3 : 2);
            assertThat(o.fences).as(what).singleElement().satisfies(f -> {
                assertThat(f.getInfo()).isEqualTo("javascript");
                assertThat(f.getLiteral()).contains("tf.loadGraphModel(\"https://tfhub.dev/google/tfjs-model/imagenet/"
                        + d.parent().handle().substring("google/imagenet/".length()) + "/default/1\", { fromTFHub: true })");
            });
        }
    }

    @Test
    void aihubListingIsTheEntriesInOrder() {
        Outline o = new Outline(renderer.aihubListing());
        List<ModelVersion> cards = renderer.aihubCards();
        List<String> titles = o.headings.stream().filter(h -> h.startsWith("h1 ")).toList();
        assertThat(titles).hasSize(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            ModelVersion m = cards.get(i);
            assertThat(titles.get(i)).isEqualTo("h1 " + (i + 1) + ". " + aihubTitle(m));
        }
        assertThat(o.links).allMatch(l -> l.startsWith("https://"));
    }

    @Test
    void indexIsOneTableRowPerVariant() {
        Outline o = new Outline(renderer.index(m -> "tfhub/" + m.handle() + ".md"));
        assertThat(o.document.getFirstChild().getNext()).isNotNull();
        long rows = o.links.stream().filter(l -> l.startsWith("https://tfhub.dev/")).count();
        assertThat(rows).isEqualTo(registry.variants().size());
        assertThat(o.links).filteredOn(l -> !l.startsWith("https://")).allMatch(l -> l.matches("tfhub/google/imagenet/[a-z0-9_]+/(quantops/)?[a-z_]+/[0-9]+\\.md"));
    }

    static void checkCard(ModelVersion m, Rendering r, Outline o) {
        String what = m.handle() + " (" + r + ")";
        boolean keras = Specs.format(m).api().equals("hub.KerasLayer");
        boolean revised = "revised".equals(CardModel.text(m).get("style"));
        List<String> want = new ArrayList<>();
        if (r == Rendering.TFHUB) {
            want.add("h1 Module " + m.handle());
            if (!keras && revised) {
                want.add("h2 hub.Module for TF1");
            }
            if (keras) {
                want.add("h2 " + m.formatName());
            }
        } else {
            want.add("h1 " + aihubTitle(m));
        }
        want.add("h2 Overview");
        if (m.variant().isQuantized()) {
            want.add("h2 Quantization");
        }
        want.addAll(List.of("h2 Training", "h2 Usage", "h2 Fine-tuning"));
        if (m.changelog().size() > 1) {
            // The publisher's cards of a first version have no changelog.
            want.add("h2 Changelog");
            for (var v : m.changelog()) {
                want.add("h4 Version " + v.version());
            }
        }
        assertThat(o.headings).as(what).containsExactlyElementsOf(want);
        assertThat(o.links).as(what + " links").isNotEmpty().allMatch(l -> l.startsWith("https://"));
        assertThat(o.indentedCode).as(what + " indented code").isZero();
        assertThat(o.htmlInline).as(what + " inline HTML").isZero();
        assertThat(o.images).as(what + " images").isZero();
        assertThat(o.htmlBlocks).as(what + " HTML blocks").allMatch(b -> b.matches("<!-- [a-z-]+: [^<>]+ -->\n?"));
        long tags = Specs.version(m).metadata().stream()
                .filter(e -> e.until() == null && e.appliesTo(m.variant().head()))
                .filter(e -> !e.key().equals(VersionSpec.MetadataEntry.BLANK) && !e.key().equals("module-url")).count();
        assertThat(o.htmlBlocks).as(what + " metadata").hasSize(r == Rendering.TFHUB ? (int) tags : 0);
        assertThat(o.fences).as(what + " code blocks").isNotEmpty().allMatch(f -> "python".equals(f.getInfo()));
        String usage = o.fences.get(0).getLiteral();
        if (keras) {
            assertThat(usage).as(what).contains("hub.KerasLayer(\"" + m.url() + "\"").doesNotContain("hub.Module(");
        } else {
            assertThat(usage).as(what).contains("module = hub.Module(\"" + m.url() + "\")").doesNotContain("KerasLayer");
        }
        int momentum = Specs.version(m).batchNormMomentum() != null && Specs.version(m).batchNormMomentum().configurable() ? 1 : 0;
        assertThat(o.fences).as(what + " code blocks").hasSize(1 + momentum);
        for (FencedCodeBlock f : o.fences) {
            assertThat(f.getFenceCharacter()).isEqualTo("`");
        }
    }

    static String aihubTitle(ModelVersion m) {
        return Specs.catalog(m.variant()).collection() + "-" + m.variant().name() + "-" + m.variant().head() + "@v" + m.number();
    }
}
