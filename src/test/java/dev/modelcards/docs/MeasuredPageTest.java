package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The measured table is computed from the verify report, row by row, never copied by hand. */
class MeasuredPageTest {
    private static final Registry REGISTRY = Registry.load(Path.of("catalog"));

    @Test
    void eachRowShowsThePublishedFigureTheCountFromTheReportAndTheirDifference() throws Exception {
        ModelVersion v1 = REGISTRY.get("google/imagenet/mobilenet_v1_075_224/classification");
        String report = "{\"check\": {\"date\": \"2026-12-02\", \"onnxruntime_version\": \"1.29.0\"}, \"results\": ["
                + "{\"handle\": \"" + v1.handle() + "\", \"model\": \"/tmp/x/m.onnx\", \"status\": \"ok\","
                + " \"actual\": {\"params\": 2568936, \"macs\": 325396480}}]}";
        String html = render(Optional.of(VerifyReport.parse("r.json", report)));
        Map<String, List<String>> rows = rows(DocsCardPagesTest.parse(html));

        assertThat(rows.get(v1.variant().handle())).containsExactly("mobilenet_v1_0.75_224", "317 (erratum)", "325.40",
                "+2.6 %", "2.59", "2.5689", "-0.8 %", "ok");
        assertThat(rows.get("google/imagenet/mobilenet_v2_100_224/classification")).containsExactly(
                "mobilenet_v2_1.0_224", "300", "—", "—", "3.47", "—", "—", "not verified");
        assertThat(rows).hasSize(ChartsPage.plotted(REGISTRY).size());
        assertThat(html).contains("Checked on 2026-12-02 with onnxruntime 1.29.0").doesNotContain("/tmp/x");
    }

    @Test
    void withoutAReportThePageSaysHowToGetOne() throws Exception {
        String html = render(Optional.empty());
        assertThat(html).doesNotContain("id=\"mc-measured\"");
        Document d = DocsCardPagesTest.parse(html);
        assertThat(DocsCardPagesTest.byId(d, "mc-measured-none").getTextContent())
                .contains("No verify report was read", "verify --report");
    }

    private static String render(Optional<VerifyReport> report) {
        return new MeasuredPage(REGISTRY, new PageLayout(REGISTRY), report).render();
    }

    /** Table rows by data-handle → cell texts. */
    private static Map<String, List<String>> rows(Document d) {
        NodeList trs = DocsCardPagesTest.byId(d, "mc-measured").getElementsByTagName("tr");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < trs.getLength(); i++) {
            Element tr = (Element) trs.item(i);
            if (tr.hasAttribute("data-handle")) {
                List<String> cells = new ArrayList<>();
                NodeList tds = tr.getElementsByTagName("td");
                for (int c = 0; c < tds.getLength(); c++) {
                    cells.add(tds.item(c).getTextContent().strip());
                }
                rows.put(tr.getAttribute("data-handle"), cells);
            }
        }
        return rows;
    }
}
