package dev.modelcards.docs;

import dev.modelcards.catalog.Catalog;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One card's text as of one date of its history: what the publisher changed that day, the changed lines
 * against the card's previous revision (as a unified diff), then the whole markdown as the publisher's
 * file held it. The source is shown rather than rendered because most of the publisher's edits touch the
 * metadata comments ({@code <!-- task: ... -->}), which a rendered card does not show.
 */
final class RevisionPage {
    /** Unchanged lines shown around each change. */
    private static final int CONTEXT = 2;

    private final PageLayout layout;

    RevisionPage(PageLayout layout) {
        this.layout = layout;
    }

    /** How a revision is named in lists: its date, or "as first published" before the history. */
    static String label(CardHistory.Revision r) {
        return r.beforeHistory() ? "as first published" : r.asOf().toString();
    }

    /** One line on what happened that day: the notes of its edits. */
    static String summary(CardHistory.Revision r) {
        if (r.beforeHistory()) {
            return "(before " + r.asOf().plusDays(1) + ", when the publisher's repository starts)";
        }
        return r.edits().stream().map(Catalog.Edit::note).collect(Collectors.joining(" "));
    }

    /**
     * @param cardHandle the card's handle (a model's or a TF.js child's)
     * @param cardPage   the card's own page, relative to the models folder
     * @param revisions  every revision of the card, oldest first
     * @param index      which of them this page shows
     */
    String render(String cardHandle, String cardPage, List<CardHistory.Revision> revisions, int index) {
        CardHistory.Revision r = revisions.get(index);
        String path = SitePaths.revision(cardHandle, r.asOf());
        String title = cardHandle + (r.beforeHistory() ? " as first published" : " as of " + r.asOf());
        return layout.page(path, title, w -> {
            w.open("nav", "class", "revisions", "aria-label", "Revisions", "id", "mc-revision-nav");
            w.element("a", "← card page", "href", Links.relative(path, cardPage), "data-rel", "card");
            if (index > 0) {
                CardHistory.Revision p = revisions.get(index - 1);
                w.text(" · ");
                w.element("a", "previous: " + label(p), "href", Links.relative(path, SitePaths.revision(cardHandle, p.asOf())),
                        "rel", "prev");
            }
            if (index < revisions.size() - 1) {
                CardHistory.Revision n = revisions.get(index + 1);
                w.text(" · ");
                w.element("a", "next: " + label(n), "href", Links.relative(path, SitePaths.revision(cardHandle, n.asOf())),
                        "rel", "next");
            }
            w.text(" · revision " + (index + 1) + " of " + revisions.size()
                    + (index == revisions.size() - 1 ? " (current)" : ""));
            w.close("nav");
            w.open("section", "id", "mc-revision-edits", "aria-label", "Edits");
            if (r.beforeHistory()) {
                w.element("p", "The card as first published, before the publisher's repository records its history "
                        + "(its first dated edit is of " + r.asOf().plusDays(1) + "): its text at the end of "
                        + r.asOf() + ".");
            } else {
                w.element("p", "The card's text at the end of " + r.asOf() + " in the publisher's history, after "
                        + (r.edits().size() == 1 ? "the edit" : "the edits") + " of that day:");
                w.open("ul", "class", "edits");
                for (Catalog.Edit e : r.edits()) {
                    w.open("li", "data-edit", e.id());
                    w.text(e.note() + " ");
                    w.element("span", "commit " + e.commit(), "class", "muted");
                    w.close("li");
                }
                w.close("ul");
            }
            w.close("section");
            if (index == 0) {
                if (!r.beforeHistory()) {
                    w.element("p", "This is the card's first revision: it did not exist before this day.", "class", "muted");
                }
            } else {
                diff(w, revisions.get(index - 1), r);
            }
            w.element("h2", "Text", "id", "text");
            w.open("pre", "class", "revision", "id", "mc-revision-text");
            w.element("code", r.text());
            w.close("pre");
        });
    }

    private static void diff(HtmlWriter w, CardHistory.Revision previous, CardHistory.Revision r) {
        List<LineDiff.Line> lines = LineDiff.lines(previous.text(), r.text());
        long added = lines.stream().filter(l -> l.kind() == LineDiff.Kind.ADDED).count();
        long removed = lines.stream().filter(l -> l.kind() == LineDiff.Kind.REMOVED).count();
        w.element("h2", "Changes", "id", "changes");
        w.element("p", added + (added == 1 ? " line" : " lines") + " added, " + removed
                + (removed == 1 ? " line" : " lines") + " removed against the revision "
                + (previous.beforeHistory() ? "as first published" : "of " + previous.asOf()) + ".", "class", "muted");
        w.open("pre", "class", "diff", "id", "mc-revision-diff");
        for (LineDiff.Hunk h : LineDiff.hunks(lines, CONTEXT)) {
            w.element("span", h.header() + "\n", "class", "hunk");
            for (LineDiff.Line l : h.lines()) {
                switch (l.kind()) {
                    case SAME -> w.text(" " + l.text() + "\n");
                    case REMOVED -> w.element("del", "-" + l.text() + "\n");
                    case ADDED -> w.element("ins", "+" + l.text() + "\n");
                }
            }
        }
        w.close("pre");
    }
}
