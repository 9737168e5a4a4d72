package dev.modelcards.render;

import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fmt} helpers a template calls where a value is not plain prose: code spans, URLs,
 * catalog markdown, HTML-comment text and line wrapping. One set writes markdown, the other plain text,
 * so the shared card fragments read the same in both renderings.
 */
public enum Syntax {
    /** Markdown: helpers return markup that auto-escaping leaves alone. */
    MARKDOWN,
    /** Plain text: helpers return the text a reader sees. */
    PLAIN;

    /** {@return the helpers as a hash of template functions} */
    public Map<String, TemplateModel> helpers() {
        Map<String, TemplateModel> m = new LinkedHashMap<>();
        m.put("code", fn(1, 1, a -> out(this == MARKDOWN ? MarkdownText.codeSpan(str(a, 0)) : MarkdownText.oneLine(str(a, 0)))));
        m.put("url", fn(1, 1, a -> {
            String u = str(a, 0);
            if (!MarkdownText.isSafeUrl(u)) {
                throw new TemplateModelException("not an absolute http(s) URL a card can print safely: \"" + u + "\"");
            }
            return out(u);
        }));
        m.put("inline", fn(1, 2, a -> {
            String indent = a.size() > 1 ? str(a, 1) : "";
            return out(this == MARKDOWN ? MarkdownText.inline(str(a, 0), indent) : MarkdownText.plain(str(a, 0), indent));
        }));
        // Catalog markdown of several paragraphs: each must be safe inline markdown on its own.
        m.put("paragraphs", fn(1, 1, a -> {
            List<String> out = new java.util.ArrayList<>();
            for (String para : str(a, 0).strip().split("\n[ \t]*\n")) {
                out.add(this == MARKDOWN ? MarkdownText.inline(para, "") : MarkdownText.plain(para, ""));
            }
            return out(String.join("\n\n", out));
        }));
        m.put("path", fn(1, 1, a -> {
            String p = str(a, 0);
            if (!p.matches("[a-z0-9_-]+(/[a-z0-9_.-]+)*") || p.contains("..")) {
                throw new TemplateModelException("not a safe relative path inside the site: \"" + p + "\"");
            }
            return out(p);
        }));
        m.put("comment", fn(1, 1, a -> out(MarkdownText.commentText(str(a, 0)))));
        m.put("escapeAll", fn(1, 1, a -> out(this == MARKDOWN ? MarkdownText.escapeAll(str(a, 0)) : str(a, 0))));
        m.put("wrap", fn(4, 4, a -> out(Wrap.greedy(str(a, 0),
                ((TemplateNumberModel) a.get(1)).getAsNumber().intValue(), str(a, 2), str(a, 3)))));
        return Map.copyOf(m);
    }

    private TemplateModel out(String s) throws TemplateModelException {
        return this == MARKDOWN ? MarkdownOutputFormat.INSTANCE.fromMarkup(s) : new SimpleScalar(s);
    }

    /** A string argument; markup (a captured block of the template) is taken as its markup text. */
    private static String str(List<?> args, int i) throws TemplateModelException {
        Object a = args.get(i);
        if (a instanceof TemplateMarkupOutputModel<?> mo) {
            return markup(mo);
        }
        if (a instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        throw new TemplateModelException("argument " + (i + 1) + " must be a string, not " + a);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String markup(TemplateMarkupOutputModel mo) throws TemplateModelException {
        return mo.getOutputFormat().getMarkupString(mo);
    }

    private interface Body {
        TemplateModel apply(List<?> args) throws TemplateModelException;
    }

    private static TemplateMethodModelEx fn(int min, int max, Body body) {
        return args -> {
            if (args.size() < min || args.size() > max) {
                throw new TemplateModelException("expects " + min + (max > min ? " to " + max : "") + " arguments, got " + args.size());
            }
            for (Object a : args) {
                if (a == null) {
                    throw new TemplateModelException("missing value passed to a fmt helper (the catalog has no such entry)");
                }
            }
            return body.apply(args);
        };
    }
}
