package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.Deployment;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}, {@code generate --check} and {@code show} through the command line. */
class GenerateCommandTest {
    @TempDir
    Path tmp;


    @Test
    void generateThenCheckThenDetectEveryKindOfDrift() throws Exception {
        Path site = tmp.resolve("site");
        Registry registry = Registry.load();
        // Every model in three renderings, the TF.js child cards (tfhub and text), the AI Hub listing, index.md
        // and index.json.
        int files = registry.models().size() * 3 + registry.deployments().size() * 2 + 3;
        CliRun gen = CliRun.of("generate", "--out", site.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.out()).startsWith("wrote " + files + " files (");
        assertThat(site.resolve("tfhub/google/imagenet/mobilenet_v1_050_128/quantops/classification/3.md")).exists();
        assertThat(site.resolve("tfhub/google/imagenet/mobilenet_v1_050_128/classification/3/default/tfjs/1.md")).exists();
        assertThat(site.resolve("tfhub/google/imagenet/mobilenet_v2_075_96/feature_vector/4.md")).exists();
        assertThat(site.resolve("text/google/imagenet/mobilenet_v1_025_128/classification/1.txt")).exists();
        assertThat(site.resolve("aihub/listing.md")).exists();
        assertThat(site.resolve("index.json")).content().contains("\"cards\" : {", "\"tfhub\" : \"tfhub/google/imagenet/");
        indexJsonListsEveryCardThatWasWritten(registry, site);

        CliRun again = CliRun.of("generate", "--out", site.toString());
        assertThat(again.out()).startsWith("wrote 0 files (0 bytes), " + files + " unchanged, 0 removed");

        CliRun ok = CliRun.of("generate", "--check", "--out", site.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("ok: " + files + " files");

        Path card = site.resolve("tfhub/google/imagenet/mobilenet_v2_075_96/classification/4.md");
        Files.writeString(card, Files.readString(card).replace("0.99", "0.9"));
        Files.delete(site.resolve("index.md"));
        CliRun bad = CliRun.of("generate", "--check", "--out", site.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("stale   tfhub/google/imagenet/mobilenet_v2_075_96/classification/4.md: line ",
                "expected \"averages defaults to 0.99", "missing index.md");
        assertThat(bad.err()).contains("is out of date (1 missing, 1 stale)").doesNotContain("Exception");
        assertThat(card).content().contains("defaults to 0.9 for");
    }

    /**
     * index.json: counts, each variant's quantization, each version's rendering paths under {@code cards} and its
     * deployment children as {@code [{format, handle, card}]}; every path listed exists in the site.
     */
    private static void indexJsonListsEveryCardThatWasWritten(Registry registry, Path site) throws Exception {
        JsonNode index = new ObjectMapper().readTree(site.resolve("index.json").toFile());
        assertThat(index.get("variant_count").asInt()).isEqualTo(registry.variants().size());
        assertThat(index.get("card_count").asInt()).isEqualTo(registry.models().size());
        assertThat(index.get("deployment_count").asInt()).isEqualTo(registry.deployments().size());
        assertThat(index.get("variants")).hasSize(registry.variants().size());
        List<String> deployments = new ArrayList<>();
        for (JsonNode v : index.get("variants")) {
            Variant variant = registry.get(v.get("handle").asText()).variant();
            assertThat(v.get("quantization").isNull()).isEqualTo(!variant.isQuantized());
            for (JsonNode m : v.get("versions")) {
                List<String> renderings = new ArrayList<>();
                m.get("cards").fieldNames().forEachRemaining(renderings::add);
                assertThat(renderings).containsExactly("tfhub", "aihub", "text");
                m.get("cards").forEach(p -> assertThat(site.resolve(p.asText())).exists());
                for (JsonNode d : m.get("deployments")) {
                    List<String> keys = new ArrayList<>();
                    d.fieldNames().forEachRemaining(keys::add);
                    assertThat(keys).containsExactly("format", "handle", "card");
                    assertThat(d.get("card").asText()).isEqualTo("tfhub/" + d.get("handle").asText() + ".md");
                    assertThat(site.resolve(d.get("card").asText())).exists();
                    deployments.add(d.get("handle").asText());
                }
            }
        }
        assertThat(deployments).containsExactlyElementsOf(registry.deployments().stream().map(Deployment::handle).toList());
    }

    @Test
    void asOfWritesTheTreeOfThatDay() throws Exception {
        Path before = tmp.resolve("before");
        CliRun r = CliRun.of("generate", "--format", "tfhub", "--as-of", "2021-04-14", "--out", before.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path v4 = before.resolve("tfhub/google/imagenet/mobilenet_v2_050_128/feature_vector/4.md");
        assertThat(v4).content().contains("[![Open Colab notebook]](https://colab.research.google.com/github/tensorflow/hub/",
                "<!-- dataset: ImageNet (ILSVRC-2012-CLS) -->", "<!-- module-type: image-feature-vector -->");
        assertThat(before.resolve("tfhub/google/imagenet/mobilenet_v2_050_128/feature_vector/5.md"))
                .as("version 5 was published on 2021-04-15").doesNotExist();

        Path after = tmp.resolve("after");
        assertThat(CliRun.of("generate", "--format", "tfhub", "--as-of", "2021-06-23", "--out", after.toString()).exit()).isZero();
        assertThat(after.resolve("tfhub/google/imagenet/mobilenet_v2_050_128/feature_vector/4.md")).content()
                .contains("<!-- colab: https://colab.research.google.com/github/tensorflow/hub/", "<!-- task: image-feature-vector -->")
                .doesNotContain("module-type", "[![");
        assertThat(after.resolve("tfhub/google/imagenet/mobilenet_v2_050_128/feature_vector/5.md")).exists();
    }

    @Test
    void unchangedCardsAreCheckedAgainWhenThePublishersRulesChange() throws Exception {
        var catalog = dev.modelcards.catalog.CatalogFixture.copy(Files.createDirectories(tmp.resolve("catalog")));
        Path site = tmp.resolve("site");
        CliRun first = CliRun.of("generate", "--format", "tfhub", "--catalog", catalog.dir().toString(), "--out", site.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        CliRun again = CliRun.of("generate", "--format", "tfhub", "--catalog", catalog.dir().toString(), "--out", site.toString());
        assertThat(again.out()).as("every card is taken from the site: nothing to write").contains("wrote 0 files");

        // the cards do not change, but the rule their colab links must meet does: the reused cards are checked again
        Path tags = catalog.dir().resolve("tfhub_tags.yaml");
        Files.writeString(tags, Files.readString(tags).replace("required_domain: colab.research.google.com",
                "required_domain: colab.example.org"));
        CliRun stricter = CliRun.of("generate", "--format", "tfhub", "--catalog", catalog.dir().toString(), "--out", site.toString());
        assertThat(stricter.exit()).as(stricter.err()).isEqualTo(1);
        assertThat(stricter.err()).contains("must be an https URL on colab.example.org", "nothing was written");
    }

    @Test
    void aMalformedAsOfDateIsAUsageError() {
        CliRun r = CliRun.of("generate", "--as-of", "2021-13-01", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'2021-13-01' is not a date; expected YYYY-MM-DD").doesNotContain("Exception");
    }

    @Test
    void brokenTemplatesFailWithOneMessageAndWriteNothing() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("tfhub"));
        Files.writeString(templates.resolve("tfhub/card.ftl"), "${c.nope}\n");
        // a working index template, so that the card's error is the only one (errors are reported in path order)
        Files.createDirectories(templates.resolve("index"));
        Files.writeString(templates.resolve("index/index.ftl"), "# Index\n");
        Path site = tmp.resolve("site");
        CliRun r = CliRun.of("generate", "--templates", templates.toString(), "--format", "tfhub", "--out", site.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tfhub/card.ftl:1:", "missing value c.nope", "nothing was written").doesNotContain("\tat ");
        assertThat(site).doesNotExist();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(CliRun.of("generate", "--format", "html", "--out", tmp.toString()).exit()).isEqualTo(2);
    }

    @Test
    void showPrintsTheTextCardAndFactsOnRequest() {
        CliRun card = CliRun.of("show", "https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(card.exit()).isZero();
        assertThat(card.out()).startsWith("Module google/imagenet/mobilenet_v2_075_96/feature_vector/4\n\n")
                .contains("feature vector has size num_features = 1280", "Version 4").doesNotContain("](");
        CliRun facts = CliRun.of("show", "--facts", "google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(facts.out()).contains("checkpoint:  mobilenet_v2_0.75_96");
    }
}
