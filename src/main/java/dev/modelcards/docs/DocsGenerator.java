package dev.modelcards.docs;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.FamilySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders the registry's browsable pages: the model index, the charts, one page per family and one
 * per card, plus the stylesheet. Everything is rendered in memory first, so a failure writes nothing;
 * output depends only on the catalog, the cards and the verify report, so it is byte-identical across
 * runs.
 */
public final class DocsGenerator {
    private final Registry registry;
    private final Path cardsDir;
    private final Optional<VerifyReport> report;

    /**
     * @param registry the models to publish
     * @param cardsDir the generated tfhub markdown cards ({@code site/tfhub}): {@code <handle>/<version>.md}
     * @param report   the verify report, if one was found
     */
    public DocsGenerator(Registry registry, Path cardsDir, Optional<VerifyReport> report) {
        this.registry = registry;
        this.cardsDir = cardsDir;
        this.report = report;
    }

    /** {@return every page and asset, path (relative to the models folder) → content} */
    public SortedMap<String, String> render() {
        PageLayout layout = new PageLayout(registry);
        CardMarkdown markdown = new CardMarkdown();
        SortedMap<String, String> pages = new TreeMap<>();
        pages.put(SitePaths.STYLE, resource("style.css"));
        pages.put(SitePaths.INDEX, new IndexPage(registry, layout, resource("index.js")).render());
        pages.put(SitePaths.CHARTS, new ChartsPage(registry, layout).render());
        FamilyPage familyPage = new FamilyPage(registry, layout, markdown);
        for (FamilySpec f : registry.catalog().families()) {
            pages.put(SitePaths.family(f), familyPage.render(f));
        }
        CardPage cardPage = new CardPage(layout, markdown, report);
        for (ModelVersion m : registry.models()) {
            Path source = cardSource(m);
            pages.put(SitePaths.card(m), cardPage.render(m, readCard(source), m.handle() + ".md"));
        }
        return pages;
    }

    /** {@return how many card pages have no generated markdown behind them} */
    public long missingCards() {
        return registry.models().stream().filter(m -> !Files.isRegularFile(cardSource(m))).count();
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

    /**
     * Writes {@code pages} into {@code dir}, replacing what was there: pages go to a sibling folder first
     * and replace {@code dir} only once all are written, so an interrupted run leaves the old pages.
     *
     * @param pages path relative to {@code dir} → content
     * @param dir the folder to replace
     * @throws IOException if a page cannot be written or the folder replaced
     */
    public static void write(SortedMap<String, String> pages, Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        deleteTree(tmp);
        for (var e : pages.entrySet()) {
            Path file = tmp.resolve(e.getKey()).normalize();
            if (!file.startsWith(tmp)) {
                throw new IllegalStateException("page path escapes the output folder: " + e.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        deleteTree(abs);
        Files.createDirectories(abs.getParent());
        Files.move(tmp, abs);
    }

    private static Optional<String> readCard(Path source) {
        try {
            return Optional.of(Files.readString(source, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(source + ": cannot read card: " + e.getMessage(), e));
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
