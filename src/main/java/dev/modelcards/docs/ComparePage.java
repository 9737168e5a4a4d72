package dev.modelcards.docs;

import java.util.List;
import java.util.Map;

/**
 * The compare page: 2–4 variants side by side ({@code compare.html?h=<variant handle>&h=...}, picked with
 * the index's checkboxes or this page's own selects), one column per variant and one row per fact, the
 * best value of each row marked. The variants are inline JSON ({@link SiteData#compareEntries}) and a small
 * script builds the table, so it works from {@code file://} without a server.
 */
final class ComparePage {
    /** How many variants fit side by side. */
    static final int MAX = 4;

    private final PageLayout layout;
    private final List<Map<String, Object>> variants;
    private final String script;

    ComparePage(PageLayout layout, List<Map<String, Object>> variants, String script) {
        this.layout = layout;
        this.variants = variants;
        this.script = script;
    }

    String render() {
        String path = SitePaths.COMPARE;
        return layout.page(path, "Compare variants", w -> {
            w.open("p");
            w.text("Pick two to four variants here, or tick them in the ");
            w.element("a", "model index", "href", Links.relative(path, SitePaths.INDEX));
            w.text("; the best value of each row is marked. MACs, parameters and accuracy are TF-Slim's published "
                    + "figures of the float classification model; latency is the Pixel 1's, where published.");
            w.close("p");
            w.open("form", "id", "compare-form", "class", "filters", "action", "compare.html");
            for (int i = 0; i < MAX; i++) {
                w.open("label");
                w.text("Variant " + (i + 1));
                w.open("select", "name", "h", "id", "compare-pick-" + i);
                w.element("option", i < 2 ? "choose a variant" : "none", "value", "");
                for (Map<String, Object> v : variants) {
                    w.element("option", String.valueOf(v.get("name")), "value", String.valueOf(v.get("handle")));
                }
                w.close("select");
                w.close("label");
            }
            w.element("button", "Compare", "type", "submit");
            w.close("form");
            w.open("output", "id", "compare-status", "aria-live", "polite");
            w.close("output");
            w.open("div", "class", "table-scroll");
            w.open("table", "id", "compare", "class", "compare", "hidden", "hidden");
            w.open("thead");
            w.close("thead");
            w.open("tbody");
            w.close("tbody");
            w.close("table");
            w.close("div");
            PageLayout.inlineScript(w, "The comparison table needs JavaScript; the model index has every figure "
                    + "without it.", "compare-data", SiteData.inlineJson(variants), script);
        });
    }
}
