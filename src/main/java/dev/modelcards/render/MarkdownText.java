package dev.modelcards.render;

import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The markdown rules the card templates rely on: escaping plain catalog strings, building code spans,
 * checking URLs, and admitting catalog strings that are meant to be markdown (changelog entries,
 * family wording) only when they are a single paragraph of harmless inline markup.
 */
public final class MarkdownText {
    private static final Parser PARSER = Parser.builder().build();
    /** Catalog markdown repeats on every card (changelogs, family wording): judge each string once. */
    private static final java.util.Map<String, Boolean> SAFE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t]*[\\r\\n]+[ \\t]*");
    /**
     * Absolute http(s) URLs without characters that could end a link destination, string or code span:
     * {@code https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&+,;=:@%/?#-]*)?}, matched by
     * {@link #isSafeUrl} without a regex (it runs for every link of every card).
     */
    private static final String PATH_PUNCTUATION = "._~!$&+,;=:@%/?#-";
    /** Characters that start a block when they open a line: headings, quotes, lists, setext lines, fences. */
    private static final Pattern BLOCK_START = Pattern.compile(
            "^(?:#{1,6}(?=[ \\t]|$)|>|[-+=~](?=[ \\t]|$|[-=~])|[0-9]{1,9}(?=[.)](?:[ \\t]|$)))");

    private MarkdownText() {
    }

    /** Collapses line breaks (and the blanks around them) to one space: a plain value stays inline. */
    static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : LINE_BREAK.matcher(s).replaceAll(" ");
    }

    /**
     * Escapes a plain string for markdown inline text. Only what CommonMark could read as markup is
     * escaped, so ordinary prose ({@code ImageNet (ILSVRC-2012-CLS)}, {@code mobilenet_v2_075_96}) keeps
     * its bytes: backslash, backtick, asterisk, brackets, pipe, underscores that could open emphasis,
     * {@code < > &} as HTML entities, and a block marker at the start.
     *
     * @param s plain text
     * @return the escaped text
     */
    public static String escape(String s) {
        return escape(s, false);
    }

    /**
     * Like {@link #escape} but escapes every underscore, as AI Hub writes titles.
     *
     * @param s plain text
     * @return the escaped text
     */
    public static String escapeAll(String s) {
        return escape(s, true);
    }

    private static String escape(String raw, boolean allUnderscores) {
        if (!needsEscaping(raw)) {
            return raw; // most catalog strings are plain prose: no copy, no regex
        }
        String s = oneLine(raw);
        StringBuilder b = new StringBuilder(s.length() + 8);
        var lead = BLOCK_START.matcher(s);
        int start = 0;
        if (lead.find()) {
            if (Character.isDigit(s.charAt(0))) {
                b.append(s, 0, lead.end()).append('\\');
                start = lead.end();
            } else {
                b.append('\\');
            }
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '|' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '_' -> {
                    boolean intraword = i > 0 && i + 1 < s.length()
                            && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
                    b.append(allUnderscores || !intraword ? "\\_" : "_");
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether {@link #escape} could change {@code s}: a character it escapes, a line break, or a possible block marker first. */
    private static boolean needsEscaping(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if ("#>-+=~".indexOf(first) >= 0 || first >= '0' && first <= '9') {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '\\', '`', '*', '[', ']', '|', '<', '>', '&', '_', '\n', '\r' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * A code span holding {@code s} literally, with a backtick fence longer than any run inside it.
     *
     * @param raw the literal text
     * @return the code span
     */
    public static String codeSpan(String raw) {
        String s = oneLine(raw);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s + pad + fence;
    }

    /**
     * Whether {@code s} is an absolute http(s) URL safe in a link destination, a string literal and a code span.
     *
     * @param s any text
     * @return whether it is such a URL
     */
    public static boolean isSafeUrl(String s) {
        int i = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : -1;
        if (i < 0) {
            return false;
        }
        int host = i;
        while (i < s.length() && (isAsciiAlnum(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == host) {
            return false;
        }
        if (i < s.length() && s.charAt(i) == ':') {
            int port = ++i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == port) {
                return false;
            }
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '/') {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiAlnum(c) && PATH_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Text for inside an HTML comment ({@code <!-- key: value -->}): one line, no {@code <} or {@code >}.
     *
     * @param s any text
     * @return the text, on one line, without angle brackets
     */
    public static String commentText(String s) {
        return oneLine(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Admits catalog markdown meant to sit inside a paragraph or list item: one paragraph holding only
     * text, code spans, emphasis and links to absolute http(s) URLs. Anything else (HTML, fences,
     * headings, lists, images, relative links) is escaped as plain text, so it shows literally and
     * cannot change the card's structure. Continuation lines are prefixed with {@code indent}.
     *
     * @param md catalog markdown
     * @param indent the prefix of continuation lines
     * @return markdown safe to place inline
     */
    public static String inline(String md, String indent) {
        if (!isSafeInline(md)) {
            return escape(md);
        }
        return md.strip().replace("\n", "\n" + indent);
    }

    /**
     * The plain text of catalog markdown (link targets dropped), line breaks kept and indented.
     *
     * @param md catalog markdown
     * @param indent the prefix of continuation lines
     * @return the plain text
     */
    public static String plain(String md, String indent) {
        return PLAIN.computeIfAbsent(indent + "\u0000" + md, k -> toPlain(md, indent));
    }

    private static String toPlain(String md, String indent) {
        if (!isSafeInline(md)) {
            return oneLine(md);
        }
        StringBuilder b = new StringBuilder();
        appendPlain(PARSER.parse(md.strip()).getFirstChild(), b, indent);
        return b.toString();
    }

    private static void appendPlain(Node parent, StringBuilder b, String indent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak) {
                b.append('\n').append(indent);
            } else {
                appendPlain(n, b, indent);
            }
        }
    }

    /** Whether {@code md} parses as one paragraph of text, code spans, emphasis and safe links only. */
    static boolean isSafeInline(String md) {
        return SAFE.computeIfAbsent(md, MarkdownText::judge);
    }

    private static boolean judge(String md) {
        if (md.indexOf('\r') >= 0) {
            return false;
        }
        Node doc = PARSER.parse(md.strip());
        Node first = doc.getFirstChild();
        if (!(doc instanceof Document) || !(first instanceof Paragraph) || first.getNext() != null) {
            return false;
        }
        return onlyInline(first);
    }

    private static boolean onlyInline(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            boolean ok = n instanceof Text || n instanceof Code || n instanceof SoftLineBreak
                    || ((n instanceof Emphasis || n instanceof StrongEmphasis) && onlyInline(n))
                    || (n instanceof Link l && isSafeUrl(l.getDestination()) && l.getTitle() == null && onlyInline(n));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
