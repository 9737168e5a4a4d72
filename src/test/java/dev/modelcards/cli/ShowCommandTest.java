package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code show} of quantized models, TF.js deployment cards and cards as of a date. The dated output is
 * checked against the publisher's own history (SHA-256 of each card file per date, test resource
 * {@code tfhub-history.tsv}), so "as it stood then" means the bytes tfhub.dev had.
 */
class ShowCommandTest {
    private static final String V2_FV4 = "google/imagenet/mobilenet_v2_050_128/feature_vector/4";

    @Test
    void asOfPrintsTheTfhubCardBeforeAndAfterAnEdit() throws Exception {
        // 2021-06-23 (b9946022): the Open Colab button became a colab metadata line.
        CliRun before = CliRun.of("show", "--as-of", "2021-06-22", V2_FV4);
        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).contains("[![Open Colab notebook]]").doesNotContain("<!-- colab:");
        CliRun after = CliRun.of("show", "--as-of", "2021-06-23", V2_FV4);
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("<!-- colab: https://colab.research.google.com/").doesNotContain("[![Open Colab");
        // Byte for byte what the publisher had at the end of each day.
        Map<String, String> history = publisherHashes("mobilenet_v2_050_128/feature_vector/4.md");
        assertThat(sha256(before.out())).isEqualTo(asOf(history, "2021-06-22"));
        assertThat(sha256(after.out())).isEqualTo(asOf(history, "2021-06-23"));
        // The plain `show` prints the text page, which does not follow the history.
        assertThat(CliRun.of("show", V2_FV4).out()).startsWith("Module " + V2_FV4 + "\n").doesNotContain("<!--");
    }

    @Test
    void asOfMatchesThePublisherOnEveryDateOfOneQuantizedAndOneTfjsCard() throws Exception {
        for (String path : new String[] {"mobilenet_v1_050_128/quantops/classification/3.md",
                "mobilenet_v1_025_224/classification/1/default/tfjs/1.md"}) {
            Map<String, String> history = publisherHashes(path);
            assertThat(history).as(path).hasSizeGreaterThan(1);
            String handle = "google/imagenet/" + path.substring(0, path.length() - ".md".length());
            for (Map.Entry<String, String> e : history.entrySet()) {
                CliRun r = CliRun.of("show", "--as-of", e.getKey(), handle);
                assertThat(r.exit()).as(handle + " as of " + e.getKey() + ": " + r.err()).isZero();
                assertThat(sha256(r.out())).as(handle + " as of " + e.getKey()).isEqualTo(e.getValue());
            }
            CliRun last = CliRun.of("show", "--rendering", "tfhub", handle);
            assertThat(sha256(last.out())).as(handle + " final").isEqualTo(history.get(((TreeMap<String, String>) history).lastKey()));
        }
    }

    @Test
    void aCardNotYetPublishedNamesTheDayItWas() {
        CliRun r = CliRun.of("show", "--as-of", "2021-01-01", "google/imagenet/mobilenet_v1_100_224/classification/5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: 'google/imagenet/mobilenet_v1_100_224/classification/5' was not published "
                + "yet on 2021-01-01; it was published on 2021-04-15 (commit 9630ed8e)\n");
        // No version = latest, which is version 5 here too.
        assertThat(CliRun.of("show", "--as-of", "2021-01-01", "google/imagenet/mobilenet_v1_100_224/classification").err())
                .contains("was published on 2021-04-15");
        assertThat(CliRun.of("show", "--as-of", "2021-04-15", "google/imagenet/mobilenet_v1_100_224/classification/5")
                .exit()).isZero();
        assertThat(CliRun.of("show", "--as-of", "2021-01-01", "google/imagenet/mobilenet_v1_100_224/classification/4")
                .exit()).isZero();
    }

    @Test
    void badDatesAndTheTextRenderingWithAsOfAreUsageErrors() {
        CliRun date = CliRun.of("show", "--as-of", "2021-13-01", V2_FV4);
        assertThat(date.exit()).isEqualTo(2);
        assertThat(date.err()).contains("'2021-13-01' is not a date; expected YYYY-MM-DD");
        CliRun text = CliRun.of("show", "--as-of", "2021-06-22", "--rendering", "text", V2_FV4);
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err()).contains("the text page does not change with it");
        assertThat(CliRun.of("show", "--facts", "--as-of", "2021-06-22", V2_FV4).exit()).isEqualTo(2);
    }

    @Test
    void quantizedHandlesShowTheirCardAndFacts() {
        CliRun card = CliRun.of("show", "https://tfhub.dev/google/imagenet/mobilenet_v1_050_128/quantops/classification");
        assertThat(card.exit()).as(card.err()).isZero();
        assertThat(card.out()).startsWith("Module google/imagenet/mobilenet_v1_050_128/quantops/classification/3\n")
                .contains("instrumented for quantization");
        CliRun facts = CliRun.of("show", "--facts", "google/imagenet/mobilenet_v1_050_128/quantops/classification/1");
        assertThat(facts.exit()).isZero();
        assertThat(facts.out()).startsWith("google/imagenet/mobilenet_v1_050_128/quantops/classification/1 (latest: 3)\n")
                .contains("  quantized:   quantops", "  checkpoint:  mobilenet_v1_0.5_128_quant")
                .doesNotContain("deployment:");
        CliRun missing = CliRun.of("show", "google/imagenet/mobilenet_v1_050_128/quantops/classification/2");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: 'google/imagenet/mobilenet_v1_050_128/quantops/classification' "
                + "has no version 2; published versions: [1, 3]\n");
    }

    @Test
    void tfjsHandlesShowTheChildCard() {
        String handle = "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1";
        CliRun card = CliRun.of("show", handle);
        assertThat(card.exit()).as(card.err()).isZero();
        assertThat(card.out()).contains("<!-- parent-model: google/imagenet/mobilenet_v1_050_128/classification/1 -->",
                "tf.loadGraphModel(");
        assertThat(CliRun.of("show", "https://tfhub.dev/" + handle).out()).isEqualTo(card.out());
        CliRun facts = CliRun.of("show", "--facts", handle);
        assertThat(facts.out()).isEqualTo(handle + "\n  format:      TF.js deployment (tfjs)\n"
                + "  parent:      google/imagenet/mobilenet_v1_050_128/classification/1\n");
        assertThat(CliRun.of("show", "--facts", "google/imagenet/mobilenet_v1_050_128/classification/1").out())
                .contains("  deployment:  TF.js, " + handle + "\n");
        CliRun text = CliRun.of("show", "--rendering", "text", handle);
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Tfjs google/imagenet/mobilenet_v1_050_128/classification/1/default/1\n\n")
                .contains("    tf.loadGraphModel(").doesNotContain("<!--");
        CliRun none = CliRun.of("show", "google/imagenet/mobilenet_v1_050_128/classification/4/default/tfjs/1");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("error: 'google/imagenet/mobilenet_v1_050_128/classification/4' has no TF.js "
                + "deployment; versions with one: [1, 3]\n");
    }

    /** date → SHA-256 of one card file after that date's commits, from the recorded publisher history. */
    static Map<String, String> publisherHashes(String path) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (InputStream in = ShowCommandTest.class.getResourceAsStream("/dev/modelcards/publisher/tfhub-history.tsv")) {
            assertThat(in).as("tfhub-history.tsv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split("\t");
                if (!line.startsWith("#") && c.length == 5 && c[3].equals(path)) {
                    out.put(c[0], c[4]);
                }
            }
        }
        return out;
    }

    /** The hash in force at the end of {@code date}: the last change on or before it. */
    private static String asOf(Map<String, String> history, String date) {
        return ((TreeMap<String, String>) history).floorEntry(date).getValue();
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
