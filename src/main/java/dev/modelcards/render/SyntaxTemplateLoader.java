package dev.modelcards.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;

/**
 * Serves every template under two virtual roots, {@code markdown/} and {@code plain/}, from the same
 * folder. The engine configures the output format by root, so a shared fragment such as
 * {@code lib/card.ftl} is compiled once with markdown auto-escaping (when a markdown rendering includes
 * it by a relative path) and once as plain text, instead of existing as two copies.
 */
final class SyntaxTemplateLoader implements TemplateLoader {
    static final String MARKDOWN_ROOT = "markdown/";
    static final String PLAIN_ROOT = "plain/";

    private final TemplateLoader base;

    SyntaxTemplateLoader(TemplateLoader base) {
        this.base = base;
    }

    /** The virtual name of a template for one syntax. */
    static String virtualName(Syntax syntax, String template) {
        return (syntax == Syntax.MARKDOWN ? MARKDOWN_ROOT : PLAIN_ROOT) + template;
    }

    /** The real name, relative to the templates folder, as shown in messages. */
    static String realName(String virtualName) {
        if (virtualName == null) {
            return "?";
        }
        if (virtualName.startsWith(MARKDOWN_ROOT)) {
            return virtualName.substring(MARKDOWN_ROOT.length());
        }
        if (virtualName.startsWith(PLAIN_ROOT)) {
            return virtualName.substring(PLAIN_ROOT.length());
        }
        return virtualName;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        if (!name.startsWith(MARKDOWN_ROOT) && !name.startsWith(PLAIN_ROOT)) {
            return null;
        }
        return base.findTemplateSource(realName(name));
    }

    @Override
    public long getLastModified(Object templateSource) {
        return base.getLastModified(templateSource);
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        return base.getReader(templateSource, encoding);
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        base.closeTemplateSource(templateSource);
    }
}
