package dev.modelcards.cli;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.VersionSpec;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.RenderException;
import dev.modelcards.render.Rendering;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelcards show HANDLE_OR_URL}: one model's card as plain text, or its facts with {@code --facts}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one model's card as plain text, by handle or tfhub.dev URL (no version = latest).")
public final class ShowCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Parameters(paramLabel = "HANDLE_OR_URL", description = "e.g. google/imagenet/mobilenet_v2_075_96/feature_vector/4")
    String handle;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--facts", description = "Print the model's facts (shapes, metrics, format, changelog) instead of its card.")
    boolean facts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Registry registry = catalog.registry();
        ModelVersion m = registry.get(handle);
        var out = spec.commandLine().getOut();
        if (!facts) {
            try {
                out.print(new CardRenderer(registry, templates.engine()).card(m, Rendering.TEXT));
            } catch (RenderException e) {
                throw new CommandFailure(e.getMessage());
            }
            out.flush();
            return 0;
        }
        Variant v = m.variant();
        out.println(m.handle() + (m.isLatest() ? " (latest)" : " (latest: " + v.latest().number() + ")"));
        out.println("  url:         " + m.url());
        out.println("  family:      " + v.family().name() + ", multiplier " + v.multiplier().toPlainString()
                + ", " + v.resolution() + " px, " + v.head());
        out.println("  checkpoint:  " + v.checkpointName());
        out.println("  input:       " + v.inputShape() + " float32, values in " + v.inputRange());
        out.println("  output:      " + v.outputShape());
        out.println("  metrics:     " + v.metrics().macsMillions().toPlainString() + " M MACs, "
                + v.metrics().paramsMillions().toPlainString() + " M params, top-1 "
                + v.metrics().top1().toPlainString() + " %, top-5 " + v.metrics().top5().toPlainString() + " %");
        out.println("  format:      " + m.format().name() + " (" + m.format().api() + ")");
        out.println("  changelog:");
        for (VersionSpec s : m.changelog()) {
            out.println("    version " + s.version() + ":");
            s.changelog().forEach(e -> out.println("      * " + e.replace("\n", " ")));
        }
        out.flush();
        return 0;
    }
}
