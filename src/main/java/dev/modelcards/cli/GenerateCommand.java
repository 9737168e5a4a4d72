package dev.modelcards.cli;

import java.time.LocalDate;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.PublisherRules;
import dev.modelcards.render.Rendering;
import dev.modelcards.site.SiteLayout;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import dev.modelcards.render.RenderException;
import dev.modelcards.site.SiteChecker;
import dev.modelcards.site.SiteException;
import dev.modelcards.site.SitePlan;
import dev.modelcards.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelcards generate}: renders every card and writes the site folder, or with {@code --check}
 * reports every file that is missing, stale or extra and exits 1 (for CI).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write every model card, the AI Hub listing, the text pages, index.md and index.json into the site folder.",
                "Only changed files are rewritten, each atomically; only files listed in the site's manifest are ever removed.",
                "With --check, write nothing and exit 1 listing every missing, stale or extra file."})
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "all",
            description = "tfhub, aihub, text or all (default: ${DEFAULT-VALUE}); the index is always written.")
    SiteFormat format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Site folder (default: site/ of the modelcards project around the current folder).")
    Path out;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = AsOfDate.class,
            description = {"Write the tfhub cards as they stood at the end of that day in the publisher's history: "
                    + "only cards published by then, each with the edits made by then (catalog.yaml history:).",
                    "Default: the publisher's final revision."})
    LocalDate asOf;

    @Option(names = "--check", description = "Write nothing; exit 1 if the site folder is not exactly what generate would write.")
    boolean check;

    @Option(names = "--force", description = {"Render every card, even those whose inputs (catalog facts, templates, "
            + "modelcards version) are unchanged since the last run; by default those are taken from the site folder "
            + "(its .modelcards-keys cache). Files are still written only where their bytes change."})
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            out = Project.current().output("site", null);
            if (out == null) {
                throw new CommandFailure("not inside a modelcards project (no catalog/catalog.yaml here or above); "
                        + "give the site folder with --out DIR");
            }
        }
        Registry registry = catalog.registry();
        CardRenderer renderer;
        try {
            renderer = new CardRenderer(registry, templates.engine());
        } catch (RenderException e) {
            throw new CommandFailure(e.getMessage() + "\nnothing was written");
        }
        SitePlan plan = SitePlan.render(renderer, format.sets(), asOf);
        // Never write a card the publisher's validator would reject (earlier revisions follow older rules). The
        // check reads each card as it is rendered and staged; a rejection stops the run before any commit.
        boolean publisherCheck = asOf == null && format.sets().contains(SiteLayout.Set.TFHUB);
        PublisherRules.Collector rules = new PublisherRules.Collector(renderer);
        SiteWriter.Inspector inspector = new SiteWriter.Inspector() {
            @Override
            public void inspect(SitePlan.Entry e, byte[] bytes) {
                if (publisherCheck && e.rendering() == Rendering.TFHUB) {
                    String card = new String(bytes, StandardCharsets.UTF_8);
                    if (e.subject() instanceof ModelVersion m) {
                        rules.card(m, card);
                    } else if (e.subject() instanceof Deployment d) {
                        rules.child(d, card);
                    }
                }
            }

            @Override
            public boolean inspectsReusedCards() {
                // a reused final-revision tfhub card's key covers the rules' inputs (CardRenderer.Prepared)
                return false;
            }

            @Override
            public void beforeCommit() {
                var rejected = rules.problems();
                if (!rejected.isEmpty()) {
                    throw new CommandFailure(rejected.stream().map(Object::toString).collect(Collectors.joining("\n"))
                            + "\n" + rejected.size() + " error(s): cards tfhub.dev's validator would reject; nothing was written");
                }
            }
        };
        var stdout = spec.commandLine().getOut();
        try {
            if (check) {
                List<SiteChecker.Problem> problems = SiteChecker.check(out, plan, inspector);
                inspector.beforeCommit();
                problems.forEach(stdout::println);
                stdout.flush();
                if (!problems.isEmpty()) {
                    throw new CommandFailure(out + " is out of date (" + SiteChecker.counts(problems)
                            + "); run 'modelcards generate" + (format == SiteFormat.all ? "" : " --format " + format)
                            + " --out " + out + "' and commit the result");
                }
                stdout.println("ok: " + plan.size() + " files in " + out + " are up to date");
            } else {
                SiteWriter.Result r = SiteWriter.write(out, plan, inspector, force);
                stdout.println("wrote " + r.written().size() + " files (" + r.bytes() + " bytes), " + r.unchanged()
                        + " unchanged, " + r.removed().size() + " removed in " + out);
            }
        } catch (RenderException e) {
            throw new CommandFailure(e.getMessage() + "\nnothing was written");
        } catch (SiteException e) {
            throw new CommandFailure(e.getMessage());
        }
        stdout.flush();
        return 0;
    }
}
