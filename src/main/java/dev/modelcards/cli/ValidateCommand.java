package dev.modelcards.cli;

import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.PublisherRules;
import dev.modelcards.render.RenderException;
import java.util.List;
import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.Diagnostic;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code modelcards validate}: reports every problem in a catalog, exit 1 if there is any error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a catalog and report every problem as file:line:column: error: message.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    /** The templates whose cards are checked against tfhub.dev's rules. */
    @Mixin
    TemplatesOption templates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = catalog.dir();
        spec.commandLine().getErr().println("catalog: " + (dir == null ? "bundled with modelcards" : dir));
        CatalogLoader.Result result = dir == null ? new CatalogLoader.Result(CatalogLoader.loadBundled(), List.of())
                : CatalogLoader.check(dir);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        result.diagnostics().forEach(d -> (d.severity() == Diagnostic.Severity.ERROR ? err : out).println(d));
        if (!result.ok()) {
            long errors = result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            err.println(errors + " error(s) in " + dir);
            return 1;
        }
        Registry registry = Registry.of(result.catalog());
        // The rendered cards must pass the publisher's own validator (tools/validator.py of tfhub.dev).
        CardRenderer renderer = new CardRenderer(registry, templates.engine());
        List<Diagnostic> rejected;
        try {
            rejected = PublisherRules.check(renderer);
        } catch (RenderException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (!rejected.isEmpty()) {
            rejected.forEach(err::println);
            err.println(rejected.size() + " error(s): cards tfhub.dev's validator would reject");
            return 1;
        }
        out.println(summary(registry));
        return 0;
    }

    /**
     * The success line, every count derived from the registry: {@code ok: 2 families, 108 variants
     * (32 quantized), 412 models, 196 deployment cards}.
     */
    static String summary(Registry registry) {
        long quantized = registry.variants().stream().filter(v -> v.isQuantized()).count();
        return "ok: " + registry.catalog().families().size() + " families, " + registry.variants().size() + " variants"
                + (quantized == 0 ? "" : " (" + quantized + " quantized)") + ", " + registry.models().size() + " models, "
                + registry.deployments().size() + " deployment cards";
    }
}
