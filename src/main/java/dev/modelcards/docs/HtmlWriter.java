package dev.modelcards.docs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Builds an HTML document element by element. Text and attribute values are always escaped; tags are
 * closed in order (closing the wrong tag is a bug and throws), so every page this writes is well formed
 * and also parses as XML. Only {@link #trusted} inserts markup as is, for markup this project produced
 * itself (commonmark output with raw HTML escaped, charts).
 */
public final class HtmlWriter {
    /** Elements that have no end tag; written as {@code <br/>} so the page also parses as XML. */
    private static final Set<String> VOID = Set.of("meta", "link", "br", "hr", "img", "input", "col");

    private final StringBuilder out = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();

    /**
     * Opens an element; {@code attrs} alternate name and value, a null value omits the attribute.
     *
     * @param tag the element's name
     * @param attrs attribute names and values, alternating
     * @return this writer
     */
    public HtmlWriter open(String tag, String... attrs) {
        startTag(tag, attrs);
        if (VOID.contains(tag)) {
            out.setLength(out.length() - 1);
            out.append("/>");
        } else {
            open.push(tag);
        }
        return this;
    }

    /**
     * Closes the innermost open element, which must be {@code tag}.
     *
     * @param tag the element's name
     * @return this writer
     */
    public HtmlWriter close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + top + "> is open");
        }
        out.append("</").append(tag).append('>');
        if (isBlock(tag)) {
            out.append('\n');
        }
        return this;
    }

    /**
     * An element with only text inside.
     *
     * @param tag the element's name
     * @param text the text inside, escaped
     * @param attrs attribute names and values, alternating
     * @return this writer
     */
    public HtmlWriter element(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /**
     * Escaped text.
     *
     * @param text any text
     * @return this writer
     */
    public HtmlWriter text(String text) {
        out.append(Html.escape(text));
        return this;
    }

    /**
     * Markup produced by this project (never catalog text): inserted as is.
     *
     * @param markup well-formed HTML
     * @return this writer
     */
    public HtmlWriter trusted(String markup) {
        out.append(markup);
        return this;
    }

    /** {@return the document so far; every opened element must be closed} */
    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void startTag(String tag, String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs: " + String.join(",", attrs));
        }
        out.append('<').append(tag);
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("=\"").append(Html.escape(attrs[i + 1])).append('"');
            }
        }
        out.append('>');
    }

    private static boolean isBlock(String tag) {
        return switch (tag) {
            case "p", "div", "section", "article", "aside", "table", "thead", "tbody", "tr", "ul", "ol", "li",
                 "header", "footer", "main", "nav", "head", "body", "html", "h1", "h2", "h3", "dl", "figure",
                 "script", "style", "title", "form", "details" -> true;
            default -> false;
        };
    }
}
