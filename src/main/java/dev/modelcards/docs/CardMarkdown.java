package dev.modelcards.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders card markdown (and changelog entries) to HTML with commonmark-java: GFM tables, heading ids,
 * raw HTML escaped and link URLs sanitized, so a catalog string cannot inject markup or script.
 * HTML comments are dropped rather than shown escaped: in tfhub markdown they carry the metadata lines
 * ({@code <!-- dataset: ... -->}), which card pages show in their metadata panel instead. Images become
 * links, so no page loads anything from outside, and headings move one level down under the page's h1. Thread-safe: the parser and renderer are immutable.
 */
public final class CardMarkdown {
    private static final Pattern COMMENT = Pattern.compile("\\A\\s*<!--.*?-->\\s*\\z", Pattern.DOTALL);

    private final Parser parser;
    private final HtmlRenderer renderer;

    /** A renderer whose heading ids have no prefix, like GitHub's and tfhub.dev's. */
    public CardMarkdown() {
        List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.builder().build());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
    }

    /**
     * The HTML of a markdown document.
     *
     * @param markdown a markdown document
     * @return its HTML
     */
    public String render(String markdown) {
        Node doc = parser.parse(markdown);
        clean(doc);
        return renderer.render(doc);
    }

    /**
     * The HTML of a card without its leading level-1 title, for a page whose own h1 names the card already.
     *
     * @param markdown a markdown document
     * @return its HTML, the first heading dropped when it is the document's first block and of level 1
     */
    public String renderWithoutTitle(String markdown) {
        Node doc = parser.parse(markdown);
        if (doc.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        clean(doc);
        return renderer.render(doc);
    }

    private static void clean(Node doc) {
        List<Node> comments = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                if (COMMENT.matcher(block.getLiteral()).matches()) {
                    comments.add(block);
                }
            }

            @Override
            public void visit(HtmlInline inline) {
                if (COMMENT.matcher(inline.getLiteral()).matches()) {
                    comments.add(inline);
                }
            }

            @Override
            public void visit(Heading heading) {
                // the page around the card has its own h1 (the handle): cards start one level down
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        comments.forEach(Node::unlink);
        for (Image image : images) {
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            image.insertBefore(link);
            image.unlink();
        }
    }
}
