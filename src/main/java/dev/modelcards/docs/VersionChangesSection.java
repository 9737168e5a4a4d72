package dev.modelcards.docs;

import dev.modelcards.ModelVersion;
import dev.modelcards.catalog.Specs;
import dev.modelcards.diff.CatalogDiff;
import dev.modelcards.diff.Change;
import java.util.List;

/**
 * A card page's "Changes from version N" section: what changed from the previous version of the same model in
 * typed terms ({@link CatalogDiff#fromPreviousVersion}: format and interface changes are breaking, changed
 * fine-tuning and input-size defaults and requirements compatible), then this version's changelog, so a reader
 * sees what the prose means for their code.
 */
final class VersionChangesSection {
    private VersionChangesSection() {
    }

    /**
     * Writes the section ({@code id="mc-changes"}; one row per change, {@code data-kind} and {@code data-what}
     * on each).
     *
     * @param w    the page being written
     * @param path the page's path, for relative links
     * @param m    the version the page is about
     */
    static void write(HtmlWriter w, String path, ModelVersion m) {
        List<ModelVersion> versions = m.variant().versions();
        int i = versions.indexOf(m);
        w.open("section", "id", "mc-changes", "aria-label", "Changes from the previous version");
        if (i <= 0) {
            w.element("h2", "Changes");
            w.element("p", "Version " + m.number() + " is the first published version of this model.", "class", "muted",
                    "data-first", "true");
            changelog(w, m);
            w.close("section");
            return;
        }
        ModelVersion previous = versions.get(i - 1);
        w.element("h2", "Changes from version " + previous.number());
        List<Change> changes = CatalogDiff.fromPreviousVersion(m);
        w.open("p", "class", "muted");
        if (changes.isEmpty()) {
            w.text("No change to the interface, format or defaults since ");
            link(w, path, previous);
            w.text(": same input, output, format, fine-tuning and requirements.");
        } else {
            w.text("What a user of ");
            link(w, path, previous);
            w.text(" meets in this version, typed as 'modelcards diff' types changes: breaking ones need code changes.");
        }
        w.close("p");
        if (!changes.isEmpty()) {
            w.open("table", "id", "mc-changes-table");
            w.open("thead");
            w.open("tr");
            for (String h : List.of("Kind", "What", "Version " + previous.number(), "Version " + m.number())) {
                w.element("th", h, "scope", "col");
            }
            w.close("tr");
            w.close("thead");
            w.open("tbody");
            for (Change c : changes) {
                w.open("tr", "data-kind", c.kind().id(), "data-what", c.what());
                w.open("td");
                w.element("span", c.kind().id(), "class", "badge " + c.kind().id());
                w.close("td");
                w.element("td", c.what());
                w.element("td", c.before());
                w.element("td", c.after());
                w.close("tr");
            }
            w.close("tbody");
            w.close("table");
        }
        changelog(w, m);
        w.close("section");
    }

    private static void link(HtmlWriter w, String path, ModelVersion previous) {
        w.element("a", "version " + previous.number(), "href", Links.relative(path, SitePaths.card(previous)));
    }

    /** The version's changelog lines, as the catalog has them. */
    private static void changelog(HtmlWriter w, ModelVersion m) {
        List<String> lines = Specs.version(m).changelog();
        if (lines.isEmpty()) {
            return;
        }
        w.element("p", "Changelog of version " + m.number() + ":");
        w.open("ul", "class", "changelog", "id", "mc-changelog");
        lines.forEach(l -> w.element("li", l));
        w.close("ul");
    }
}
