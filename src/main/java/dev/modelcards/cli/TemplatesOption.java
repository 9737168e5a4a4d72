package dev.modelcards.cli;

import dev.modelcards.render.TemplateEngine;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --templates DIR} option shared by every command that renders cards. */
public final class TemplatesOption {
    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates folder (default: the templates bundled in modelcards).")
    Path dir;

    /** The chosen templates. */
    public TemplateEngine engine() {
        return dir == null ? TemplateEngine.bundled() : TemplateEngine.fromDirectory(dir);
    }
}
