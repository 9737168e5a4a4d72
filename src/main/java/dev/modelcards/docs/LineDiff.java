package dev.modelcards.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence of lines), grouped into hunks with a few lines
 * of context, as {@code diff -u} shows them. Cards are about a hundred lines and consecutive revisions
 * differ in a few: the common head and tail are trimmed first, so the quadratic part only sees the
 * changed middle.
 */
final class LineDiff {
    /** What a line of the diff is. */
    enum Kind { SAME, REMOVED, ADDED }

    /**
     * One line of the diff.
     *
     * @param kind    unchanged, removed (only in the old text) or added (only in the new text)
     * @param text    the line without its line break
     * @param oldLine its 1-based line number in the old text, or 0 for an added line
     * @param newLine its 1-based line number in the new text, or 0 for a removed line
     */
    record Line(Kind kind, String text, int oldLine, int newLine) {
    }

    /** A run of changes with its context lines; {@code lines} never starts or ends with more than the context. */
    record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {
        /** The {@code @@ -a,b +c,d @@} header of unified diffs. */
        String header() {
            return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
        }
    }

    private LineDiff() {
    }

    /** Every line of both texts in order: unchanged, removed and added. */
    static List<Line> lines(String oldText, String newText) {
        List<String> a = split(oldText);
        List<String> b = split(newText);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> out = new ArrayList<>(Math.max(a.size(), b.size()) + 8);
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a.get(i), i + 1, i + 1));
        }
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, out);
        for (int i = tail; i > 0; i--) {
            out.add(new Line(Kind.SAME, a.get(a.size() - i), a.size() - i + 1, b.size() - i + 1));
        }
        return out;
    }

    /** The changes of {@link #lines} grouped into hunks with {@code context} unchanged lines around each. */
    static List<Hunk> hunks(List<Line> lines, int context) {
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            // extend while the next change is within 2 × context unchanged lines
            int end = i;
            int j = i;
            while (j < lines.size()) {
                if (lines.get(j).kind() != Kind.SAME) {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            int stop = Math.min(lines.size(), end + 1 + context);
            List<Line> part = List.copyOf(lines.subList(start, stop));
            int oldCount = (int) part.stream().filter(l -> l.kind() != Kind.ADDED).count();
            int newCount = (int) part.stream().filter(l -> l.kind() != Kind.REMOVED).count();
            hunks.add(new Hunk(firstNumber(lines, start, true), oldCount, firstNumber(lines, start, false), newCount, part));
            i = stop;
        }
        return hunks;
    }

    /** The line number a hunk starting at {@code index} starts at, in the old or new text (0 for an empty side at the top). */
    private static int firstNumber(List<Line> lines, int index, boolean old) {
        for (int k = index; k < lines.size(); k++) {
            int n = old ? lines.get(k).oldLine() : lines.get(k).newLine();
            if (n > 0) {
                return n;
            }
        }
        // every line from here on is on the other side: the hunk starts after the last line of this side
        int last = 0;
        for (int k = 0; k < index; k++) {
            int n = old ? lines.get(k).oldLine() : lines.get(k).newLine();
            last = Math.max(last, n);
        }
        return last;
    }

    /** The LCS of the changed middle, appended to {@code out} with line numbers offset by {@code offset}. */
    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
                out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1));
                j++;
            } else {
                out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0));
                i++;
            }
        }
    }

    /** The lines of a text; a final line break does not start another (empty) line. */
    static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
