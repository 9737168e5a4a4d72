package dev.modelcards.docs;

import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The model index: every variant as one table row with a link to its latest card. The whole table is
 * in the HTML, so it works without JavaScript; a small inline script (from {@code index.js}) adds the
 * family/head/resolution filters and sorting by any column.
 */
final class IndexPage {
    /** One column: header, whether numeric, the cell text and the sort key. */
    private record Column(String title, boolean numeric, Function<Variant, String> text, Function<Variant, String> key) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Family", false, v -> v.family().name(), Variant::familyId),
            new Column("Multiplier", true, v -> v.multiplier().toPlainString(), v -> v.multiplier().toPlainString()),
            new Column("Resolution", true, v -> Integer.toString(v.resolution()), v -> Integer.toString(v.resolution())),
            new Column("Head", false, Variant::head, Variant::head),
            new Column("Latest", true, v -> Integer.toString(v.latest().number()), v -> Integer.toString(v.latest().number())),
            new Column("MACs (M)", true, v -> v.metrics().macsMillions().toPlainString(),
                    v -> v.metrics().macsMillions().toPlainString()),
            new Column("Params (M)", true, v -> v.metrics().paramsMillions().toPlainString(),
                    v -> v.metrics().paramsMillions().toPlainString()),
            new Column("Top-1 %", true, v -> v.metrics().top1().toPlainString(), v -> v.metrics().top1().toPlainString()),
            new Column("Top-5 %", true, v -> v.metrics().top5().toPlainString(), v -> v.metrics().top5().toPlainString()),
            new Column("Input", false, v -> v.resolution() + "×" + v.resolution() + "×" + v.inputShape().dims().get(3),
                    v -> String.format("%05d", v.resolution())),
            new Column("Output dims", true, v -> Long.toString(lastDim(v)), v -> Long.toString(lastDim(v))),
            new Column("Card", false, Variant::handle, Variant::handle));

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
            w.text("Every published variant of the catalog, " + variants.size() + " in all, with the metrics of "
                    + "TF-Slim's published tables (MACs, parameters and accuracy are those of the classification "
                    + "model). Each row links to the variant's latest card. See also the ");
            w.element("a", "accuracy charts", "href", Links.relative(path, SitePaths.CHARTS));
            w.text(".");
            w.close("p");
            filters(w, variants);
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
        w.open("output", "id", "count", "aria-live", "polite");
        w.text(variants.size() + " of " + variants.size() + " variants");
        w.close("output");
        w.close("form");
    }

    private static void select(HtmlWriter w, String name, String label, Iterable<String> values) {
        w.open("label");
        w.text(label);
        w.open("select", "name", name, "id", "filter-" + name, "data-filter", name);
        w.element("option", "all", "value", "");
        for (String value : values) {
            w.element("option", value, "value", value);
        }
        w.close("select");
        w.close("label");
    }

    private static void row(HtmlWriter w, String path, Variant v) {
        w.open("tr", "data-family", v.familyId(), "data-head", v.head(),
                "data-resolution", Integer.toString(v.resolution()), "data-handle", v.handle());
        for (Column c : COLUMNS) {
            w.open("td", "class", c.numeric() ? "num" : null, "data-sort", c.key().apply(v));
            if (c.title().equals("Card")) {
                w.element("a", v.name() + "/" + v.head() + "/" + v.latest().number(),
                        "href", Links.relative(path, SitePaths.card(v.latest())));
            } else {
                w.text(c.text().apply(v));
            }
            w.close("td");
        }
        w.close("tr");
    }

    private static long lastDim(Variant v) {
        List<Long> dims = v.outputShape().dims();
        return dims.get(dims.size() - 1);
    }
}
