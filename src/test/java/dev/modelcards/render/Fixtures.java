package dev.modelcards.render;

import dev.modelcards.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The catalog and templates of this checkout, and the shared seeds when they are present. */
public final class Fixtures {
    private static Registry registry;

    private Fixtures() {
    }

    /** The working-tree catalog (loaded once). */
    public static synchronized Registry registry() {
        if (registry == null) {
            registry = Registry.load(Path.of("catalog"));
        }
        return registry;
    }

    /** A renderer with the working-tree templates. */
    public static CardRenderer renderer() {
        return new CardRenderer(registry(), TemplateEngine.fromDirectory(Path.of("templates")));
    }

    /**
     * A copy of the working-tree templates in a new folder under {@code dir}, for tests that edit templates.
     *
     * @param dir where to make the copy
     * @return the copy's folder
     */
    public static Path copyTemplates(Path dir) throws IOException {
        Path src = Path.of("templates");
        Path dst = Files.createTempDirectory(dir, "templates");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.sorted().toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    /** The seed whose name starts with {@code prefix} (e.g. {@code 002_}); skips the test without the shared folder. */
    public static String seed(String prefix) {
        Path dir = Path.of(System.getProperty("modelcards.shared", "../shared")).resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared seeds not found at " + dir.toAbsolutePath()
                + " (set -Dmodelcards.shared); golden comparison skipped");
        try (Stream<Path> s = Files.list(dir)) {
            Path p = s.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            Assumptions.assumeTrue(p != null, "no seed " + prefix + "* in " + dir + "; skipped");
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
