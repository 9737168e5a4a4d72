package dev.modelcards.docs;

import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import dev.modelcards.catalog.VersionSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One card's page: the generated markdown card rendered by {@link CardMarkdown}, beside it the
 * catalog's metadata, links to the other versions of the handle (the latest marked) and the
 * verification result. A card whose markdown was not generated gets a clear notice instead of a
 * rendered card, never a failure.
 */
final class CardPage {
    /** Verify-report fields in display order; any others follow in report order. */
    /** A published figure in millions, with the measured value beside it where the catalog records an erratum. */
    private static String published(dev.modelcards.Variant v, String field, java.math.BigDecimal value) {
        String shown = value.toPlainString() + " M";
        for (var e : v.errata()) {
            if (e.field().equals(field)) {
                shown += " (published; erratum: the architecture gives " + e.measured().toPlainString() + " M)";
            }
        }
        return shown;
    }

    private static final List<String> VERIFY_FIELDS = List.of("input_shape", "input_type", "output_shape", "params", "macs");

    private final PageLayout layout;
    private final CardMarkdown markdown;
    private final Optional<VerifyReport> report;

    CardPage(PageLayout layout, CardMarkdown markdown, Optional<VerifyReport> report) {
        this.layout = layout;
        this.markdown = markdown;
        this.report = report;
    }

    /**
     * @param m      the model
     * @param source the generated markdown card, or empty if it was not generated
     * @param sourceName the markdown file's name inside the cards folder, shown when it is missing
     */
    String render(ModelVersion m, Optional<String> source, String sourceName) {
        String path = SitePaths.card(m);
        return layout.page(path, m.handle(), w -> {
            w.open("div", "class", "card-layout");
            w.open("article", "id", "mc-card", "class", "card");
            if (source.isPresent()) {
                w.trusted(markdown.render(source.get()));
            } else {
                w.open("p", "class", "notice", "id", "mc-card-missing");
                w.text("Card not generated: there is no markdown card " + sourceName
                        + " in the cards folder. Run 'modelcards generate' to write the cards, then rebuild the site. The catalog's "
                        + "facts for this model are shown beside this notice.");
                w.close("p");
            }
            w.close("article");
            w.open("aside", "id", "mc-meta", "class", "meta", "aria-label", "Model metadata");
            facts(w, path, m);
            versions(w, path, m);
            verification(w, m);
            w.close("aside");
            w.close("div");
        });
    }

    private static void facts(HtmlWriter w, String path, ModelVersion m) {
        Variant v = m.variant();
        w.element("h2", "Metadata");
        w.open("dl", "id", "mc-facts");
        fact(w, "handle", "Handle", m.handle());
        w.element("dt", "URL");
        w.open("dd", "data-field", "url");
        Optional<String> url = Links.external(m.url());
        if (url.isPresent()) {
            w.element("a", m.url(), "href", url.get());
        } else {
            w.text(m.url());
        }
        w.close("dd");
        w.element("dt", "Family");
        w.open("dd", "data-field", "family");
        w.element("a", v.family().name(), "href", Links.relative(path, SitePaths.family(v.family())));
        w.close("dd");
        fact(w, "multiplier", "Depth multiplier", v.multiplier().toPlainString());
        fact(w, "resolution", "Resolution", v.resolution() + " px");
        fact(w, "head", "Head", v.head());
        fact(w, "input_shape", "Input", v.inputShape() + " float32, values in [" + v.inputRange().get(0).toPlainString()
                + ", " + v.inputRange().get(1).toPlainString() + "]");
        fact(w, "output_shape", "Output", v.outputShape().toString());
        fact(w, "macs", "MACs", published(v, "macs_millions", v.metrics().macsMillions()));
        fact(w, "params", "Parameters", published(v, "params_millions", v.metrics().paramsMillions()));
        fact(w, "top1", "Top-1", v.metrics().top1().toPlainString() + " %");
        fact(w, "top5", "Top-5", v.metrics().top5().toPlainString() + " %");
        fact(w, "checkpoint", "Checkpoint", v.checkpointName());
        fact(w, "format", "Format", m.format().name() + " (" + m.format().api() + ")");
        fact(w, "fine_tunable", "Fine-tunable", m.spec().fineTunable() ? "yes" : "no");
        fact(w, "input_size", "Input size", m.spec().variableInputSize()
                ? "variable (" + m.variant().resolution() + " px by default)" : "fixed");
        if (!m.spec().requirements().isEmpty()) {
            fact(w, "requirements", "Requirements", String.join(", ", m.spec().requirements()));
        }
        for (VersionSpec.MetadataEntry e : m.spec().metadata()) {
            String value = e.valueFor(v.head());
            if (value != null) {
                fact(w, "meta-" + e.key(), e.key(), value);
            }
        }
        w.close("dl");
    }

    private static void fact(HtmlWriter w, String field, String label, String value) {
        w.element("dt", label);
        w.element("dd", value, "data-field", field);
    }

    private static void versions(HtmlWriter w, String path, ModelVersion m) {
        w.element("h2", "Versions");
        w.open("ul", "class", "versions", "id", "mc-versions");
        for (ModelVersion other : m.variant().versions()) {
            boolean current = other.equals(m);
            w.open("li", "aria-current", current ? "page" : null);
            if (current) {
                w.text("version " + other.number() + " (this page)");
            } else {
                w.element("a", "version " + other.number(), "href", Links.relative(path, SitePaths.card(other)));
            }
            w.text(" · " + other.format().name());
            if (other.isLatest()) {
                w.text(" ");
                w.element("span", "latest", "class", "badge latest");
            }
            w.close("li");
        }
        w.close("ul");
        if (!m.isLatest()) {
            w.open("p", "class", "notice");
            w.text("A newer version of this model exists: ");
            w.element("a", "version " + m.variant().latest().number(),
                    "href", Links.relative(path, SitePaths.card(m.variant().latest())));
            w.text(".");
            w.close("p");
        }
    }

    private void verification(HtmlWriter w, ModelVersion m) {
        w.open("section", "id", "mc-verify", "aria-label", "Verification");
        w.element("h2", "Verification");
        Optional<VerifyReport.Result> result = report.flatMap(r -> r.resultFor(m));
        if (result.isEmpty()) {
            w.open("p", "data-status", "unverified");
            w.element("span", "not verified", "class", "badge unverified");
            w.text(report.isPresent() ? " The verify report has no result for this model."
                    : " No verify report was found when the site was built; run 'modelcards verify'.");
            w.close("p");
            w.close("section");
            return;
        }
        VerifyReport.Result r = result.get();
        String status = r.status().isEmpty() ? "unknown" : r.status();
        w.open("p", "data-status", status);
        w.element("span", status, "class", "badge " + statusClass(status));
        if (!r.handle().equals(m.handle())) {
            w.text(" checked as " + r.handle());
        }
        if (!r.model().isEmpty()) {
            w.text(" (model " + r.model() + ")");
        }
        w.close("p");
        Set<String> fields = new LinkedHashSet<>();
        VERIFY_FIELDS.stream().filter(f -> r.declared().containsKey(f) || r.actual().containsKey(f)).forEach(fields::add);
        fields.addAll(r.declared().keySet());
        fields.addAll(r.actual().keySet());
        w.open("table", "id", "mc-verify-table");
        w.open("thead");
        w.open("tr");
        for (String h : List.of("Field", "Declared", "Measured")) {
            w.element("th", h, "scope", "col");
        }
        w.close("tr");
        w.close("thead");
        w.open("tbody");
        for (String f : fields) {
            w.open("tr", "class", r.mismatched(f) ? "mismatch" : null, "data-field", f);
            w.element("td", f.replace('_', ' '));
            w.element("td", r.declared().getOrDefault(f, "—"));
            w.element("td", r.actual().getOrDefault(f, "—"));
            w.close("tr");
        }
        w.close("tbody");
        w.close("table");
        if (!r.mismatches().isEmpty()) {
            w.open("ul", "class", "mismatches");
            for (String mismatch : r.mismatches()) {
                w.element("li", mismatch);
            }
            w.close("ul");
        }
        List<String> when = new ArrayList<>();
        report.ifPresent(rep -> {
            if (!rep.date().isEmpty()) {
                when.add("checked " + rep.date());
            }
            if (!rep.onnxruntime().isEmpty()) {
                when.add("with onnxruntime " + rep.onnxruntime());
            }
        });
        if (!when.isEmpty()) {
            w.element("p", String.join(" ", when) + ".", "class", "muted", "id", "mc-verify-when");
        }
        w.close("section");
    }

    private static String statusClass(String status) {
        return switch (status) {
            case "pass", "ok", "passed" -> "pass";
            case "fail", "failed", "mismatch" -> "fail";
            case "error" -> "error";
            default -> "other";
        };
    }
}
