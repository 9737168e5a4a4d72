package dev.modelcards.site;

import java.util.List;

/** A one-line summary of how two texts differ, for {@code generate --check}. */
final class LineDiff {
    private static final int SHOW = 60;

    private LineDiff() {
    }

    /**
     * The first differing line and how many lines differ, e.g.
     * {@code line 12: expected "with a depth multiplier of 0.75" but found "with a depth multiplier of 0.5"; 3 of 140 lines differ}.
     */
    static String summary(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        int n = Math.max(want.size(), have.size());
        int first = -1;
        int differing = 0;
        for (int i = 0; i < n; i++) {
            String w = i < want.size() ? want.get(i) : null;
            String h = i < have.size() ? have.get(i) : null;
            if (w == null || !w.equals(h)) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return "line endings or trailing newline differ";
        }
        String w = first < want.size() ? quote(want.get(first)) : "end of file";
        String h = first < have.size() ? quote(have.get(first)) : "end of file";
        return "line " + (first + 1) + ": expected " + w + " but found " + h + "; " + differing + " of " + n
                + " lines differ (" + want.size() + " expected, " + have.size() + " found)";
    }

    private static String quote(String s) {
        String t = s.length() > SHOW ? s.substring(0, SHOW) + "..." : s;
        return "\"" + t.replace("\t", "\\t") + "\"";
    }
}
