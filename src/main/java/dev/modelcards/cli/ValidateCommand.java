package dev.modelcards.cli;

import dev.modelcards.catalog.Specs;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.site.UncheckedCards;
import dev.modelcards.render.PublisherRules;
import dev.modelcards.render.RenderException;
import java.util.List;
import dev.modelcards.Registry;
import dev.modelcards.json.RegistryJson;
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

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:column: error: message lines) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    /** How problems are printed. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = catalog.dir();
        spec.commandLine().getErr().println("catalog: " + (dir == null ? "bundled with modelcards" : dir));
        CatalogLoader.Result result = dir == null ? new CatalogLoader.Result(CatalogLoader.loadBundled(), List.of())
                : CatalogLoader.check(dir);
        List<Diagnostic> diagnostics = new java.util.ArrayList<>(result.diagnostics());
        Registry registry = null;
        String failure = null;
        if (!result.ok()) {
            long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
            failure = errors + " error(s) in " + dir;
        } else {
            registry = Registry.of(result.catalog());
            // The rendered cards must pass the publisher's own validator (tools/validator.py of tfhub.dev).
            try {
                // a card generate last rendered into the project's site/ with the same dependency key passed this
                // check then (a make-style cache); only the others are rendered and checked
                CardRenderer renderer = new CardRenderer(registry, templates.engine());
                UncheckedCards cards = UncheckedCards.of(Project.current().output("site", null), renderer);
                List<Diagnostic> rejected = PublisherRules.check(renderer, cards::card, cards::child);
                diagnostics.addAll(rejected);
                if (!rejected.isEmpty()) {
                    failure = rejected.size() + " error(s): cards tfhub.dev's validator would reject";
                }
            } catch (RenderException e) {
                throw new CommandFailure(e.getMessage());
            }
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (format == Format.json) {
            out.print(RegistryJson.write(json(dir, diagnostics, failure == null ? registry : null)));
            out.flush();
        } else {
            diagnostics.forEach(d -> (d.severity() == Diagnostic.Severity.ERROR ? err : out).println(d));
            if (failure == null) {
                out.println(summary(registry));
            }
        }
        if (failure != null) {
            err.println(failure);
            return 1;
        }
        return 0;
    }

    /**
     * The JSON report: {@code {"catalog": path or null (bundled), "ok": bool, "diagnostics": [{"file", "line",
     * "column", "severity", "message"}], "counts": {...} or null}}.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode json(Path dir, List<Diagnostic> diagnostics, Registry ok) {
        var o = RegistryJson.MAPPER.createObjectNode();
        if (dir == null) {
            o.putNull("catalog");
        } else {
            o.put("catalog", dir.toString());
        }
        o.put("ok", ok != null);
        var list = o.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            var n = list.addObject();
            n.put("file", d.pos().file());
            n.put("line", d.pos().line());
            n.put("column", d.pos().column());
            n.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            n.put("message", d.message());
        }
        if (ok == null) {
            o.putNull("counts");
        } else {
            var c = o.putObject("counts");
            c.put("families", Specs.catalog(ok).families().size());
            c.put("variants", ok.variants().size());
            c.put("quantized_variants", ok.variants().stream().filter(v -> v.isQuantized()).count());
            c.put("models", ok.models().size());
            c.put("deployment_cards", ok.deployments().size());
        }
        return o;
    }

    /**
     * The success line, every count derived from the registry: {@code ok: 2 families, 108 variants
     * (32 quantized), 412 models, 196 deployment cards}.
     */
    static String summary(Registry registry) {
        long quantized = registry.variants().stream().filter(v -> v.isQuantized()).count();
        return "ok: " + Specs.catalog(registry).families().size() + " families, " + registry.variants().size() + " variants"
                + (quantized == 0 ? "" : " (" + quantized + " quantized)") + ", " + registry.models().size() + " models, "
                + registry.deployments().size() + " deployment cards";
    }
}
