package dev.modelcards.render;

/**
 * The renderings modelcards writes, each described once: its template set, main template, the template
 * of deployment child cards (TF.js) where it has them, its syntax, and whether it follows the
 * publisher's dated history. Markdown renderings are auto-escaped with {@link MarkdownOutputFormat}; the
 * text rendering is plain text.
 */
public enum Rendering {
    /**
     * The tfhub.dev markdown card, one per handle and version, plus the TF.js child cards; by default
     * the publisher's final revision, or any earlier one with an as-of date.
     */
    TFHUB("tfhub", ".md", "tfhub/card.ftl", "tfhub/tfjs.ftl", Syntax.MARKDOWN, true),
    /** One AI Hub entry as a document of its own, one per handle and version, as AI Hub published it. */
    AIHUB("aihub", ".md", "aihub/card.ftl", null, Syntax.MARKDOWN, false),
    /** The AI Hub listing: every card with an AI Hub id, numbered, in one document. */
    AIHUB_LISTING("aihub", ".md", "aihub/listing.ftl", null, Syntax.MARKDOWN, false),
    /** The plain-text page, one per handle and version (and TF.js child), as the cards first read. */
    TEXT("text", ".txt", "text/card.ftl", "text/tfjs.ftl", Syntax.PLAIN, false),
    /** The markdown index of every variant with its latest version and metrics. */
    INDEX("index", ".md", "index/index.ftl", null, Syntax.MARKDOWN, false);

    private final String set;
    private final String extension;
    private final String template;
    private final String childTemplate;
    private final Syntax syntax;
    private final boolean followsHistory;

    Rendering(String set, String extension, String template, String childTemplate, Syntax syntax, boolean followsHistory) {
        this.set = set;
        this.extension = extension;
        this.template = template;
        this.childTemplate = childTemplate;
        this.syntax = syntax;
        this.followsHistory = followsHistory;
    }

    /** {@return the template of deployment child cards (TF.js), or null where this rendering has none} */
    public String childTemplate() {
        return childTemplate;
    }

    /**
     * Whether this rendering follows the publisher's dated edits (catalog.yaml {@code history:}). The
     * others show the cards as first published, before the publisher's repository (AI Hub's copies, the
     * text pages).
     *
     * @return whether it follows the publisher's history
     */
    public boolean followsHistory() {
        return followsHistory;
    }

    /** {@return the file name extension of its documents ({@code .md}, {@code .txt})} */
    public String extension() {
        return extension;
    }

    /** {@return the template set's name, as {@code generate --format} takes it, and the site folder of its cards} */
    public String set() {
        return set;
    }

    /** {@return the main template, relative to the templates folder} */
    public String template() {
        return template;
    }

    /** {@return the syntax of its documents: markdown or plain text} */
    public Syntax syntax() {
        return syntax;
    }
}
