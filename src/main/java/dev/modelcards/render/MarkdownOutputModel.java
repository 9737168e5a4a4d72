package dev.modelcards.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of markdown that is already safe to insert as-is (see {@link MarkdownOutputFormat}). */
public final class MarkdownOutputModel extends CommonTemplateMarkupOutputModel<MarkdownOutputModel> {
    MarkdownOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
        return MarkdownOutputFormat.INSTANCE;
    }
}
