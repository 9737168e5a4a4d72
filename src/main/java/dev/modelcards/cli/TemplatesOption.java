package dev.modelcards.cli;

import dev.modelcards.render.TemplateEngine;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --templates DIR} option shared by every command that renders cards. */
public final class TemplatesOption {
    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates folder (default: templates/ of the modelcards project around the current folder, "
                    + "else the templates bundled in modelcards).")
    Path dir;

    /** {@return the chosen templates: the option, else the project's, else the bundled ones} */
    public TemplateEngine engine() {
        Path d = dir != null ? dir : Project.current().templates().orElse(null);
        return d == null ? TemplateEngine.bundled() : TemplateEngine.fromDirectory(d);
    }
}
