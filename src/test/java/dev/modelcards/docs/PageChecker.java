package dev.modelcards.docs;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * A strict check of generated pages: each must parse as XML (so every element is closed and every
 * character escaped), be an {@code html} document with a language, a title and one {@code h1}, have
 * unique ids, load nothing from outside (no external or any {@code src} scripts, relative stylesheets),
 * carry no event-handler attributes or {@code javascript:} URLs, and every relative link must lead to
 * an existing file (and fragment). Returns every problem found, as {@code page: problem}.
 */
final class PageChecker {
    private final Path root;
    private final DocumentBuilder builder;
    private final Map<Path, Set<String>> idsByPage = new HashMap<>();

    PageChecker(Path root) throws Exception {
        this.root = root;
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        this.builder = f.newDocumentBuilder();
        this.builder.setErrorHandler(null);
    }

    /** Every problem in every {@code .html} file under the root. */
    List<String> checkAll() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(root)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        Map<Path, Document> docs = new HashMap<>();
        for (Path p : pages) {
            try {
                Document d = builder.parse(new InputSource(new StringReader(Files.readString(p))));
                docs.put(p, d);
                idsByPage.put(p.normalize(), ids(d, p, problems));
            } catch (SAXParseException e) {
                problems.add(root.relativize(p) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            } catch (Exception e) {
                problems.add(root.relativize(p) + ": " + e);
            }
        }
        for (Path p : pages) {
            if (docs.containsKey(p)) {
                checkPage(p, docs.get(p), problems);
            }
        }
        return problems;
    }

    private Set<String> ids(Document d, Path page, List<String> problems) {
        Set<String> ids = new HashSet<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id") && !ids.add(e.getAttribute("id"))) {
                problems.add(root.relativize(page) + ": duplicate id '" + e.getAttribute("id") + "'");
            }
        }
        return ids;
    }

    private void checkPage(Path page, Document d, List<String> problems) {
        String name = root.relativize(page).toString();
        Element html = d.getDocumentElement();
        if (!html.getTagName().equals("html") || html.getAttribute("lang").isEmpty()) {
            problems.add(name + ": root must be <html lang=...>");
        }
        if (d.getElementsByTagName("title").getLength() < 1
                || d.getElementsByTagName("title").item(0).getTextContent().isBlank()) {
            problems.add(name + ": no title");
        }
        if (d.getElementsByTagName("h1").getLength() != 1) {
            problems.add(name + ": expected exactly one h1, found " + d.getElementsByTagName("h1").getLength());
        }
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                String attr = attrs.item(a).getNodeName().toLowerCase();
                String value = attrs.item(a).getNodeValue();
                if (attr.startsWith("on")) {
                    problems.add(name + ": event handler attribute " + attr + " on <" + e.getTagName() + ">");
                }
                if (value.strip().toLowerCase().startsWith("javascript:")) {
                    problems.add(name + ": javascript: URL in " + attr);
                }
            }
            String tag = e.getTagName();
            if (tag.equals("script") && e.hasAttribute("src")) {
                problems.add(name + ": external script " + e.getAttribute("src"));
            }
            for (String attr : List.of("src", "href")) {
                if (!e.hasAttribute(attr)) {
                    continue;
                }
                String url = e.getAttribute(attr);
                boolean absolute = url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("//");
                if (absolute) {
                    if (!tag.equals("a") || !url.matches("^https?://.*")) {
                        problems.add(name + ": <" + tag + " " + attr + "> must be relative (or an http(s) link): " + url);
                    }
                    continue;
                }
                checkRelative(page, name, tag, url, problems);
            }
        }
    }

    private void checkRelative(Path page, String name, String tag, String url, List<String> problems) {
        if (url.startsWith("/")) {
            problems.add(name + ": <" + tag + "> link is root-relative, breaks on file://: " + url);
            return;
        }
        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        int q = url.indexOf('?');
        if (q >= 0) {
            url = url.substring(0, q);
        }
        Path target = url.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(url, StandardCharsets.UTF_8)).normalize();
        if (!target.startsWith(root.getParent() == null ? root : root.getParent())) {
            problems.add(name + ": link leaves the site: " + url);
        } else if (!Files.exists(target)) {
            // links above the models folder (the project's own pages) exist only in a full mvn site build
            if (target.startsWith(root)) {
                problems.add(name + ": broken link " + url);
            }
        } else if (fragment != null && !fragment.isEmpty() && idsByPage.containsKey(target)
                && !idsByPage.get(target).contains(fragment)) {
            problems.add(name + ": link to missing fragment #" + fragment + " in " + url);
        }
    }
}
