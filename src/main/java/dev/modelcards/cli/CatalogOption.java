package dev.modelcards.cli;

import dev.modelcards.Registry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --catalog DIR} option shared by every command that reads a catalog. */
public final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Catalog folder (default: the catalog bundled in modelcards).")
    Path dir;

    /** Loads the chosen catalog. */
    public Registry registry() {
        return dir == null ? Registry.load() : Registry.load(dir);
    }

    /** The chosen folder, or null for the bundled catalog. */
    public Path dir() {
        return dir;
    }
}
