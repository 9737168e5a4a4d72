package dev.modelcards.docs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Links between pages and to the outside. Pages link to each other only by relative paths, so the site
 * works from a {@code file://} URL and on any static host; links to the outside taken from the catalog
 * are kept only when they are plain {@code http(s)} URLs, so a catalog string cannot become a
 * {@code javascript:} link.
 */
public final class Links {
    private Links() {
    }

    /**
     * The relative href from the page at {@code from} to {@code to}, both paths relative to the same
     * root with {@code /} separators (e.g. {@code families/mobilenet_v2.html} to {@code index.html}
     * gives {@code ../index.html}).
     *
     * @param from the linking page's path
     * @param to the linked path
     * @return the relative href
     */
    public static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        // only directories count as common: the last segment of "from" is the page itself
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder r = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            r.append("../");
        }
        for (int i = common; i < b.length; i++) {
            r.append(b[i]);
            if (i < b.length - 1) {
                r.append('/');
            }
        }
        return r.toString();
    }

    /**
     * The URL if it is an absolute {@code http} or {@code https} URL with a host and nothing a browser
     * would treat as markup or script; empty otherwise.
     *
     * @param url a URL from the catalog
     * @return the URL, or empty when it is not safe to link
     */
    public static Optional<String> external(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '<' || c == '>'
                || c == '\\' || c == '`' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // not a URL: no link
        }
        return Optional.empty();
    }
}
