package dev.modelcards.docs;

/**
 * Escaping for HTML text and attribute values. Every string that comes from the catalog, a card or a
 * verify report goes through here before it reaches a page, so no catalog string can add markup.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and drops characters that are not allowed in HTML/XML text (C0 controls
     * other than tab, newline and carriage return), so the result is safe as text or as a quoted
     * attribute value and keeps the page parseable as XML.
     *
     * @param s any text
     * @return the escaped text
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 && c != 0x7f && c != 0xfffe && c != 0xffff || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
