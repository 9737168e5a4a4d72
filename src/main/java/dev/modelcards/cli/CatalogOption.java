package dev.modelcards.cli;

import dev.modelcards.Registry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog DIR} option shared by every command that reads a catalog. Without it, the project's
 * {@code catalog/} (see {@link Project}), else the catalog bundled in modelcards; the command says on
 * stderr which one it read.
 */
public final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Catalog folder (default: catalog/ of the modelcards project around the current folder, "
                    + "else the catalog bundled in modelcards).")
    Path dir;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** {@return a registry of the chosen catalog} Names the catalog on stderr. */
    public Registry registry() {
        Path chosen = dir();
        if (mixee != null) {
            mixee.commandLine().getErr().println("catalog: " + (chosen == null ? "bundled with modelcards" : chosen));
        }
        return chosen == null ? Registry.load() : Registry.load(chosen);
    }

    /** {@return the folder read: the option, else the project's catalog, or null for the bundled catalog} */
    public Path dir() {
        return dir != null ? dir : Project.current().catalog().orElse(null);
    }
}
