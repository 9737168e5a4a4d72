package dev.modelcards.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** What commonmark-java reads in a generated document: headings, links, code blocks, HTML, text. */
final class Outline {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    final List<String> headings = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    final List<FencedCodeBlock> fences = new ArrayList<>();
    final List<String> htmlBlocks = new ArrayList<>();
    int indentedCode;
    int htmlInline;
    int images;
    final StringBuilder text = new StringBuilder();
    final Node document;

    Outline(String markdown) {
        document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading h) {
                headings.add("h" + h.getLevel() + " " + textOf(h));
                visitChildren(h);
            }

            @Override
            public void visit(Link l) {
                links.add(l.getDestination());
                visitChildren(l);
            }

            @Override
            public void visit(FencedCodeBlock f) {
                fences.add(f);
            }

            @Override
            public void visit(IndentedCodeBlock c) {
                indentedCode++;
            }

            @Override
            public void visit(HtmlBlock b) {
                htmlBlocks.add(b.getLiteral());
            }

            @Override
            public void visit(HtmlInline h) {
                htmlInline++;
            }

            @Override
            public void visit(Image i) {
                images++;
            }

            @Override
            public void visit(Text t) {
                text.append(t.getLiteral()).append(' ');
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral()).append(' ');
            }
        });
    }

    static String textOf(Node n) {
        StringBuilder b = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                b.append(c.getLiteral());
            }
        });
        return b.toString();
    }
}
