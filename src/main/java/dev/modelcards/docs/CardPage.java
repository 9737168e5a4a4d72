package dev.modelcards.docs;

import dev.modelcards.Quantity;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One card's page: the generated markdown card rendered by {@link CardMarkdown}, beside it the
 * catalog's metadata, links to the other versions of the handle (the latest marked), to its related
 * cards (TF.js child, quantized or float sibling), the dates its text changed in the publisher's
 * history and the verification result. A TF.js child card gets the same frame with what it is, its
 * parent, its load snippet and no verification (it has no ONNX model). A card whose markdown was not
 * generated gets a clear notice instead of a rendered card, never a failure.
 */
final class CardPage {
    /** A published figure in millions, with the measured value beside it where the catalog records an erratum. */
    private static String published(dev.modelcards.Variant v, dev.modelcards.Quantity q) {
        String shown = v.published(q).toPlainString() + " M";
        return shown + v.erratum(q).map(e -> " (published; erratum: the architecture gives "
                + e.corrected().toPlainString() + " M)").orElse("");
    }

    /** Card metadata keys whose facts the panel already shows under a readable name. */
    private static final Set<String> DUPLICATED_METADATA = Set.of("format", "fine-tunable");

    private final Registry registry;
    private final PageLayout layout;
    private final CardMarkdown markdown;
    private final Optional<VerifyReport> report;
    private final CardHistory history;
    private final VerifyPanel verifyPanel;

    CardPage(Registry registry, PageLayout layout, CardMarkdown markdown, Optional<VerifyReport> report,
             CardHistory history) {
        this.registry = registry;
        this.layout = layout;
        this.markdown = markdown;
        this.report = report;
        this.history = history;
        this.verifyPanel = new VerifyPanel(report);
    }

    /**
     * @param m      the model
     * @param source the generated markdown card, or empty if it was not generated
     * @param sourceName the markdown file's name inside the cards folder, shown when it is missing
     */
    String render(ModelVersion m, Optional<String> source, String sourceName) {
        String path = SitePaths.card(m);
        return layout.page(path, m.handle(), w -> {
            badges(w, m.variant(), null);
            w.open("div", "class", "card-layout");
            w.open("div", "class", "card-main");
            article(w, path, m.handle(), source, sourceName, "model");
            ModelPageSections.write(w, m);
            verifyPanel.write(w, m);
            w.close("div");
            w.open("aside", "id", "mc-meta", "class", "meta", "aria-label", "Model metadata");
            facts(w, path, m);
            verifySummary(w, m);
            versions(w, path, m);
            VersionChangesSection.write(w, path, m);
            related(w, path, m);
            history(w, path, m.handle());
            w.close("aside");
            w.close("div");
        });
    }

    /**
     * The page of a TF.js (or other deployment) child card.
     *
     * @param d          the child card
     * @param source     its generated markdown card, or empty if it was not generated
     * @param sourceName the markdown file's name inside the cards folder, shown when it is missing
     */
    String render(Deployment d, Optional<String> source, String sourceName) {
        String path = SitePaths.card(d);
        ModelVersion parent = d.parent();
        return layout.page(path, d.handle(), w -> {
            badges(w, parent.variant(), d);
            w.open("section", "id", "mc-summary", "class", "summary", "aria-label", "What it is");
            w.open("p", "id", "mc-what");
            w.text("The " + d.formatName() + " conversion of ");
            w.element("a", parent.handle(), "href", Links.relative(path, SitePaths.card(parent)), "data-rel", "parent");
            w.text(", published as a child card of that version: the same " + Specs.family(parent.variant()).name()
                    + " " + parent.variant().head().replace('_', ' ') + " model, converted to run in the browser"
                    + " or Node.js with " + d.formatName() + ".");
            w.close("p");
            snippet(w, source.or(() -> last(d.handle())));
            w.close("section");
            w.open("div", "class", "card-layout");
            article(w, path, d.handle(), source, sourceName, d.formatName() + " card");
            w.open("aside", "id", "mc-meta", "class", "meta", "aria-label", "Model metadata");
            childFacts(w, path, d);
            related(w, path, d);
            history(w, path, d.handle());
            w.open("section", "id", "mc-verify", "aria-label", "Verification");
            w.element("h2", "Verification");
            w.open("p", "data-status", "not-applicable");
            w.element("span", "not applicable", "class", "badge na");
            w.text(" No ONNX model: a " + d.formatName() + " conversion has none of its own, so 'modelcards verify' "
                    + "does not apply. Its parent's page shows the verification of the model it converts.");
            w.close("p");
            w.close("section");
            w.close("aside");
            w.close("div");
        });
    }

    /**
     * The generated card; a notice instead when it is missing, and above it when it is not the text the
     * catalog renders now (the cards folder is out of date). Either notice links the current revision.
     */
    private void article(HtmlWriter w, String path, String cardHandle, Optional<String> source, String sourceName,
                         String what) {
        List<CardHistory.Revision> revisions = history.of(cardHandle);
        Optional<CardHistory.Revision> current = revisions.isEmpty() ? Optional.empty()
                : Optional.of(revisions.get(revisions.size() - 1));
        w.open("article", "id", "mc-card", "class", "card");
        if (source.isPresent()) {
            if (current.isPresent() && !current.get().text().equals(source.get())) {
                w.open("p", "class", "notice", "id", "mc-card-stale");
                w.text("Out of date: the card " + sourceName + " in the cards folder is not what the catalog and "
                        + "templates render now; run 'modelcards generate', then rebuild the site. The current text: ");
                currentLink(w, path, cardHandle, current.get());
                w.text(".");
                w.close("p");
            }
            // the page's h1 is the handle already: the card's own "# Module <handle>" title would repeat it
            w.trusted(markdown.renderWithoutTitle(source.get()));
        } else {
            w.open("p", "class", "notice", "id", "mc-card-missing");
            w.text("Card not generated: there is no markdown card " + sourceName
                    + " in the cards folder. Run 'modelcards generate' to write the cards, then rebuild the site. The catalog's "
                    + "facts for this " + what + " are shown beside this notice");
            if (current.isPresent()) {
                w.text("; its current text, rendered from the catalog: ");
                currentLink(w, path, cardHandle, current.get());
            }
            w.text(".");
            w.close("p");
        }
        w.close("article");
    }

    private static void currentLink(HtmlWriter w, String path, String cardHandle, CardHistory.Revision r) {
        w.element("a", "revision " + HistoryPage.label(r), "href", Links.relative(path, SitePaths.revision(cardHandle, r.asOf())));
    }

    /** Badges under the title: quantized variants and deployment children are told apart at a glance. */
    private static void badges(HtmlWriter w, Variant v, Deployment d) {
        if (!v.isQuantized() && d == null) {
            return;
        }
        w.open("p", "class", "badges", "id", "mc-badges");
        if (v.isQuantized()) {
            w.element("span", "quantized · " + v.quantization().orElseThrow(), "class", "badge quantized",
                    "data-quantization", v.quantization().orElseThrow());
        }
        if (d != null) {
            w.element("span", d.formatName(), "class", "badge deployment", "data-format", d.format());
        }
        w.close("p");
    }

    /** The variant's family (linked), multiplier, resolution and head, shared by model and TF.js pages. */
    private static void variantFacts(HtmlWriter w, String path, Variant v) {
        w.element("dt", "Family");
        w.open("dd", "data-field", "family");
        w.element("a", Specs.family(v).name(), "href", Links.relative(path, SitePaths.family(Specs.family(v))));
        w.close("dd");
        fact(w, "multiplier", "Depth multiplier", v.multiplier().toPlainString());
        fact(w, "resolution", "Resolution", v.resolution() + " px");
        fact(w, "head", "Head", v.head());
    }

    private void childFacts(HtmlWriter w, String path, Deployment d) {
        ModelVersion parent = d.parent();
        Variant v = parent.variant();
        w.element("h2", "Metadata");
        w.open("dl", "id", "mc-facts");
        fact(w, "handle", "Handle", d.handle());
        w.element("dt", "Parent model");
        w.open("dd", "data-field", "parent");
        w.element("a", parent.handle(), "href", Links.relative(path, SitePaths.card(parent)));
        w.close("dd");
        fact(w, "format", "Format", d.formatName());
        variantFacts(w, path, v);
        fact(w, "output_shape", "Output", v.outputShape().toString());
        if (d.demoUrl().isPresent()) {
            w.element("dt", "Demo");
            w.open("dd", "data-field", "demo");
            Optional<String> url = Links.external(d.demoUrl().get());
            if (url.isPresent()) {
                w.element("a", d.demoUrl().get(), "href", url.get(), "id", "mc-demo");
            } else {
                w.text(d.demoUrl().get());
            }
            w.close("dd");
        }
        w.close("dl");
    }

    /** The card's load snippet: its first fenced code block, as the card prints it. */
    private static void snippet(HtmlWriter w, Optional<String> card) {
        Optional<String> code = card.flatMap(CardPage::firstCodeBlock);
        if (code.isEmpty()) {
            return;
        }
        w.element("p", "Load it with the card's snippet:", "class", "muted");
        w.open("pre", "id", "mc-snippet", "class", "snippet");
        w.element("code", code.get());
        w.close("pre");
    }

    /** The body of the first fenced code block of a markdown text. */
    static Optional<String> firstCodeBlock(String markdown) {
        List<String> lines = LineDiff.split(markdown.replace("\r\n", "\n"));
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i).strip();
            if (open.startsWith("```")) {
                StringBuilder b = new StringBuilder();
                for (int j = i + 1; j < lines.size() && !lines.get(j).strip().startsWith("```"); j++) {
                    b.append(lines.get(j)).append('\n');
                }
                return Optional.of(b.toString().stripTrailing());
            }
        }
        return Optional.empty();
    }

    /** The text of a card's last revision, if the history has it. */
    private Optional<String> last(String cardHandle) {
        List<CardHistory.Revision> revisions = history.of(cardHandle);
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1).text());
    }

    /** One related card: how it relates ({@code data-rel}), label, handle, page and an optional note. */
    private record Related(String rel, String label, String handle, String page, String note) {
    }

    /** Links to the TF.js children of a version and to its quantized or float sibling. */
    private void related(HtmlWriter w, String path, ModelVersion m) {
        List<Related> links = new ArrayList<>();
        for (Deployment d : m.deployments()) {
            links.add(new Related(d.format(), d.formatName() + " conversion", d.handle(), SitePaths.card(d), null));
        }
        Variant v = m.variant();
        if (v.isQuantized()) {
            sibling(v.withQuantization(Optional.empty()), m.number()).ifPresent(s -> links.add(new Related("float",
                    "Float model", s.handle(), SitePaths.card(s), sameVersion(s, m))));
        } else {
            for (FamilySpec.Quantization q : Specs.family(v).quantizations()) {
                sibling(v.withQuantization(Optional.of(q.id())), m.number()).ifPresent(s -> links.add(new Related(
                        "quantized", "Quantized (" + q.id() + ")", s.handle(), SitePaths.card(s), sameVersion(s, m))));
            }
        }
        if (links.isEmpty()) {
            return;
        }
        w.element("h2", "Related cards");
        w.open("ul", "id", "mc-related", "class", "related");
        for (Related l : links) {
            w.open("li", "data-rel", l.rel());
            w.text(l.label() + ": ");
            w.element("a", l.handle(), "href", Links.relative(path, l.page()));
            if (l.note() != null) {
                w.text(" " + l.note());
            }
            w.close("li");
        }
        w.close("ul");
    }

    private void related(HtmlWriter w, String path, Deployment d) {
        w.element("h2", "Related cards");
        w.open("ul", "id", "mc-related", "class", "related");
        w.open("li", "data-rel", "parent");
        w.text("Parent model: ");
        w.element("a", d.parent().handle(), "href", Links.relative(path, SitePaths.card(d.parent())));
        w.close("li");
        for (ModelVersion other : d.parent().variant().versions()) {
            for (Deployment o : other.deployments()) {
                if (o.format().equals(d.format()) && !o.equals(d)) {
                    w.open("li", "data-rel", "other-version");
                    w.text(o.formatName() + " of version " + other.number() + ": ");
                    w.element("a", o.handle(), "href", Links.relative(path, SitePaths.card(o)));
                    w.close("li");
                }
            }
        }
        w.close("ul");
    }

    /** The sibling's version of the same number, else its latest. */
    private static Optional<ModelVersion> sibling(Optional<Variant> variant, int number) {
        return variant.map(s -> s.version(number).orElse(s.latest()));
    }

    private static String sameVersion(ModelVersion sibling, ModelVersion m) {
        return sibling.number() == m.number() ? null
                : "(its latest; it has no version " + m.number() + ")";
    }

    /**
     * The dates this card's text changed in the publisher's history, each with that day's edits and a
     * link to the card's text as of that day.
     */
    private void history(HtmlWriter w, String path, String cardHandle) {
        List<CardHistory.Revision> revisions = history.of(cardHandle);
        w.open("section", "id", "mc-history", "aria-label", "History");
        w.element("h2", "History");
        Optional<String> error = history.error(cardHandle);
        if (error.isPresent()) {
            w.element("p", "The card's history could not be rendered from the catalog: " + error.get(),
                    "class", "notice", "id", "mc-history-error");
            w.close("section");
            return;
        }
        if (revisions.isEmpty()) {
            w.element("p", "The publisher's history of this card was not computed.", "class", "muted");
            w.close("section");
            return;
        }
        w.open("p", "class", "muted");
        w.text("The dates on which the publisher changed this card's text, newest last; each links the text as of "
                + "that day (");
        w.element("a", "how they are found", "href", Links.relative(path, SitePaths.HISTORY_HELP));
        w.text(").");
        w.close("p");
        w.open("ol", "class", "history", "id", "mc-history-list");
        for (int i = 0; i < revisions.size(); i++) {
            CardHistory.Revision r = revisions.get(i);
            w.open("li", "data-date", r.asOf().toString(), "aria-current", i == revisions.size() - 1 ? "true" : null);
            w.open("a", "href", Links.relative(path, SitePaths.revision(cardHandle, r.asOf())));
            w.element("time", HistoryPage.label(r), "datetime", r.asOf().toString());
            w.close("a");
            w.text(" " + HistoryPage.summary(r));
            if (i == revisions.size() - 1) {
                w.text(" ");
                w.element("span", "current", "class", "badge latest");
            }
            w.close("li");
        }
        w.close("ol");
        w.close("section");
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
        variantFacts(w, path, v);
        fact(w, "input_shape", "Input", v.inputShape() + " float32, values in [" + v.inputRange().get(0).toPlainString()
                + ", " + v.inputRange().get(1).toPlainString() + "]");
        fact(w, "output_shape", "Output", v.outputShape().toString());
        if (v.isClassifier()) {
            fact(w, "macs", "MACs", published(v, dev.modelcards.Quantity.MACS));
            fact(w, "params", "Parameters", published(v, dev.modelcards.Quantity.PARAMS));
        } else {
            // the published table describes the classification model; this one lacks the classifier
            var own = ModelPageSections.withoutClassifier(v);
            fact(w, "macs", "MACs", ModelPageSections.millions(own.get(1)) + " without the classifier ("
                    + published(v, dev.modelcards.Quantity.MACS) + " published with it)");
            fact(w, "params", "Parameters", ModelPageSections.millions(own.get(0)) + " without the classifier ("
                    + published(v, dev.modelcards.Quantity.PARAMS) + " published with it)");
        }
        fact(w, "top1", "Top-1", v.top1().toPlainString() + " %");
        fact(w, "top5", "Top-5", v.top5().toPlainString() + " %");
        fact(w, "latency", "Pixel 1 latency", v.pixel1LatencyMs().map(ms -> ms.toPlainString() + " ms")
                .orElse("not published"));
        v.quantization().ifPresent(q -> fact(w, "quantization", "Quantization", q + ": trained with simulated "
                + "quantization; exported models take " + Specs.quantization(v).inputType() + " input"));
        fact(w, "checkpoint", "Checkpoint", v.checkpointName());
        fact(w, "format", "Format", m.formatName() + " (" + Specs.format(m).api() + ")");
        fact(w, "fine_tunable", "Fine-tunable", Specs.version(m).fineTunable() ? "yes" : "no");
        fact(w, "input_size", "Input size", Specs.version(m).variableInputSize()
                ? "variable (" + m.variant().resolution() + " px by default)" : "fixed");
        if (!Specs.version(m).requirements().isEmpty()) {
            fact(w, "requirements", "Requirements", String.join(", ", Specs.version(m).requirements()));
        }
        var license = Specs.catalog(v).license();
        fact(w, "license", "License", license == null ? "not stated" : license.name());
        for (VersionSpec.MetadataEntry e : Specs.version(m).metadata()) {
            String value = e.valueFor(v.head());
            // format and fine-tunable are shown above in words; the card's tags would say them twice
            if (value != null && !DUPLICATED_METADATA.contains(e.key())) {
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
            w.text(" · " + other.formatName());
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

    /** One line in the sidebar: the verdict, linking the panel in the main column. */
    private void verifySummary(HtmlWriter w, ModelVersion m) {
        Optional<VerifyReport.Result> result = report.flatMap(r -> r.resultFor(m));
        String status = result.map(r -> r.status().isEmpty() ? "unknown" : r.status()).orElse("not verified");
        w.open("p", "id", "mc-verify-summary");
        w.text("Verification: ");
        w.element("span", status, "class", "badge " + (result.isEmpty() ? "unverified" : VerifyPanel.statusClass(status)));
        w.text(" ");
        w.element("a", "details", "href", "#mc-verify");
        w.close("p");
    }

}
