package dev.modelcards.render;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for CommonMark: every {@code ${...}} in a markdown template is escaped with
 * {@link MarkdownText#escape}, so a catalog string can never open a heading, list, link, code span,
 * HTML tag or fence. Values that must stay markdown go through the {@code fmt} helpers, which validate
 * them and return already-safe markup.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputModel> {
    /** The single instance, registered under the name {@code markdown}. */
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return MarkdownText.escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected MarkdownOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new MarkdownOutputModel(plainTextContent, markupContent);
    }
}
