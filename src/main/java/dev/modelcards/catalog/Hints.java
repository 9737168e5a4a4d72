package dev.modelcards.catalog;

import java.util.Collection;

/** "Did you mean" suggestions for misspelt keys and names. */
public final class Hints {
    private Hints() {
    }

    /**
     * Returns {@code " (did you mean 'x'?)"} for the closest candidate within a small edit distance,
     * or an empty string when nothing is close.
     *
     * @param given what the user wrote
     * @param candidates the valid names
     * @return the hint, or an empty string
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        if (given.length() > 200) {
            return ""; // nothing that long is a typo of a name, and the distance table would be large
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            if (Math.abs(c.length() - g.length()) >= bestDistance) {
                continue; // the length difference alone is at least as far as the best so far
            }
            int d = distance(g, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Escapes control and non-ASCII characters (at most 200 code points shown) so a message shows
     * exactly what was given: a Cyrillic 'а' or a NUL must not look like a valid name.
     *
     * @param s any text
     * @return the text with those characters escaped, shortened past 200 code points
     */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u%04X", cp));
            }
        });
        return s.codePointCount(0, s.length()) > 200 ? b.append("…").toString() : b.toString();
    }
}
