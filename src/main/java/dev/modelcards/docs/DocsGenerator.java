package dev.modelcards.docs;

import dev.modelcards.Deployment;
import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import dev.modelcards.render.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders the registry's browsable pages: the model index, the charts, one page per family, one per
 * card (module cards, quantized ones included, and TF.js child cards), one with each card's revisions in
 * the publisher's history, plus the stylesheet. Everything is rendered in memory first, so a failure
 * writes nothing; output depends only on the catalog, the templates, the cards and the verify report,
 * so it is byte-identical across runs.
 */
public final class DocsGenerator {
    private final Registry registry;
    private final Path cardsDir;
    private final Optional<VerifyReport> report;
    private CardHistory history;

    /**
     * A generator whose card history is rendered with the bundled templates (when first needed).
     *
     * @param registry the models to publish
     * @param cardsDir the generated tfhub markdown cards ({@code site/tfhub}): {@code <handle>/<version>.md}
     * @param report   the verify report, if one was found
     */
    public DocsGenerator(Registry registry, Path cardsDir, Optional<VerifyReport> report) {
        this(registry, cardsDir, report, null);
    }

    /**
     * @param history the cards' revisions ({@link CardHistory#compute}), computed once and shared; null to
     *                compute them with the bundled templates when first needed
     */
    public DocsGenerator(Registry registry, Path cardsDir, Optional<VerifyReport> report, CardHistory history) {
        this.registry = registry;
        this.cardsDir = cardsDir;
        this.report = report;
        this.history = history;
    }

    /** The card history the pages show, computed on first use. */
    public synchronized CardHistory history() {
        if (history == null) {
            history = CardHistory.compute(registry, TemplateEngine.bundled());
        }
        return history;
    }

    /** {@return every page and asset, path (relative to the models folder) → content} */
    public SortedMap<String, String> render() {
        PageLayout layout = new PageLayout(registry);
        CardMarkdown markdown = new CardMarkdown();
        SortedMap<String, String> pages = new TreeMap<>();
        pages.put(SitePaths.STYLE, resource("style.css"));
        pages.put(SitePaths.INDEX, new IndexPage(registry, layout, resource("index.js")).render());
        pages.put(SitePaths.CHARTS, new ChartsPage(registry, layout).render());
        pages.put(SitePaths.MEASURED, new MeasuredPage(registry, layout, report).render());
        pages.put(SitePaths.SEARCH, new SearchPage(layout, SiteData.searchEntries(registry,
                handle -> readCard(cardsDir.resolve(handle + ".md"))), resource("search.js")).render());
        pages.put(SitePaths.COMPARE, new ComparePage(layout, SiteData.compareEntries(registry), resource("compare.js"))
                .render());
        FamilyPage familyPage = new FamilyPage(registry, layout, markdown);
        for (FamilySpec f : Specs.catalog(registry).families()) {
            pages.put(SitePaths.family(f), familyPage.render(f));
        }
        CardHistory history = history();
        CardPage cardPage = new CardPage(registry, layout, markdown, report, history);
        HistoryPage historyPage = new HistoryPage(layout);
        for (ModelVersion m : registry.models()) {
            put(pages, SitePaths.card(m), cardPage.render(m, readCard(cardSource(m)), m.handle() + ".md"));
            history(pages, historyPage, m.handle(), SitePaths.card(m), history);
            for (Deployment d : m.deployments()) {
                put(pages, SitePaths.card(d), cardPage.render(d, readCard(cardSource(d)), d.handle() + ".md"));
                history(pages, historyPage, d.handle(), SitePaths.card(d), history);
            }
        }
        return pages;
    }

    private static void history(SortedMap<String, String> pages, HistoryPage page, String cardHandle,
                                String cardPage, CardHistory history) {
        List<CardHistory.Revision> revisions = history.of(cardHandle);
        if (!revisions.isEmpty()) {
            put(pages, SitePaths.history(cardHandle), page.render(cardHandle, cardPage, revisions));
        }
    }

    private static void put(SortedMap<String, String> pages, String path, String page) {
        if (pages.put(path, page) != null) {
            throw new IllegalStateException("two pages share the path " + path);
        }
    }

    /** {@return how many card pages (models and TF.js children) have no generated markdown behind them} */
    public long missingCards() {
        return registry.models().stream().filter(m -> !Files.isRegularFile(cardSource(m))).count()
                + registry.deployments().stream().filter(d -> !Files.isRegularFile(cardSource(d))).count();
    }

    /**
     * Where the markdown card of a model is expected.
     *
     * @param m the model version
     * @return the path of its markdown card
     */
    public Path cardSource(ModelVersion m) {
        return cardsDir.resolve(m.handle() + ".md");
    }

    /** Where the markdown card of a deployment child (TF.js) is expected. */
    public Path cardSource(Deployment d) {
        return cardsDir.resolve(d.handle() + ".md");
    }

    /**
     * Writes {@code pages} into {@code dir}, replacing what was there: pages go to a sibling folder first
     * and replace {@code dir} only once all are written, so an interrupted run leaves the old pages.
     *
     * @param pages path relative to {@code dir} → content
     * @param dir the folder to replace
     * @throws IOException if a page cannot be written or the folder replaced
     */
    public static void write(SortedMap<String, String> pages, Path dir) throws IOException {
        // pages go through the one safe writer: one-line errors naming the page, links and devices by its policy
        Path abs = dir.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        deleteTree(tmp);
        for (var e : pages.entrySet()) {
            Path file = tmp.resolve(e.getKey()).normalize();
            if (!file.startsWith(tmp)) {
                throw new IllegalStateException("page path escapes the output folder: " + e.getKey());
            }
            Files.createDirectories(file.getParent());
            PAGES.write(file, e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        deleteTree(abs);
        Files.createDirectories(abs.getParent());
        Files.move(tmp, abs);
    }

    private static final dev.modelcards.SafeFiles PAGES = new dev.modelcards.SafeFiles(".modelcards-tmp");

    /**
     * The generated card's text, or empty when there is none. The card folder is the user's (--cards): a FIFO
     * there would block, a huge file would fill the heap, so it goes through {@link InputFile}'s checks.
     */
    private static Optional<String> readCard(Path source) {
        try {
            return Optional.of(InputFile.readString(source, InputFile.CARD));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read card: " + FileErrors.reason(e));
        }
    }

    private static String resource(String name) {
        try (InputStream in = DocsGenerator.class.getResourceAsStream("/modelcards/docs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource modelcards/docs/" + name + " (broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
