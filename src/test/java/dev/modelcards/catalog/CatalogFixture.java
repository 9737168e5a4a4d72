package dev.modelcards.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the real catalog in a temporary folder, edited per test to inject one problem. */
public final class CatalogFixture {
    /** The real catalog folder of this checkout. */
    public static final Path REAL = Path.of("catalog");

    private final Path dir;

    private CatalogFixture(Path dir) {
        this.dir = dir;
    }

    /** Copies the real catalog into {@code tmp}. */
    public static CatalogFixture copy(Path tmp) {
        try (Stream<Path> files = Files.list(REAL)) {
            for (Path p : files.toList()) {
                Files.copy(p, tmp.resolve(p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogFixture(tmp);
    }

    public Path dir() {
        return dir;
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CatalogFixture write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces the first occurrence of {@code from}, failing if it is absent (a stale fixture). */
    public CatalogFixture replace(String file, String from, String to) {
        String text = read(file);
        int i = text.indexOf(from);
        if (i < 0) {
            throw new AssertionError("fixture text not found in " + file + ": " + from);
        }
        return write(file, text.substring(0, i) + to + text.substring(i + from.length()));
    }

    /** {@code file:line:column} of the first occurrence of {@code needle} in the (edited) file. */
    public String pos(String file, String needle) {
        String text = read(file);
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new AssertionError("not found in " + file + ": " + needle);
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return dir.resolve(file) + ":" + line + ":" + (i - lineStart + 1);
    }

    public CatalogLoader.Result check() {
        return CatalogLoader.check(dir);
    }

    /** The rendered diagnostics of a check. */
    public List<String> problems() {
        return check().diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
