package dev.modelcards.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A card page's verification panel: what the catalog declares against what {@code modelcards verify}
 * measured in the exported ONNX model, one row per fact (input and output shape and type, parameters,
 * MACs) with the allowed tolerance and a verdict, errata and feature-vector adjustments explained in a
 * sentence, the model named by file name and SHA-256, and when and with which onnxruntime it was checked.
 */
final class VerifyPanel {
    /** One row of the panel: what is checked, as declared and as measured, and whether they agree. */
    record Row(String field, String label, String declared, String measured, Verdict verdict) {
    }

    /** A row's verdict. */
    enum Verdict {
        OK("ok", "pass"), MISMATCH("mismatch", "fail"), NOT_MEASURED("not measured", "other");

        final String text;
        final String cssClass;

        Verdict(String text, String cssClass) {
            this.text = text;
            this.cssClass = cssClass;
        }
    }

    private final Optional<VerifyReport> report;

    VerifyPanel(Optional<VerifyReport> report) {
        this.report = report;
    }

    /** The rows for one result: shapes, types, then the counts, in the order people read a model's interface. */
    static List<Row> rows(VerifyReport.Result r) {
        JsonNode d = r.declaredJson();
        JsonNode a = r.actualJson();
        List<Row> rows = new ArrayList<>();
        rows.add(shapeRow("input_shape", "Input shape", d.path("input_shape"), a.path("input_shape"), r));
        rows.add(typeRow("input_type", "Input type", d.path("input_types"), a.path("input_type"), r));
        rows.add(shapeRow("output_shape", "Output shape", d.path("output_shape"), a.path("output_shape"), r));
        rows.add(typeRow("output_type", "Output type", d.path("output_types"), a.path("output_type"), r));
        rows.add(countRow("params", "Parameters", d.path("params"), a.path("params"), r));
        rows.add(countRow("macs", "MACs", d.path("macs"), a.path("macs"), r));
        return rows;
    }

    void write(HtmlWriter w, ModelVersion m) {
        w.open("section", "id", "mc-verify", "class", "verify", "aria-label", "Verification");
        w.element("h2", "Verification");
        Optional<VerifyReport.Result> result = report.flatMap(r -> r.resultFor(m));
        if (result.isEmpty()) {
            w.open("p", "data-status", "unverified");
            w.element("span", "not verified", "class", "badge unverified");
            w.text(report.isPresent() ? " The verify report has no result for this model."
                    : " No verify report was found when the site was built; run 'modelcards verify --report "
                    + "target/verify-report.json' (mvn site does), then rebuild the site.");
            w.close("p");
            w.close("section");
            return;
        }
        VerifyReport.Result r = result.get();
        String status = r.status().isEmpty() ? "unknown" : r.status();
        w.open("p", "data-status", status, "id", "mc-verify-status");
        w.element("span", status, "class", "badge " + statusClass(status));
        w.text(" The exported ONNX model");
        if (!r.model().isEmpty()) {
            w.text(" ");
            w.element("code", r.model(), "id", "mc-verify-model");
        }
        if (!r.modelSha256().isEmpty()) {
            w.text(" (SHA-256 ");
            w.element("code", r.modelSha256(), "id", "mc-verify-sha256", "class", "hash");
            w.text(")");
        }
        w.text(" against what the catalog declares" + (r.handle().equals(m.handle()) ? "" : ", checked as " + r.handle())
                + ".");
        w.close("p");
        if (!r.error().isEmpty()) {
            w.element("p", "Could not be checked: " + r.error(), "class", "notice", "id", "mc-verify-error");
        }
        w.open("div", "class", "table-scroll");
        w.open("table", "id", "mc-verify-table", "class", "verify-table");
        w.open("thead");
        w.open("tr");
        for (String h : List.of("Check", "Declared (allowed)", "Measured", "Verdict")) {
            w.element("th", h, "scope", "col");
        }
        w.close("tr");
        w.close("thead");
        w.open("tbody");
        for (Row row : rows(r)) {
            w.open("tr", "data-field", row.field(), "data-verdict", row.verdict().name().toLowerCase(java.util.Locale.ROOT),
                    "class", row.verdict() == Verdict.MISMATCH ? "mismatch" : null);
            w.element("th", row.label(), "scope", "row");
            w.element("td", row.declared(), "class", "declared");
            w.element("td", row.measured(), "class", "measured");
            w.open("td", "class", "verdict");
            w.element("span", row.verdict().text, "class", "badge " + row.verdict().cssClass);
            w.close("td");
            w.close("tr");
        }
        w.close("tbody");
        w.close("table");
        w.close("div");
        List<String> notes = notes(m.variant(), r);
        if (!notes.isEmpty()) {
            w.open("ul", "class", "verify-notes", "id", "mc-verify-notes");
            for (String n : notes) {
                w.element("li", n);
            }
            w.close("ul");
        }
        List<String> when = new ArrayList<>();
        report.ifPresent(rep -> {
            if (!rep.date().isEmpty()) {
                when.add("Checked " + rep.date());
            }
            if (!rep.onnxruntime().isEmpty()) {
                when.add((when.isEmpty() ? "Checked" : "") + " with onnxruntime " + rep.onnxruntime());
            }
        });
        if (!when.isEmpty()) {
            w.element("p", String.join("", when).strip() + ".", "class", "muted", "id", "mc-verify-when");
        }
        w.close("section");
    }

    /** Sentences that explain the declared figures: the classifier a feature vector lacks, errata, mismatches. */
    private static List<String> notes(Variant v, VerifyReport.Result r) {
        List<String> notes = new ArrayList<>();
        JsonNode params = r.declaredJson().path("params");
        if (!v.isClassifier() && params.path("published_millions").isNumber() && params.path("expected").isNumber()) {
            notes.add("The published parameters and MACs (" + params.get("published_millions").decimalValue()
                    .toPlainString() + " M parameters) are the classification model's; this feature-vector model has "
                    + "no " + v.featureWidth() + " × " + v.numClasses() + " classifier, so "
                    + millions(params.get("expected").asLong()) + " parameters are expected.");
        }
        for (String field : List.of("params", "macs")) {
            JsonNode f = r.declaredJson().path(field);
            if (f.path("erratum_millions").isNumber()) {
                notes.add((field.equals("macs") ? "MACs" : "Parameters") + ": TF-Slim publishes "
                        + f.path("published_millions").asText() + " M, which is a known erratum; the catalog declares the "
                        + f.get("erratum_millions").decimalValue().toPlainString() + " M the architecture gives ("
                        + f.path("erratum_note").asText() + ").");
            }
        }
        notes.addAll(r.mismatches());
        // the errata are explained above; other warnings (e.g. MACs not measured) are shown as the report says them
        r.warnings().stream().filter(s -> !s.contains("is a known erratum")).forEach(notes::add);
        return notes;
    }

    private static Row shapeRow(String field, String label, JsonNode declared, JsonNode measured,
                                VerifyReport.Result r) {
        String d = shape(declared);
        if (!measured.isArray()) {
            return new Row(field, label, d, "—", Verdict.NOT_MEASURED);
        }
        boolean ok = declared.isArray() && declared.size() == measured.size();
        for (int i = 0; ok && i < declared.size(); i++) {
            long want = dim(declared.get(i));
            long got = dim(measured.get(i));
            // a symbolic batch dimension is declared; a fixed batch of 1 is accepted too
            ok = want == got || (i == 0 && want < 0 && got == 1);
        }
        return new Row(field, label, d, shape(measured), verdict(ok, r, field));
    }

    private static Row typeRow(String field, String label, JsonNode declared, JsonNode measured,
                               VerifyReport.Result r) {
        List<String> accepted = new ArrayList<>();
        declared.forEach(t -> accepted.add(t.asText()));
        String d = accepted.isEmpty() ? "—" : accepted.size() == 1 ? accepted.get(0)
                : String.join(", ", accepted.subList(0, accepted.size() - 1)) + " or " + accepted.get(accepted.size() - 1);
        if (!measured.isTextual()) {
            return new Row(field, label, d, "—", Verdict.NOT_MEASURED);
        }
        return new Row(field, label, d, measured.asText(), verdict(accepted.contains(measured.asText()), r, field));
    }

    private static Row countRow(String field, String label, JsonNode declared, JsonNode measured,
                                VerifyReport.Result r) {
        String d = declared.path("expected").isNumber()
                ? millions(declared.get("expected").asLong()) + " ± " + millions(declared.path("allowed").asLong())
                : "—";
        if (!measured.isNumber() || !declared.path("expected").isNumber()) {
            return new Row(field, label, d, measured.isNumber() ? millions(measured.asLong()) : "—",
                    Verdict.NOT_MEASURED);
        }
        long expected = declared.get("expected").asLong();
        long diff = measured.asLong() - expected;
        String delta = expected == 0 ? "" : " (" + (diff >= 0 ? "+" : "−") + BigDecimal.valueOf(Math.abs(diff) * 100.0
                / expected).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %)";
        boolean ok = Math.abs(diff) <= declared.path("allowed").asLong();
        return new Row(field, label, d, millions(measured.asLong()) + delta, verdict(ok, r, field));
    }

    /** Which of verify's mismatch fields ({@code Checks}) each row covers. */
    private static final java.util.Map<String, List<String>> REPORTED = java.util.Map.of(
            "input_shape", List.of("inputs", "input rank", "input layout", "input dim"),
            "input_type", List.of("input type"),
            "output_shape", List.of("outputs", "output rank", "output dim", "inference output shape"),
            "output_type", List.of("output type"),
            "params", List.of("params"),
            "macs", List.of("macs"));

    /** A computed verdict, overruled by a mismatch the report records for one of the row's checks. */
    private static Verdict verdict(boolean ok, VerifyReport.Result r, String field) {
        boolean reported = REPORTED.get(field).stream().anyMatch(r::mismatched);
        return ok && !reported ? Verdict.OK : Verdict.MISMATCH;
    }

    /** {@code [batch, 224, 224, 3]}: the symbolic batch dimension is -1 in older reports, null in newer ones. */
    static String shape(JsonNode dims) {
        if (!dims.isArray()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        dims.forEach(x -> parts.add(dim(x) < 0 ? "batch" : Long.toString(dim(x))));
        return "[" + String.join(", ", parts) + "]";
    }

    private static long dim(JsonNode x) {
        return x == null || x.isNull() || !x.isNumber() ? -1 : x.asLong();
    }

    /** Millions with three decimals, as verify prints them: {@code 3.471 M}. */
    static String millions(long n) {
        return BigDecimal.valueOf(n).movePointLeft(6).setScale(3, RoundingMode.HALF_UP).toPlainString() + " M";
    }

    /** The CSS class of a verdict, shared by the panel and the sidebar's one-line summary. */
    static String statusClass(String status) {
        return switch (status) {
            case "pass", "ok", "passed" -> "pass";
            case "fail", "failed", "mismatch" -> "fail";
            case "error" -> "error";
            default -> "other";
        };
    }
}
