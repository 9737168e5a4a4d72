package dev.modelcards.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a plain-text rendering for reading in a terminal: the card templates keep the publisher's
 * markdown line breaks, which in plain text would break sentences mid-line. Each paragraph becomes one
 * line, each bullet item one line, code (indented four spaces) stays as written, trailing blanks go and
 * runs of blank lines collapse to one.
 */
final class PlainText {
    private PlainText() {
    }

    static String tidy(String text) {
        List<String> out = new ArrayList<>();
        List<String> para = new ArrayList<>();
        for (String line : (text + "\n").split("\n", -1)) {
            if (line.isBlank()) {
                flush(para, out);
            } else {
                para.add(line.stripTrailing());
            }
        }
        flush(para, out);
        return String.join("\n\n", out) + "\n";
    }

    private static void flush(List<String> para, List<String> out) {
        if (para.isEmpty()) {
            return;
        }
        if (para.get(0).startsWith("    ")) {
            out.add(String.join("\n", para));
        } else {
            List<String> items = new ArrayList<>();
            StringBuilder cur = null;
            for (String line : para) {
                if (line.startsWith("  * ") || cur == null) {
                    if (cur != null) {
                        items.add(cur.toString());
                    }
                    cur = new StringBuilder(line);
                } else {
                    cur.append(' ').append(line.strip());
                }
            }
            items.add(cur.toString());
            out.add(String.join("\n", items));
        }
        para.clear();
    }
}
