package dev.modelcards.render;

/** Greedy line filling, as the publisher's cards wrap long bullet items. */
final class Wrap {
    private static final java.util.regex.Pattern BLOCK_MARKER =
            java.util.regex.Pattern.compile("[#>+=~*-]|[0-9]{1,9}[.)]");

    private Wrap() {
    }

    /**
     * Fills words (split on single spaces) into lines of at most {@code width} characters, the first
     * line prefixed with {@code first}, the others with {@code next}. A word longer than the width gets
     * a line of its own; existing line breaks are treated as spaces.
     */
    static String greedy(String text, int width, String first, String next) {
        String[] words = text.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String w : words) {
            // Never start a continuation line with a block marker ("-", "#", "1."): it would open a new block.
            if (!empty && line.length() + 1 + w.length() > width && !BLOCK_MARKER.matcher(w).lookingAt()) {
                out.append(line).append('\n');
                line = new StringBuilder(next);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(w);
            empty = false;
        }
        return out.append(line).toString();
    }
}
