package dev.modelcards.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelcards.ModelVersion;
import dev.modelcards.Quantity;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The published size figures of every float classification variant beside what the verifier counted in
 * its reference export, read from the verify report of the build: the table the project documentation
 * discusses, generated rather than copied by hand, so it cannot drift from the catalog or the counting.
 * Without a report the page says so and how to get one.
 */
final class MeasuredPage {
    private final Registry registry;
    private final PageLayout layout;
    private final Optional<VerifyReport> report;

    MeasuredPage(Registry registry, PageLayout layout, Optional<VerifyReport> report) {
        this.registry = registry;
        this.layout = layout;
        this.report = report;
    }

    String render() {
        String path = SitePaths.MEASURED;
        List<Variant> variants = ChartsPage.plotted(registry);
        return layout.page(path, "Measured against the published tables", w -> {
            if (report.isEmpty()) {
                w.element("p", "No verify report was read, so nothing is measured here: `mvn site` writes one "
                        + "first, or run modelcards verify --report target/verify-report.json and then modelcards docs.",
                        "id", "mc-measured-none");
                return;
            }
            VerifyReport r = report.get();
            w.open("p");
            w.text("Published figures (TF-Slim's tables, in millions) against what the verifier counts in the "
                    + "reference ONNX export of each float classification variant, latest version; feature-vector "
                    + "models measure F × 1001 less of both. Checked " + (r.date().isEmpty() ? "" : "on " + r.date()
                    + " ") + (r.onnxruntime().isEmpty() ? "" : "with onnxruntime " + r.onnxruntime()) + ". ");
            w.element("a", "Why the figures differ", "href", SitePaths.VERIFICATION_HELP);
            w.text(".");
            w.close("p");
            w.open("table", "id", "mc-measured", "class", "measured");
            w.open("thead").open("tr");
            for (String h : List.of("variant", "published MACs (M)", "measured MACs (M)", "MACs Δ",
                    "published params (M)", "measured params (M)", "params Δ", "status")) {
                w.element("th", h);
            }
            w.close("tr").close("thead").open("tbody");
            for (Variant v : variants) {
                ModelVersion m = v.latest();
                Optional<VerifyReport.Result> result = r.resultFor(m);
                JsonNode actual = result.map(VerifyReport.Result::actualJson).orElse(null);
                w.open("tr", "data-handle", v.handle());
                w.open("td").element("a", v.checkpointName(), "href", Links.relative(path, SitePaths.card(m))).close("td");
                cells(w, v, Quantity.MACS, actual == null ? null : actual.get("macs"));
                cells(w, v, Quantity.PARAMS, actual == null ? null : actual.get("params"));
                w.element("td", result.map(VerifyReport.Result::status).orElse("not verified"));
                w.close("tr");
            }
            w.close("tbody").close("table");
        });
    }

    /** Published (with its erratum, if any), measured and the relative difference, for one quantity. */
    private static void cells(HtmlWriter w, Variant v, Quantity q, JsonNode measured) {
        BigDecimal published = v.published(q);
        w.element("td", published.toPlainString() + v.erratum(q).map(e -> " (erratum)").orElse(""), "class", "num");
        if (measured == null || !measured.canConvertToLong()) {
            w.element("td", "—", "class", "num");
            w.element("td", "—", "class", "num");
            return;
        }
        BigDecimal millions = BigDecimal.valueOf(measured.asLong()).movePointLeft(6);
        w.element("td", millions.setScale(q == Quantity.MACS ? 2 : 4, RoundingMode.HALF_UP).toPlainString(), "class", "num");
        BigDecimal delta = millions.subtract(published).multiply(BigDecimal.valueOf(100))
                .divide(published, 1, RoundingMode.HALF_UP);
        w.element("td", (delta.signum() >= 0 ? "+" : "") + delta.toPlainString() + " %", "class", "num");
    }
}
