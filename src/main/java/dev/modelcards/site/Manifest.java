package dev.modelcards.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The list of files {@code generate} owns inside a site folder ({@value SiteLayout#MANIFEST}): one
 * relative path per line, sorted. Only files listed here are ever replaced without question or removed.
 */
final class Manifest {
    static final String HEADER = "# Files written by `modelcards generate`; it removes only files listed here.";

    private Manifest() {
    }

    /** The owned paths; empty when there is no manifest yet. */
    static SortedSet<String> read(Path site) throws IOException {
        Path file = site.resolve(SiteLayout.MANIFEST);
        SortedSet<String> out = new TreeSet<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!SiteLayout.isSafePath(line)) {
                    throw new SiteException(file + ":" + n + ": error: manifest entry '" + line
                            + "' is not a safe relative path; fix or delete the manifest");
                }
                out.add(line);
            }
        } catch (NoSuchFileException e) {
            return Collections.emptySortedSet();
        }
        return out;
    }

    /** The manifest's bytes for a set of owned paths. */
    static byte[] format(SortedSet<String> paths) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        paths.forEach(p -> b.append(p).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
