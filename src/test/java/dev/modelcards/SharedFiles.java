package dev.modelcards;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared seeds, reference tables and real models beside the checkout; tests skip without them. */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** The shared folder, or a skipped test saying where it was looked for. */
    public static Path require(String sub) {
        Path root = Path.of(System.getProperty("modelcards.shared", "../shared"));
        Path p = root.resolve(sub);
        assumeTrue(Files.exists(p), "shared test material not found at " + p.toAbsolutePath()
                + " (set -Dmodelcards.shared=DIR); skipping");
        return p;
    }
}
