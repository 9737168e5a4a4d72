package dev.modelcards.cli;

import dev.modelcards.InputFile;
import dev.modelcards.Registry;
import dev.modelcards.docs.CardHistory;
import dev.modelcards.docs.DocsGenerator;
import dev.modelcards.docs.FrontPage;
import dev.modelcards.docs.VerifyReport;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelcards docs}: writes the browsable model pages (index, charts, families, one page per
 * card and TF.js child card, one per revision of each in the publisher's history) and the site's front
 * page. {@code mvn site} runs it in {@code pre-site} through
 * exec-maven-plugin, calling {@link #main}, which reports failure by exception instead of
 * {@code System.exit} so it cannot end Maven's own JVM.
 */
@Command(name = "docs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the documentation site's model pages (HTML) and front page (markdown for mvn site).",
                "Card pages show the generated cards of --cards; their history (the dates each card's text changed "
                        + "in the publisher's history, and its text as of each) is rendered from the catalog and "
                        + "templates."})
public final class DocsCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--cards", paramLabel = "DIR", defaultValue = "site/tfhub",
            description = "Generated markdown cards, <handle>/<version>.md and TF.js children "
                    + "<handle>/<version>/default/tfjs/1.md (default: ${DEFAULT-VALUE}).")
    Path cards;

    @Option(names = "--verify-report", paramLabel = "FILE", defaultValue = "target/verify-report.json",
            description = "Report of 'modelcards verify'. Named here, it must exist; the default is used when it "
                    + "exists, else models are shown as not verified (default: ${DEFAULT-VALUE}).")
    Path verifyReport;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/site/models",
            description = "Folder for the model pages; replaced as a whole (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "README.md",
            description = "README to turn into the front page (default: ${DEFAULT-VALUE}).")
    Path readme;

    @Option(names = "--front-page", paramLabel = "FILE",
            description = "Where to write the front page markdown (e.g. target/generated-site/markdown/index.md); "
                    + "none if not given.")
    Path frontPage;

    @Option(names = "--site-path", paramLabel = "PATH", defaultValue = "models",
            description = "Where the model pages sit relative to the site root, for the front page's links "
                    + "(default: ${DEFAULT-VALUE}).")
    String sitePath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // the inputs first: a FIFO or a huge file is refused now, before the catalog is loaded
        if (spec.commandLine().getParseResult().hasMatchedOption("--verify-report") && !Files.exists(verifyReport)) {
            // a report asked for by name and missing would silently publish every model as "not verified"
            throw new CommandFailure(verifyReport + ": verify report not found; write it with 'modelcards verify "
                    + "--report " + verifyReport + "', or leave --verify-report out to build the pages without it");
        }
        if (Files.exists(verifyReport)) {
            InputFile.check(verifyReport, InputFile.REPORT);
        }
        if (frontPage != null && Files.exists(readme)) {
            InputFile.check(readme, InputFile.README);
        }
        Registry registry = catalog.registry();
        Optional<VerifyReport> report = VerifyReport.read(verifyReport);
        CardHistory history = CardHistory.compute(registry, templates.engine());
        DocsGenerator generator = new DocsGenerator(registry, cards, report, history);
        SortedMap<String, String> pages = generator.render();
        String front = null;
        if (frontPage != null) {
            String text;
            try {
                text = InputFile.readString(readme, InputFile.README);
            } catch (NoSuchFileException e) {
                throw new CommandFailure(readme + ": README not found; pass --readme FILE");
            } catch (CharacterCodingException e) {
                throw new CommandFailure(readme + ": " + e.getMessage());
            }
            front = FrontPage.markdown(text, sitePath, registry.variants().size(), registry.models().size(),
                    registry.deployments().size());
        }
        DocsGenerator.write(pages, out);
        if (front != null) {
            Files.createDirectories(frontPage.toAbsolutePath().getParent());
            Files.writeString(frontPage, front, StandardCharsets.UTF_8);
        }
        long missing = generator.missingCards();
        var o = spec.commandLine().getOut();
        o.println("docs: " + pages.size() + " files in " + out + " (" + registry.variants().size() + " variants, "
                + registry.models().size() + " card pages, " + registry.deployments().size() + " TF.js card pages"
                + (missing > 0 ? ", " + missing + " without generated markdown in " + cards : "") + ", "
                + history.cards() + " history pages with " + history.revisions() + " revisions from "
                + history.renders() + " renderings in " + history.millis() + " ms; verify report: " + (report.isPresent() ? verifyReport : "none") + ")");
        o.flush();
        if (!history.errors().isEmpty()) {
            var e = spec.commandLine().getErr();
            var first = history.errors().entrySet().iterator().next();
            e.println("warning: the history of " + history.errors().size() + " cards could not be rendered; their "
                    + "pages say so. First: " + first.getKey() + " " + first.getValue());
            e.flush();
        }
        return 0;
    }

    /**
     * Entry point for exec-maven-plugin's {@code java} goal: runs {@code modelcards docs ARGS} in the
     * calling JVM and throws when it fails (its message has been printed already).
     *
     * @param args the arguments of {@code modelcards docs}
     */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "docs";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all);
        if (code != 0) {
            throw new IllegalStateException("modelcards docs failed with exit code " + code + " (see the message above)");
        }
    }
}
