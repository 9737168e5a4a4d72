package dev.modelcards.docs;

import java.util.List;
import java.util.Map;

/**
 * The search page: every card as inline JSON ({@link SiteData#searchEntries}) and a small script that
 * ranks them as the query is typed, results linking to the card pages. Every page's header has a search
 * box that submits here ({@code search.html?q=...}), which works from {@code file://} with no server;
 * {@code /} focuses that box from anywhere, arrow keys move through the results, Enter opens the first.
 */
final class SearchPage {
    private final PageLayout layout;
    private final Map<String, Object> data;
    private final String script;

    SearchPage(PageLayout layout, Map<String, Object> data, String script) {
        this.layout = layout;
        this.data = data;
        this.script = script;
    }

    String render() {
        String path = SitePaths.SEARCH;
        return layout.page(path, "Search", w -> {
            w.open("form", "id", "search-form", "class", "search-page", "role", "search", "action", "search.html");
            w.open("label", "for", "search-input");
            w.text("Search " + ((List<?>) data.get("cards")).size() + " cards by handle, family, multiplier, resolution, head, version or "
                    + "words of the card");
            w.close("label");
            w.open("input", "type", "search", "id", "search-input", "name", "q", "autocomplete", "off",
                    "placeholder", "e.g. v2 1.0 224 feature vector", "aria-controls", "search-results",
                    "aria-describedby", "search-help");
            w.close("form");
            w.element("p", "Every word must match. Numbers match multipliers (0.75), resolutions (224) and versions; "
                    + "↓ and ↑ move through the results, Enter opens the first one, / comes back to the box from "
                    + "any page.", "class", "muted", "id", "search-help");
            w.open("output", "id", "search-count", "aria-live", "polite", "for", "search-input");
            w.close("output");
            w.open("ol", "id", "search-results", "class", "search-results");
            w.close("ol");
            PageLayout.inlineScript(w, "Search needs JavaScript; the model index lists every variant without it.",
                    "search-data", SiteData.inlineJson(data), script);
        });
    }
}
