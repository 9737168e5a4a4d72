package dev.modelcards.cli;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.onnx.Selection;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which models {@code export} and {@code verify} work on, and where fresh reference models are cached. */
public final class ModelSelectionOptions {
    @Option(names = "--cache", paramLabel = "DIR",
            description = "Where freshly exported reference models are cached by content hash (default: "
                    + "target/modelcards-models of the modelcards project around the current folder, else "
                    + "~/.cache/modelcards/models).")
    Path cache;

    /** The cache folder: the option, else the project's target/modelcards-models, else the user's cache. */
    Path cache() {
        return cache != null ? cache : Project.current().output("target/modelcards-models", Project.userCache().resolve("models"));
    }

    @Parameters(paramLabel = "HANDLE_OR_FILTER", arity = "0..*",
            description = "Handles, URLs or filters (glob or substring of the handle, e.g. quantops); default: every model.")
    List<String> filters;

    /** The published models the filters select (all of them without filters). */
    List<ModelVersion> select(Registry registry) {
        return Selection.select(registry, filters);
    }

    /** The published models and deployment child cards the filters select (all of both without filters). */
    Selection.Picked pick(Registry registry) {
        return Selection.pick(registry, filters);
    }

    /** Whether any handle or filter was given. */
    boolean hasFilters() {
        return filters != null && !filters.isEmpty();
    }
}
