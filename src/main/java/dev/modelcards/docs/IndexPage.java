package dev.modelcards.docs;

import dev.modelcards.Quantity;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The model index: every variant as one table row with a link to its latest card, quantized variants
 * marked with a badge, and links to the TF.js child cards of its versions. The whole table is in the
 * HTML, so it works without JavaScript; a small inline script (from {@code index.js}) adds the
 * family/head/resolution/quantization filters and sorting by any column.
 */
final class IndexPage {
    /** One column: header, whether numeric, the cell text and the sort key. */
    private record Column(String title, boolean numeric, Function<Variant, String> text, Function<Variant, String> key) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Pick", false, v -> "", Variant::handle),
            new Column("Family", false, v -> Specs.family(v).name(), Variant::familyId),
            new Column("Multiplier", true, v -> v.multiplier().toPlainString(), v -> v.multiplier().toPlainString()),
            new Column("Resolution", true, v -> Integer.toString(v.resolution()), v -> Integer.toString(v.resolution())),
            new Column("Head", false, Variant::head, Variant::head),
            new Column("Quantization", false, IndexPage::quantization, IndexPage::quantization),
            new Column("Latest", true, v -> Integer.toString(v.latest().number()), v -> Integer.toString(v.latest().number())),
            new Column("MACs (M)", true, v -> v.published(Quantity.MACS).toPlainString(),
                    v -> v.published(Quantity.MACS).toPlainString()),
            new Column("Params (M)", true, v -> v.published(Quantity.PARAMS).toPlainString(),
                    v -> v.published(Quantity.PARAMS).toPlainString()),
            new Column("Top-1 %", true, v -> v.top1().toPlainString(), v -> v.top1().toPlainString()),
            new Column("Top-5 %", true, v -> v.top5().toPlainString(), v -> v.top5().toPlainString()),
            // no published latency sorts last: above any real one
            new Column("Pixel 1 ms", true, v -> v.pixel1LatencyMs().map(java.math.BigDecimal::toPlainString).orElse("—"),
                    v -> v.pixel1LatencyMs().map(java.math.BigDecimal::toPlainString).orElse("1e9")),
            new Column("Input", false, v -> v.resolution() + "×" + v.resolution() + "×" + v.inputShape().dims().get(3),
                    v -> String.format("%05d", v.resolution())),
            new Column("Output dims", true, v -> Long.toString(lastDim(v)), v -> Long.toString(lastDim(v))),
            new Column("Card", false, Variant::handle, Variant::handle),
            new Column("TF.js", true, v -> "", v -> Long.toString(tfjs(v).size())));

    /** The filter value of float variants, which have no quantization. */
    static final String FLOAT = "float";

    private final Registry registry;
    private final PageLayout layout;
    private final String script;

    IndexPage(Registry registry, PageLayout layout, String script) {
        this.registry = registry;
        this.layout = layout;
        this.script = script;
    }

    String render() {
        String path = SitePaths.INDEX;
        List<Variant> variants = registry.variants();
        return layout.page(path, "Model index", w -> {
            w.open("p");
            long quantized = variants.stream().filter(Variant::isQuantized).count();
            w.text("Every published variant of the catalog, " + variants.size() + " in all (" + quantized
                    + " of them quantized, marked as such), with the metrics of TF-Slim's published tables (MACs, "
                    + "parameters, accuracy and, where published, Pixel 1 latency are those of the float classification "
                    + "model; a quantized variant "
                    + "shares its float variant's figures). Each row links to the variant's latest card and to the "
                    + "TF.js conversions of its versions, where published. Tick rows to compare them; see also the ");
            w.element("a", "accuracy charts", "href", Links.relative(path, SitePaths.CHARTS));
            w.text(".");
            w.close("p");
            filters(w, variants);
            // ticking rows and submitting asks compare.html?h=...&h=...: works without the script too
            w.open("form", "id", "compare-select", "action", Links.relative(path, SitePaths.COMPARE));
            w.open("p", "class", "compare-bar");
            w.element("button", "Compare selected", "type", "submit", "id", "compare-button");
            w.text(" ");
            w.element("span", "Tick 2 to " + ComparePage.MAX + " rows to compare them side by side.", "id",
                    "compare-count", "class", "muted");
            w.close("p");
            w.open("div", "class", "table-scroll");
            w.open("table", "id", "models", "class", "models");
            w.open("thead");
            w.open("tr");
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                w.element("th", c.title(), "scope", "col", "class", c.numeric() ? "num" : null,
                        "data-type", c.numeric() ? "number" : "text", "aria-sort", "none");
            }
            w.close("tr");
            w.close("thead");
            w.open("tbody");
            for (Variant v : variants) {
                row(w, path, v);
            }
            w.close("tbody");
            w.close("table");
            w.close("div");
            w.close("form");
            w.open("script");
            w.trusted("//<![CDATA[\n" + script + "\n//]]>");
            w.close("script");
        });
    }

    /** The filter controls; hidden until the script runs, as they do nothing without it. */
    private static void filters(HtmlWriter w, List<Variant> variants) {
        w.open("form", "id", "filters", "class", "filters", "hidden", "hidden", "aria-controls", "models");
        select(w, "family", "Family", new TreeSet<>(variants.stream().map(Variant::familyId).toList()));
        select(w, "head", "Head", new TreeSet<>(variants.stream().map(Variant::head).toList()));
        select(w, "resolution", "Resolution", new TreeSet<>(variants.stream().map(Variant::resolution).toList())
                .stream().map(String::valueOf).toList());
        select(w, "quantization", "Quantization", new TreeSet<>(variants.stream().map(IndexPage::quantization).toList()),
                q -> q.equals(FLOAT) ? q : "quantized (" + q + ")");
        w.open("output", "id", "count", "aria-live", "polite");
        w.text(variants.size() + " of " + variants.size() + " variants");
        w.close("output");
        w.close("form");
    }

    private static void select(HtmlWriter w, String name, String label, Iterable<String> values) {
        select(w, name, label, values, v -> v);
    }

    private static void select(HtmlWriter w, String name, String label, Iterable<String> values,
                               Function<String, String> text) {
        w.open("label");
        w.text(label);
        w.open("select", "name", name, "id", "filter-" + name, "data-filter", name);
        w.element("option", "all", "value", "");
        for (String value : values) {
            w.element("option", text.apply(value), "value", value);
        }
        w.close("select");
        w.close("label");
    }

    private static void row(HtmlWriter w, String path, Variant v) {
        w.open("tr", "data-family", v.familyId(), "data-head", v.head(),
                "data-resolution", Integer.toString(v.resolution()), "data-quantization", quantization(v),
                "data-handle", v.handle());
        for (Column c : COLUMNS) {
            w.open("td", "class", c.title().equals("TF.js") ? "num nowrap" : c.numeric() ? "num" : null,
                    "data-sort", c.key().apply(v));
            switch (c.title()) {
                case "Card" -> {
                    String prefix = Specs.catalog(v).publisher() + "/" + Specs.catalog(v).collection() + "/";
                    String shown = v.latest().handle().startsWith(prefix)
                            ? v.latest().handle().substring(prefix.length()) : v.latest().handle();
                    // break the long handle only after a slash
                    w.open("a", "href", Links.relative(path, SitePaths.card(v.latest())));
                    String[] parts = shown.split("/");
                    for (int i = 0; i < parts.length; i++) {
                        w.text(parts[i] + (i < parts.length - 1 ? "/" : ""));
                        if (i < parts.length - 1) {
                            w.trusted("<wbr/>");
                        }
                    }
                    w.close("a");
                }
                case "Pick" -> w.open("input", "type", "checkbox", "name", "h", "value", v.handle(),
                        "aria-label", "compare " + v.handle());
                case "Quantization" -> {
                    if (v.isQuantized()) {
                        w.element("span", quantization(v), "class", "badge quantized",
                                "title", "quantized (" + quantization(v) + ")");
                    } else {
                        w.text(FLOAT);
                    }
                }
                case "TF.js" -> {
                    List<Deployment> children = tfjs(v);
                    if (children.isEmpty()) {
                        w.element("span", "—", "class", "muted");
                    }
                    for (int i = 0; i < children.size(); i++) {
                        Deployment d = children.get(i);
                        if (i > 0) {
                            w.text(" · ");
                        }
                        w.element("a", "v" + d.parent().number(), "href", Links.relative(path, SitePaths.card(d)),
                                "title", d.handle());
                    }
                }
                default -> w.text(c.text().apply(v));
            }
            w.close("td");
        }
        w.close("tr");
    }

    /** The quantization id, or {@value #FLOAT}. */
    static String quantization(Variant v) {
        return v.quantization().orElse(FLOAT);
    }

    /** The TF.js (deployment) child cards of every version of a variant. */
    private static List<Deployment> tfjs(Variant v) {
        return v.versions().stream().map(ModelVersion::deployments).flatMap(List::stream).toList();
    }

    private static long lastDim(Variant v) {
        List<Long> dims = v.outputShape().dims();
        return dims.get(dims.size() - 1);
    }
}
