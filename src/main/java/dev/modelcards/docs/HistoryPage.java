package dev.modelcards.docs;

import dev.modelcards.catalog.Catalog;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One card's history, oldest first: per revision, what the publisher changed that day, the changed
 * lines against the previous revision (a unified diff) and, one click away, the whole markdown as the
 * publisher's file held it. The source is shown rather than rendered because most of the publisher's
 * edits touch the metadata comments ({@code <!-- task: ... -->}), which a rendered card does not show.
 * One page per card, each revision a section the card page links to by fragment, keeps the site at a
 * file per card rather than one per (card, date).
 */
final class HistoryPage {
    /** Unchanged lines shown around each change. */
    private static final int CONTEXT = 2;

    private final PageLayout layout;

    HistoryPage(PageLayout layout) {
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

    /** The id of a revision's section on the history page. */
    static String anchor(CardHistory.Revision r) {
        return "r-" + r.asOf();
    }

    /** The id of the element holding a revision's full text. */
    static String textId(CardHistory.Revision r) {
        return "text-" + r.asOf();
    }

    /**
     * @param cardHandle the card's handle (a model's or a TF.js child's)
     * @param cardPage   the card's own page, relative to the models folder
     * @param revisions  every revision of the card, oldest first (not empty)
     */
    String render(String cardHandle, String cardPage, List<CardHistory.Revision> revisions) {
        String path = SitePaths.history(cardHandle);
        return layout.page(path, cardHandle + ": history", w -> {
            w.open("p", "id", "mc-history-intro");
            w.element("a", "← card page", "href", Links.relative(path, cardPage), "data-rel", "card");
            w.text(" · " + revisions.size() + (revisions.size() == 1 ? " revision" : " revisions")
                    + " of this card's text in the publisher's history, oldest first: each with the edits of its day, "
                    + "the lines they changed and the whole text as of the end of that day (");
            w.element("a", "how they are found", "href", Links.relative(path, SitePaths.HISTORY_HELP));
            w.text(").");
            w.close("p");
            for (int i = 0; i < revisions.size(); i++) {
                revision(w, revisions, i);
            }
        });
    }

    private static void revision(HtmlWriter w, List<CardHistory.Revision> revisions, int index) {
        CardHistory.Revision r = revisions.get(index);
        boolean current = index == revisions.size() - 1;
        w.open("section", "id", anchor(r), "class", "revision", "data-date", r.asOf().toString(),
                "aria-label", "Revision " + label(r));
        w.open("h2");
        w.element("time", r.beforeHistory() ? "As first published" : r.asOf().toString(), "datetime", r.asOf().toString());
        if (current) {
            w.text(" ");
            w.element("span", "current", "class", "badge latest");
        }
        w.close("h2");
        if (r.beforeHistory()) {
            w.element("p", "The card as first published, before the publisher's repository records its history "
                    + "(its first dated edit is of " + r.asOf().plusDays(1) + "): its text at the end of " + r.asOf() + ".");
        } else {
            w.open("ul", "class", "edits");
            for (Catalog.Edit e : r.edits()) {
                w.open("li", "data-edit", e.id());
                w.text(e.note() + " ");
                w.element("span", "commit " + e.commit(), "class", "muted");
                w.close("li");
            }
            w.close("ul");
        }
        if (index == 0) {
            if (!r.beforeHistory()) {
                w.element("p", "The card's first revision: it did not exist before this day.", "class", "muted");
            }
        } else {
            diff(w, revisions.get(index - 1), r);
        }
        w.open("details", "class", "revision-text");
        w.element("summary", "Text as of " + (r.beforeHistory() ? "first publication" : r.asOf().toString()) + " ("
                + LineDiff.split(r.text()).size() + " lines)");
        w.open("pre", "class", "revision", "id", textId(r));
        w.element("code", r.text());
        w.close("pre");
        w.close("details");
        w.close("section");
    }

    private static void diff(HtmlWriter w, CardHistory.Revision previous, CardHistory.Revision r) {
        List<LineDiff.Line> lines = LineDiff.lines(previous.text(), r.text());
        long added = lines.stream().filter(l -> l.kind() == LineDiff.Kind.ADDED).count();
        long removed = lines.stream().filter(l -> l.kind() == LineDiff.Kind.REMOVED).count();
        w.element("p", added + (added == 1 ? " line" : " lines") + " added, " + removed
                + (removed == 1 ? " line" : " lines") + " removed against the revision "
                + (previous.beforeHistory() ? "as first published" : "of " + previous.asOf()) + ":", "class", "muted");
        w.open("pre", "class", "diff", "id", "diff-" + r.asOf());
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
