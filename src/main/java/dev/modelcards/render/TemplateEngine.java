package dev.modelcards.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.PathGlobMatcher;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker, configured strictly and safely, and the one place templates are run.
 *
 * <ul>
 *   <li>A missing value is an error, reported with template, line, column and the catalog entry being
 *       rendered ({@link RenderException}); nothing is ever printed as an empty string by default.</li>
 *   <li>The data model holds only maps, lists, strings, numbers and booleans
 *       ({@link SimpleObjectWrapper}); {@code ?api} and {@code ?new} are disabled, so templates cannot
 *       reach Java classes.</li>
 *   <li>Markdown templates auto-escape with {@link MarkdownOutputFormat}; {@code *.ftlh} templates with
 *       HTML escaping; text templates are plain text.</li>
 *   <li>UTF-8 in and out, root locale, UTC, computer number format; output lines end in {@code \n}.</li>
 * </ul>
 */
public final class TemplateEngine {
    /** Where the templates bundled in the jar live. */
    public static final String BUNDLED_ROOT = "modelcards/templates";

    private final Configuration cfg;
    private final String displayRoot;

    /** {@return the templates folder as messages name it ({@code templates}, or the bundled location)} */
    public String displayRoot() {
        return displayRoot;
    }

    private final Path dir;
    private volatile byte[] fingerprint;

    private TemplateEngine(TemplateLoader loader, String displayRoot, Path dir) {
        this.displayRoot = displayRoot;
        this.dir = dir;
        this.cfg = configure(new SyntaxTemplateLoader(loader));
    }

    /** {@return the templates bundled in the jar} */
    public static TemplateEngine bundled() {
        return new TemplateEngine(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), BUNDLED_ROOT), "templates", null);
    }

    /**
     * A digest of the templates' sources, for {@link RenderKey}: every file of the templates folder, or a
     * constant for the bundled ones (which change only with the jar, itself part of every key).
     *
     * @return the digest
     */
    public byte[] fingerprint() {
        byte[] f = fingerprint;
        if (f == null) {
            f = dir == null ? "bundled templates".getBytes(java.nio.charset.StandardCharsets.UTF_8) : RenderKey.folder(dir);
            fingerprint = f;
        }
        return f;
    }

    /**
     * The templates in {@code dir}.
     *
     * @param dir the templates folder
     * @return an engine reading templates from it
     */
    public static TemplateEngine fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RenderException(dir + ": error: templates folder not found");
        }
        try {
            return new TemplateEngine(new FileTemplateLoader(dir.toFile()), dir.toString(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Configuration configure(TemplateLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(loader);
        c.setLocalizedLookup(false);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("c");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        c.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        c.setRecognizeStandardFileExtensions(true);
        c.setWhitespaceStripping(true);
        c.setCacheStorage(new StrongCacheStorage());
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        TemplateConfiguration markdown = new TemplateConfiguration();
        markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        TemplateConfiguration plain = new TemplateConfiguration();
        plain.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new PathGlobMatcher(SyntaxTemplateLoader.MARKDOWN_ROOT + "**"), markdown),
                new ConditionalTemplateConfigurationFactory(new PathGlobMatcher(SyntaxTemplateLoader.PLAIN_ROOT + "**"), plain))
                .allowNoMatch(true));
        return c;
    }

    /**
     * Runs one rendering's template on a data model. The {@code fmt} helpers of the rendering's syntax
     * are added to the model.
     *
     * @param r the rendering, which names the template and syntax
     * @param model the data model
     * @param entry what is being rendered, for messages, e.g. {@code google/.../4 from catalog/mobilenet_v2.yaml:95:5}
     * @return the rendered text
     * @throws RenderException naming template, line and entry
     */
    public String render(Rendering r, Map<String, Object> model, String entry) {
        return render(r.syntax(), r.template(), model, entry);
    }

    /** Runs any template of the folder with one syntax's helpers; see {@link #render(Rendering, Map, String)}. */
    String render(Syntax syntax, String template, Map<String, Object> model, String entry) {
        Map<String, Object> root = new java.util.LinkedHashMap<>(model);
        root.put("fmt", syntax.helpers());
        String name = SyntaxTemplateLoader.virtualName(syntax, template);
        Template t;
        try {
            t = cfg.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new RenderException(displayRoot + "/" + template + ": error: template not found (rendering " + entry + ")");
        } catch (ParseException e) {
            throw doesNotParse(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter out = new StringWriter();
        try {
            t.process(root, out);
        } catch (TemplateException e) {
            ParseException included = parseCause(e);
            if (included != null) {
                // an included template that does not parse: its own file and line, not the include's (FreeMarker
                // words the second and later attempts as "an error loading the template on an earlier attempt")
                throw doesNotParse(included);
            }
            throw new RenderException(where(e) + ": error: " + what(e) + sourceLine(e) + " (rendering " + entry + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = out.toString();
        if (s.indexOf('\r') >= 0) {
            throw new RenderException(displayRoot + "/" + template + ": error: output contains a carriage return;"
                    + " templates must use \\n line endings (rendering " + entry + ")");
        }
        return s;
    }

    private RenderException doesNotParse(ParseException e) {
        return new RenderException(displayRoot + "/" + SyntaxTemplateLoader.realName(e.getTemplateName()) + ":"
                + e.getLineNumber() + ":" + e.getColumnNumber() + ": error: template does not parse: "
                + firstLine(e.getEditorMessage()), e);
    }

    private static ParseException parseCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ParseException p) {
                return p;
            }
        }
        return null;
    }

    private String where(TemplateException e) {
        return displayRoot + "/" + SyntaxTemplateLoader.realName(e.getTemplateSourceName()) + ":" + e.getLineNumber()
                + ":" + e.getColumnNumber();
    }

    /** The instruction that failed, as FreeMarker quotes it: the blamed expression alone is not always known. */
    private static String sourceLine(TemplateException e) {
        String stack = e.getFTLInstructionStack();
        if (stack == null) {
            return "";
        }
        int at = stack.indexOf("Failed at: ");
        if (at < 0) {
            return "";
        }
        int end = stack.indexOf("  [in template", at);
        int eol = stack.indexOf('\n', at);
        int stop = end >= 0 ? end : eol >= 0 ? eol : stack.length();
        return " at `" + stack.substring(at + "Failed at: ".length(), stop).strip() + "`";
    }

    private static String what(TemplateException e) {
        if (e instanceof InvalidReferenceException) {
            return "missing value " + e.getBlamedExpressionString() + " (the catalog has no such entry; add it or test it with ??)";
        }
        String msg = e.getMessageWithoutStackTop();
        Throwable cause = e.getCause();
        if (cause instanceof freemarker.template.TemplateModelException tme && tme.getMessage() != null) {
            msg = tme.getMessage();
        }
        String blamed = e.getBlamedExpressionString();
        return firstLine(msg) + (blamed != null && !msg.contains(blamed) ? " in " + blamed : "");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int cut = t.indexOf("\n----");
        if (cut >= 0) {
            t = t.substring(0, cut);
        }
        return t.replaceAll("\\s*\\n\\s*", " ");
    }
}
