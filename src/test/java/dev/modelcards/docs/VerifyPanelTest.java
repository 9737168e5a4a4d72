package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The verification panel of a card page, read back from the rendered page: one row per fact with the
 * declared value (and allowed tolerance), the measured one and a verdict; the model named by file name and
 * hash, never the checking machine's folder; errata and the feature-vector classifier explained.
 */
class VerifyPanelTest {
    static final String V1_075 = "google/imagenet/mobilenet_v1_075_224/classification/1";
    static final String FV = "google/imagenet/mobilenet_v2_075_96/feature_vector/4";
    static final String SHA = "46fdd16e26e8794b0158510200652f532280f77d2c125bc07fd0e7d58997291c";
    static Registry registry;

    @BeforeAll
    static void load() {
        DocsGeneratorTest.load();
        registry = DocsGeneratorTest.registry;
    }

    /** A report as 'modelcards verify' writes it; {@code batch} is how it writes a symbolic dimension. */
    static String report(String batch, long fvMacs) {
        return """
                {"check": {"date": "2026-12-02", "onnxruntime_version": "1.29.0"},
                 "results": [
                  {"handle": "%s",
                   "model": "/home/ci/build/target/modelcards-models/mobilenet_v1_075_224-classification-b2585e948e10b463.onnx",
                   "model_sha256": "%s", "status": "ok",
                   "declared": {"input_shape": [%s, 224, 224, 3], "input_types": ["float32", "uint8"],
                     "output_shape": [%s, 1001], "output_types": ["float32", "uint8", "int8"],
                     "params": {"expected": 2590000, "allowed": 61800, "published_millions": 2.59, "tolerance": 0.02},
                     "macs": {"expected": 325400000, "allowed": 6518000, "published_millions": 317, "tolerance": 0.02,
                       "erratum_millions": 325.40, "erratum_note": "the 0.75 rows leave out the stem"}},
                   "actual": {"input_shape": [%s, 224, 224, 3], "input_type": "float32", "output_shape": [%s, 1001],
                     "output_type": "float32", "inputs": ["images"], "params": 2568912, "biases": 9209,
                     "macs": 325401216, "inference_shape": [1, 1001]},
                   "mismatches": [], "warnings": ["macs_millions: published 317 is a known erratum; ..."]},
                  {"handle": "%s", "model": "C:\\\\build\\\\mobilenet_v2_075_96-feature_vector-d94926bf317fffe2.onnx",
                   "status": "mismatch",
                   "declared": {"input_shape": [%s, 96, 96, 3], "input_types": ["float32", "uint8"],
                     "output_shape": [%s, 1280], "output_types": ["float32", "uint8", "int8"],
                     "params": {"expected": 1328720, "allowed": 62200, "published_millions": 2.61, "tolerance": 0.02},
                     "macs": {"expected": 37718720, "allowed": 1780000, "published_millions": 39, "tolerance": 0.02}},
                   "actual": {"input_shape": [%s, 96, 96, 3], "input_type": "float32", "output_shape": [%s, 1280],
                     "output_type": "float32", "params": 1328784, "macs": %d},
                   "mismatches": [{"field": "macs", "declared": "37.719 M ± 1.780 M", "actual": "40.000 M",
                     "message": "%s: macs: declared 37.719 M ± 1.780 M, model has 40.000 M"}],
                   "warnings": []}]}
                """.formatted(V1_075, SHA, batch, batch, batch, batch, FV, batch, batch, batch, batch, fvMacs, FV);
    }

    /** The panel's rows: data-field → [label, declared, measured, verdict]. */
    static Map<String, List<String>> rows(String page) throws Exception {
        Document d = DocsCardPagesTest.parse(page);
        Element table = DocsCardPagesTest.byId(d, "mc-verify-table");
        NodeList trs = table.getElementsByTagName("tr");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < trs.getLength(); i++) {
            Element tr = (Element) trs.item(i);
            if (tr.hasAttribute("data-field")) {
                NodeList cells = tr.getChildNodes();
                List<String> text = new java.util.ArrayList<>();
                for (int c = 0; c < cells.getLength(); c++) {
                    text.add(cells.item(c).getTextContent().strip());
                }
                rows.put(tr.getAttribute("data-field"), text);
            }
        }
        return rows;
    }

    private static Map<String, String> pages(String batch, long fvMacs, Path cards) {
        VerifyReport r = VerifyReport.parse("verify-report.json", report(batch, fvMacs));
        return DocsGeneratorTest.generator(cards, Optional.of(r)).render();
    }

    @Test
    void eachRowShowsDeclaredMeasuredAndVerdictWhetherBatchIsMinusOneOrNull(@TempDir Path cards) throws Exception {
        for (String batch : List.of("-1", "null")) {
            String page = pages(batch, 38_165_000, cards).get(V1_075 + ".html");
            assertThat(rows(page)).as("batch written as " + batch).containsExactly(
                    Map.entry("input_shape", List.of("Input shape", "[batch, 224, 224, 3]", "[batch, 224, 224, 3]", "ok")),
                    Map.entry("input_type", List.of("Input type", "float32 or uint8", "float32", "ok")),
                    Map.entry("output_shape", List.of("Output shape", "[batch, 1001]", "[batch, 1001]", "ok")),
                    Map.entry("output_type", List.of("Output type", "float32, uint8 or int8", "float32", "ok")),
                    Map.entry("params", List.of("Parameters", "2.590 M ± 0.062 M", "2.569 M (−0.81 %)", "ok")),
                    Map.entry("macs", List.of("MACs", "325.400 M ± 6.518 M", "325.401 M (+0.00 %)", "ok")));
            Document d = DocsCardPagesTest.parse(page);
            assertThat(DocsCardPagesTest.byId(d, "mc-verify-model").getTextContent())
                    .isEqualTo("mobilenet_v1_075_224-classification-b2585e948e10b463.onnx");
            assertThat(DocsCardPagesTest.byId(d, "mc-verify-sha256").getTextContent()).isEqualTo(SHA);
            assertThat(DocsCardPagesTest.byId(d, "mc-verify-notes").getTextContent())
                    .contains("MACs: TF-Slim publishes 317 M, which is a known erratum; the catalog declares the 325.4 M");
            assertThat(DocsCardPagesTest.byId(d, "mc-verify-when").getTextContent())
                    .isEqualTo("Checked 2026-12-02 with onnxruntime 1.29.0.");
            // no folder of the checking machine, and no raw JSON anywhere on the page
            assertThat(page).doesNotContain("/home/ci").doesNotContain("{\"expected\"").doesNotContain("&quot;expected");
        }
    }

    @Test
    void aMeasuredCountOutsideTheToleranceIsAMismatchRowAndTheClassifierIsExplained(@TempDir Path cards)
            throws Exception {
        String page = pages("-1", 40_000_000, cards).get(FV + ".html");
        Map<String, List<String>> rows = rows(page);
        assertThat(rows.get("macs")).containsExactly("MACs", "37.719 M ± 1.780 M", "40.000 M (+6.05 %)", "mismatch");
        assertThat(rows.get("params")).containsExactly("Parameters", "1.329 M ± 0.062 M", "1.329 M (+0.00 %)", "ok");
        Document d = DocsCardPagesTest.parse(page);
        assertThat(DocsCardPagesTest.byId(d, "mc-verify-model").getTextContent())
                .isEqualTo("mobilenet_v2_075_96-feature_vector-d94926bf317fffe2.onnx");
        assertThat(DocsCardPagesTest.byId(d, "mc-verify-notes").getTextContent())
                .contains("this feature-vector model has no 1280 × 1001 classifier, so 1.329 M parameters are expected")
                .contains("macs: declared 37.719 M ± 1.780 M, model has 40.000 M");
        // the facts show the feature vector's own size, not the classification model's
        assertThat(page).contains("<dd data-field=\"params\">1.33 M without the classifier (2.61 M published with it)</dd>");
        assertThat(DocsCardPagesTest.byId(d, "mc-verify-summary").getTextContent()).contains("mismatch");
    }

    @Test
    void aModelTheReportDoesNotHaveSaysSo(@TempDir Path cards) {
        ModelVersion other = registry.get("google/imagenet/mobilenet_v2_100_224/classification/5");
        String page = pages("-1", 38_165_000, cards).get(other.handle() + ".html");
        assertThat(page).contains("data-status=\"unverified\"").contains("The verify report has no result for this model.")
                .doesNotContain("mc-verify-table");
    }
}
