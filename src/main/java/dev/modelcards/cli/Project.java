package dev.modelcards.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The modelcards project a command runs in: the nearest folder, from the current one upwards, that holds
 * {@code catalog/catalog.yaml}. Every command resolves its catalog, templates and default output folders
 * against it, so a command run from a subfolder reads the same catalog and writes to the same places as
 * from the top, and an edit to {@code catalog/} is seen without a rebuild. Outside a project, commands read
 * the catalog and templates bundled in modelcards and keep caches in the user's cache folder, never in
 * whatever folder the user stands in.
 */
final class Project {
    private static final String MARKER = "catalog/catalog.yaml";
    private final Path root;

    private Project(Path root) {
        this.root = root;
    }

    /** The project around the current folder ({@code user.dir}), if any. */
    static Project current() {
        return around(Path.of(System.getProperty("user.dir")));
    }

    /** The project around {@code dir}: the nearest folder from it upwards that holds catalog/catalog.yaml. */
    static Project around(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(MARKER))) {
                return new Project(p);
            }
        }
        return new Project(null);
    }

    /** The project's top folder, if the command runs inside one. */
    Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** The project's catalog folder, if any. */
    Optional<Path> catalog() {
        return root().map(r -> r.resolve("catalog"));
    }

    /** The project's templates folder, if it has one. */
    Optional<Path> templates() {
        return root().map(r -> r.resolve("templates")).filter(Files::isDirectory);
    }

    /**
     * A default output path: {@code relative} inside the project, or {@code fallback} (a user-level folder)
     * outside one; null when there is no sensible default outside a project.
     */
    Path output(String relative, Path fallback) {
        return root != null ? root.resolve(relative) : fallback;
    }

    /** The user's cache folder for modelcards ({@code $XDG_CACHE_HOME/modelcards} or {@code ~/.cache/modelcards}). */
    static Path userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("modelcards");
    }
}
