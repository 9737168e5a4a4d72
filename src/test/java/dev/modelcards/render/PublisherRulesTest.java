package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogFixture;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.Diagnostic;
import dev.modelcards.catalog.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog or template change that would produce a card tfhub.dev's validator rejects is an error at the
 * line responsible: one test per rule of the publisher's validator (bench/publisher/VALIDATOR-RULES.md).
 */
class PublisherRulesTest {
    private static final String V1 = "mobilenet_v1.yaml";
    private static final String V2 = "mobilenet_v2.yaml";
    private static final String ROOT = "catalog.yaml";

    @TempDir
    Path tmp;

    @Test
    void theRealCatalogAndTemplatesPass() {
        assertThat(PublisherRules.check(Fixtures.renderer())).isEmpty();
    }

    @Test
    void aMissingRequiredTagIsReportedAtItsVersion() {
        CatalogFixture f = fixture().replace(V2, "      - {key: task, since: task_tags}\n      - network-architecture\n"
                + "      - {key: colab, value: {classification: image_classification.ipynb",
                "      - network-architecture\n      - {key: colab, value: {classification: image_classification.ipynb");
        assertThat(problems(f)).containsExactly(f.pos(V2, "version: 5") + ": error: tfhub.dev's validator would reject "
                + "the rendered card: missing required metadata 'task' (44 cards, e.g. google/imagenet/mobilenet_v2_035_128/classification/5)");
    }

    @Test
    void anUnsupportedTagIsReportedAtItsEntry() {
        CatalogFixture f = fixture().replace(V2, "      - {key: module-type, until: no_module_type}\n      - {key: task, since: task_tags}\n"
                + "      - network-architecture\n      - {key: colab", "      - module-type\n      - {key: task, since: task_tags}\n"
                + "      - network-architecture\n      - {key: colab");
        assertThat(problems(f)).singleElement().asString()
                .startsWith(f.pos(V2, "module-type\n      - {key: task, since: task_tags}\n      - network-architecture\n      - {key: colab")
                        + ": error: tfhub.dev's validator would reject the rendered card: unsupported metadata 'module-type' on a module card");
    }

    @Test
    void aTagValueOutsideThePublishersVocabularyNamesTheId() {
        CatalogFixture f = fixture().replace(V1, "network_architecture: mobilenet-v1 ", "network_architecture: mobilenet-v1x ");
        assertThat(problems(f)).isNotEmpty().allSatisfy(p -> assertThat(p)
                .contains("network-architecture 'mobilenet-v1x' is not an id of the publisher's network-architecture tags "
                        + "(tfhub_tags.yaml) (did you mean 'mobilenet-v1'?)"));
        assertThat(problems(f)).first().asString().startsWith(f.pos(V1, "network-architecture\n") + ": error: ");
    }

    @Test
    void aDisplayNameWhereTheVocabularyWantsAnIdSaysWhichId() {
        CatalogFixture f = fixture().replace(ROOT, "  id: imagenet-ilsvrc-2012-cls", "  id: ImageNet (ILSVRC-2012-CLS)");
        assertThat(problems(f)).isNotEmpty().allSatisfy(p -> assertThat(p)
                .contains("dataset 'ImageNet (ILSVRC-2012-CLS)' is not an id of the publisher's dataset tags (tfhub_tags.yaml); "
                        + "its id is 'imagenet-ilsvrc-2012-cls'"));
    }

    @Test
    void anUnknownFormatValueIsRejected() {
        CatalogFixture f = fixture().replace(ROOT, "tfhub_format: saved_model_2", "tfhub_format: savedmodel2");
        assertThat(problems(f)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("format 'savedmodel2' must be one of [hub, saved_model, saved_model_2]"));
    }

    @Test
    void aTaskOfNoKnownModalityIsRejected() {
        CatalogFixture f = fixture().replace(ROOT, "module_type: image-classification", "module_type: classification");
        assertThat(problems(f)).isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("task 'classification' must start with one of [image-, text-, audio-, video-]"));
    }

    @Test
    void conflictingRepeatedTagsAreRejected() {
        CatalogFixture f = fixture().replace(V2, "      - {key: asset-path, value: internal}\n",
                "      - {key: asset-path, value: internal}\n      - {key: asset-path, value: legacy}\n");
        assertThat(problems(f)).singleElement().asString().startsWith(f.pos(V2, "{key: asset-path, value: internal}") + ": error: ")
                .contains("metadata 'asset-path' has several values [internal, legacy]");
    }

    @Test
    void aColabLinkOffColabIsRejected() {
        CatalogFixture f = fixture().replace(ROOT, "colab_url: https://colab.research.google.com/", "colab_url: https://example.com/");
        assertThat(problems(f)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("must be an https URL on colab.research.google.com"));
    }

    @Test
    void aLineThatIsNotMetadataBeforeTheFirstHeadingIsRejected() {
        // The publisher's first cards had a Module URL line there; its validator rejects it since 2020-10-06.
        CatalogFixture f = fixture().replace(V1, "      - {key: module-url, until: fine_tuning_hparams}\n", "      - module-url\n");
        assertThat(problems(f)).singleElement().asString().startsWith(f.pos(V1, "version: 1") + ": error: ")
                .contains("unexpected line in the metadata block: '**Module URL:** [https://tfhub.dev/<handle>](https://tfhub.dev/<handle>)'");
    }

    @Test
    void aTemplateThatBreaksTheFirstLineIsReportedAtTheTemplate() throws IOException {
        Path templates = copyTemplates();
        Path lib = templates.resolve("lib/card.ftl");
        Files.writeString(lib, Files.readString(lib).replace("<@heading 1>Module <#list", "<@heading 1>Model <#list"));
        List<String> problems = problems(Registry.load(CatalogFixture.REAL), templates);
        assertThat(problems).singleElement().asString().startsWith(templates + "/tfhub/card.ftl:1:1: error: ")
                .contains("first line '# Model <handle>' must read '# Module <handle>'");
    }

    @Test
    void aTfjsCardMustNameItsParent() {
        String card = "# Tfjs google/imagenet/mobilenet_v2_050_128/classification/1/default/1\nTF.js deployment.\n\n"
                + "<!-- asset-path: legacy -->\n<!-- parent-model: google/imagenet/mobilenet_v2_050_128/classification/2 -->\n\n## Origin\n";
        assertThat(PublisherRules.problems(card, "google/imagenet/mobilenet_v2_050_128/classification/1/default/1", true,
                Specs.catalog(Fixtures.registry()), "google/imagenet/mobilenet_v2_050_128/classification/1"))
                .extracting(PublisherRules.Problem::message)
                .containsExactly("parent-model 'google/imagenet/mobilenet_v2_050_128/classification/2' must name the parent "
                        + "model google/imagenet/mobilenet_v2_050_128/classification/1");
    }

    @Test
    void aTfjsCardWithoutADescriptionIsRejected() {
        String card = "# Tfjs google/imagenet/mobilenet_v2_050_128/classification/1/default/1\n\n<!-- asset-path: legacy -->\n";
        assertThat(PublisherRules.problems(card, "google/imagenet/mobilenet_v2_050_128/classification/1/default/1", true,
                Specs.catalog(Fixtures.registry()), "google/imagenet/mobilenet_v2_050_128/classification/1"))
                .extracting(PublisherRules.Problem::message).containsExactly("the second line must be a short description");
    }

    private CatalogFixture fixture() {
        Path dir = tmp.resolve("catalog");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CatalogFixture.copy(dir);
    }

    private static List<String> problems(CatalogFixture f) {
        CatalogLoader.Result r = f.check();
        assertThat(r.diagnostics()).as("the edited catalog itself is valid").isEmpty();
        return problems(Registry.of(r.catalog()), Path.of("templates"));
    }

    private static List<String> problems(Registry registry, Path templates) {
        return PublisherRules.check(new CardRenderer(registry, TemplateEngine.fromDirectory(templates))).stream()
                .map(Diagnostic::toString).toList();
    }

    private Path copyTemplates() throws IOException {
        return Fixtures.copyTemplates(tmp);
    }
}
