package dev.modelcards.render;

/**
 * The renderings modelcards writes, each a template set chosen by name. Markdown renderings are
 * auto-escaped with {@link MarkdownOutputFormat}; the text rendering is plain text.
 */
public enum Rendering {
    /** The tfhub.dev markdown card, one per handle and version. */
    TFHUB("tfhub", "tfhub/card.ftl", Syntax.MARKDOWN),
    /** One AI Hub entry as a document of its own, one per handle and version. */
    AIHUB("aihub", "aihub/card.ftl", Syntax.MARKDOWN),
    /** The AI Hub listing: every card with an AI Hub id, numbered, in one document. */
    AIHUB_LISTING("aihub", "aihub/listing.ftl", Syntax.MARKDOWN),
    /** The plain-text page, one per handle and version. */
    TEXT("text", "text/card.ftl", Syntax.PLAIN),
    /** The markdown index of every variant with its latest version and metrics. */
    INDEX("index", "index/index.ftl", Syntax.MARKDOWN);

    private final String set;
    private final String template;
    private final Syntax syntax;

    Rendering(String set, String template, Syntax syntax) {
        this.set = set;
        this.template = template;
        this.syntax = syntax;
    }

    /** The template set's name, as {@code generate --format} takes it. */
    public String set() {
        return set;
    }

    /** The main template, relative to the templates folder. */
    public String template() {
        return template;
    }

    /** Markdown or plain text. */
    public Syntax syntax() {
        return syntax;
    }
}
