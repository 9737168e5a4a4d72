package dev.modelcards.cli;

import dev.modelcards.Quantity;
import dev.modelcards.Deployment;
import dev.modelcards.ChangelogEntry;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.Specs;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.RenderException;
import dev.modelcards.render.Rendering;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelcards show HANDLE_OR_URL}: one card. A model version (float or quantized) prints its plain-text
 * page; a deployment child (TF.js) prints its tfhub.dev markdown card, the only rendering it has;
 * {@code --as-of DATE} prints the tfhub.dev markdown card as it stood at the end of that day, since the
 * publisher's dated history is that of the tfhub.dev cards (the text page reads as the card first did,
 * whatever the date). {@code --facts} prints the catalog's facts instead.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print one card by handle or tfhub.dev URL (no version = latest): a model's plain-text page "
                + "(float or quantized, e.g. google/imagenet/mobilenet_v1_050_128/quantops/classification/3), or a TF.js "
                + "deployment card (e.g. google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1) as its "
                + "tfhub.dev markdown.",
                "With --as-of, the tfhub.dev markdown card as it stood at the end of that day."})
public final class ShowCommand implements Callable<Integer> {
    /** The renderings {@code --rendering} chooses from: those that have one card per handle. */
    enum CardRendering {
        text(Rendering.TEXT), tfhub(Rendering.TFHUB);

        final Rendering rendering;

        CardRendering(Rendering rendering) {
            this.rendering = rendering;
        }
    }

    @Mixin
    CatalogOption catalog;

    @Parameters(paramLabel = "HANDLE_OR_URL", description = "e.g. google/imagenet/mobilenet_v2_075_96/feature_vector/4")
    String handle;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = AsOfDate.class,
            description = {"Print the tfhub.dev markdown card as it stood at the end of that day in the publisher's "
                    + "history (catalog.yaml history:); exit 1 if the card was not published yet.",
                    "Default: the final revision."})
    LocalDate asOf;

    @Option(names = "--rendering", paramLabel = "RENDERING",
            description = "${COMPLETION-CANDIDATES} (default: text for a model, tfhub for a deployment card or with --as-of).")
    CardRendering rendering;

    @Option(names = "--facts", description = "Print the model's facts (shapes, metrics, format, changelog) instead of its card.")
    boolean facts;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "With --facts: text or json (the variant with this version, as 'list --format json' "
                    + "shows variants; a TF.js card as its deployment). Default: ${DEFAULT-VALUE}.")
    FactsFormat factsFormat;

    /** How --facts prints. */
    enum FactsFormat { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (facts && (asOf != null || rendering != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--facts prints the catalog's facts, not a card: drop --as-of and --rendering");
        }
        if (asOf != null && rendering == CardRendering.text) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as-of follows the publisher's history of "
                    + "the tfhub.dev cards; the text page does not change with it: use --rendering tfhub (the default "
                    + "with --as-of)");
        }
        Registry registry = catalog.registry();
        Optional<Deployment> child = registry.deployment(handle);
        // Not a deployment: get() resolves the model or explains why nothing matches (also for deployment handles).
        ModelVersion m = child.map(Deployment::parent).orElseGet(() -> registry.get(handle));
        var out = spec.commandLine().getOut();
        if (factsFormat == FactsFormat.json && !facts) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format json applies to --facts; add --facts");
        }
        if (facts && factsFormat == FactsFormat.json) {
            out.print(dev.modelcards.json.RegistryJson.write(child.isPresent()
                    ? dev.modelcards.json.RegistryJson.standalone(child.get()) : dev.modelcards.json.RegistryJson.model(m)));
            out.flush();
            return 0;
        }
        if (facts) {
            child.ifPresentOrElse(this::printFacts, () -> printFacts(m));
            out.flush();
            return 0;
        }
        CardRenderer renderer = new CardRenderer(registry, templates.engine());
        if (!renderer.publishedBy(m, asOf)) {
            throw new CommandFailure("'" + child.map(Deployment::handle).orElse(m.handle()) + "' was not published yet on "
                    + asOf + (child.isPresent() ? " (its parent '" + m.handle() + "' was published on " : "; it was published on ")
                    + publication(registry, m) + (child.isPresent() ? ")" : ""));
        }
        Rendering r = (rendering != null ? rendering
                : child.isPresent() || asOf != null ? CardRendering.tfhub : CardRendering.text).rendering;
        try {
            if (child.isPresent()) {
                if (r.childTemplate() == null) {
                    throw new CommandFailure("'" + child.get().handle() + "' is a " + child.get().formatName()
                            + " deployment card, which has no " + r.set() + " rendering; use --rendering tfhub");
                }
                out.print(renderer.child(child.get(), r, asOf));
            } else {
                out.print(renderer.card(m, r, asOf));
            }
        } catch (RenderException e) {
            throw new CommandFailure(e.getMessage());
        }
        out.flush();
        return 0;
    }

    /** The day a version was published, with the publisher's commit, from the history edit it names. */
    private static String publication(Registry registry, ModelVersion m) {
        Optional<Catalog.Edit> e = Specs.catalog(registry).edit(Specs.version(m).published());
        return e.map(x -> x.date() + " (commit " + x.commit() + ")").orElse("an unrecorded date");
    }

    private void printFacts(ModelVersion m) {
        var out = spec.commandLine().getOut();
        Variant v = m.variant();
        out.println(m.handle() + (m.isLatest() ? " (latest)" : " (latest: " + v.latest().number() + ")"));
        out.println("  url:         " + m.url());
        out.println("  family:      " + Specs.family(v).name() + ", multiplier " + v.multiplier().toPlainString()
                + ", " + v.resolution() + " px, " + v.head());
        v.quantization().ifPresent(q -> out.println("  quantized:   " + q
                + " (simulated quantization; the metrics below are the float model's)"));
        out.println("  checkpoint:  " + v.checkpointName());
        out.println("  input:       " + v.inputShape() + " float32, values in " + v.inputRange());
        out.println("  output:      " + v.outputShape());
        out.println("  metrics:     " + v.published(Quantity.MACS).toPlainString() + " M MACs, "
                + v.published(Quantity.PARAMS).toPlainString() + " M params, top-1 "
                + v.top1().toPlainString() + " %, top-5 " + v.top5().toPlainString() + " %");
        out.println("  format:      " + m.formatName() + " (" + Specs.format(m).api() + ")");
        for (Deployment d : m.deployments()) {
            out.println("  deployment:  " + d.formatName() + ", " + d.handle());
        }
        out.println("  changelog:");
        for (ChangelogEntry s : m.changelog()) {
            out.println("    version " + s.version() + ":");
            s.entries().forEach(e -> out.println("      * " + e.replace("\n", " ")));
        }
    }

    private void printFacts(Deployment d) {
        var out = spec.commandLine().getOut();
        out.println(d.handle());
        out.println("  format:      " + d.formatName() + " deployment (" + d.format() + ")");
        out.println("  parent:      " + d.parent().handle());
        d.demoUrl().ifPresent(u -> out.println("  demo:        " + u));
    }
}
