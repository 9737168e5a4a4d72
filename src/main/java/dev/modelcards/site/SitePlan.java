package dev.modelcards.site;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.SafeFiles;
import dev.modelcards.json.RegistryJson;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Rendering;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every file one {@code generate} produces, by path (relative to the site folder, sorted, so the plan and
 * the manifest are the same on every machine), each with the way to render it. Nothing is rendered when the
 * plan is made: {@link SiteWriter} and {@link SiteChecker} render the files a batch at a time while they
 * compare and stage them ({@link #forEach}), so a run holds a few hundred cards in memory, not the site.
 * {@link #files()} renders them all into memory at once (for tests and small tools).
 */
public final class SitePlan {
    /** Cards rendered in parallel per batch: enough to keep every core busy, few enough to keep memory flat. */
    private static final int BATCH = 256;

    private final TreeMap<String, Entry> entries;
    private final Set<SiteLayout.Set> sets;
    private SortedMap<String, byte[]> files;

    /**
     * One planned file: its path, what it is the card of ({@link ModelVersion}, {@link Deployment} or null for
     * the index and listing files), and how to make its bytes, either all at once ({@code bytes}, for cards)
     * or written to a stream ({@code stream}, for {@code index.json}, too big to hold at 100× catalogs).
     *
     * @param path      the path relative to the site folder
     * @param subject   the model version or deployment whose card this is, or null
     * @param rendering the rendering of a card, or null
     * @param source    prepares the file for rendering; null when {@code stream} is set
     * @param stream    writes the file to a stream; null when {@code source} is set
     */
    public record Entry(String path, Object subject, Rendering rendering, Supplier<Source> source, SafeFiles.Content stream) {
        /** {@return the whole file in memory (a streamed file is written into a byte array)} */
        public byte[] render() {
            if (source != null) {
                return source.get().bytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                stream.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** {@return whether the file is written to a stream rather than rendered into memory} */
        public boolean streamed() {
            return source == null;
        }
    }

    /** A file ready to render: its dependency key (if it has one) and its bytes, from one data model. */
    public interface Source {
        /** {@return its dependency key ({@link dev.modelcards.render.RenderKey}), or null if it has none} */
        String key();

        /** {@return its bytes, rendered now} */
        byte[] bytes();

        /**
         * A source without a key.
         *
         * @param bytes renders the file
         * @return the source
         */
        static Source of(Supplier<byte[]> bytes) {
            return new Source() {
                @Override
                public String key() {
                    return null;
                }

                @Override
                public byte[] bytes() {
                    return bytes.get();
                }
            };
        }

        /**
         * A card's source.
         *
         * @param card the prepared card
         * @return the source
         */
        static Source of(CardRenderer.Prepared card) {
            return new Source() {
                @Override
                public String key() {
                    return card.key();
                }

                @Override
                public byte[] bytes() {
                    return utf8(card.text());
                }
            };
        }
    }

    /**
     * What the site writer hands each planned file to, in two stages: {@link #prepare} on whichever
     * rendering thread made the file, as soon as it is rendered (the work that can run on every core:
     * checking, comparing with the disk, staging), then {@link #accept} with its result on the calling
     * thread, in path order (the bookkeeping whose order must not depend on timing).
     *
     * @param <R> what preparing one file gives
     */
    public interface Stages<R> {
        /**
         * Prepares one file; called concurrently for the files of a batch, so it must be thread-safe.
         *
         * @param e the entry
         * @param bytes its rendered bytes, or null for a {@linkplain Entry#streamed() streamed} entry (then
         *              called on the calling thread, in order)
         * @return what {@link #accept} gets
         */
        R prepare(Entry e, byte[] bytes) throws IOException;

        /**
         * Takes one prepared file, in path order. Every file of a batch that was prepared is accepted, even
         * after another file of it failed, so nothing prepared is lost track of; the first failure is thrown
         * once the batch is done.
         *
         * @param e the entry
         * @param prepared what {@link #prepare} gave
         */
        void accept(Entry e, R prepared) throws IOException;
    }

    /** What {@link #forEach} hands each planned file to, in path order. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * One planned file.
         *
         * @param e the entry
         * @param bytes its rendered bytes, or null for a {@linkplain Entry#streamed() streamed} entry (the
         *              visitor writes it with {@code e.stream()})
         */
        void visit(Entry e, byte[] bytes) throws IOException;
    }

    /**
     * A plan of files already in memory (tests, small tools).
     *
     * @param files path → bytes
     * @param sets  the sets this plan covers (the index set is always included)
     */
    public SitePlan(SortedMap<String, byte[]> files, Set<SiteLayout.Set> sets) {
        TreeMap<String, Entry> e = new TreeMap<>();
        files.forEach((path, b) -> e.put(path, new Entry(path, null, null, () -> Source.of(() -> b), null)));
        this.entries = e;
        this.sets = Collections.unmodifiableSet(EnumSet.copyOf(sets));
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    private SitePlan(TreeMap<String, Entry> entries, Set<SiteLayout.Set> sets) {
        this.entries = entries;
        this.sets = Collections.unmodifiableSet(sets);
    }

    /**
     * Plans the selected sets of the registry's site at the publisher's final revision.
     *
     * @param renderer the renderer of the registry's cards
     * @param selected the sets to render
     * @return the planned files
     */
    public static SitePlan render(CardRenderer renderer, Set<SiteLayout.Set> selected) {
        return render(renderer, selected, null);
    }

    /**
     * Plans the selected sets of the registry's site as they stood at the end of {@code asOf} (null: the
     * final revision): only the cards published by then, each with the edits made by then. Rendering
     * happens when the plan is walked; a template error surfaces there as a
     * {@link dev.modelcards.render.RenderException}.
     *
     * @param renderer the renderer of the registry's cards
     * @param selected the sets to render
     * @param asOf the last day whose edits apply, or null
     * @return the planned files
     */
    public static SitePlan render(CardRenderer renderer, Set<SiteLayout.Set> selected, java.time.LocalDate asOf) {
        Set<SiteLayout.Set> sets = EnumSet.copyOf(selected);
        sets.add(SiteLayout.Set.INDEX);
        Registry registry = renderer.registry();
        TreeMap<String, Entry> entries = new TreeMap<>();
        for (ModelVersion m : registry.models()) {
            if (!renderer.publishedBy(m, asOf)) {
                continue;
            }
            for (SiteLayout.Set set : sets) {
                Rendering r = set.rendering();
                if (r == null) {
                    continue;
                }
                put(entries, new Entry(SiteLayout.card(r, m), m, r, () -> Source.of(renderer.prepare(m, r, asOf)), null));
                if (r.childTemplate() != null) {
                    for (Deployment d : m.deployments()) {
                        put(entries, new Entry(SiteLayout.card(r, d), d, r, () -> Source.of(renderer.prepare(d, r, asOf)), null));
                    }
                }
            }
        }
        if (sets.contains(SiteLayout.Set.AIHUB)) {
            put(entries, new Entry(SiteLayout.AIHUB_LISTING, null, null, () -> Source.of(() -> utf8(renderer.aihubListing())), null));
        }
        put(entries, new Entry(SiteLayout.INDEX_MD, null, null, () -> Source.of(() -> utf8(renderer.index(SiteLayout::tfhub))), null));
        put(entries, new Entry(SiteLayout.INDEX_JSON, null, null, null,
                out -> RegistryJson.writeSiteIndex(registry.variants(), SitePlan::cardPaths, out)));
        return new SitePlan(entries, sets);
    }

    /**
     * Where one model's cards live, as index.json lists them: every rendering's path, and the tfhub card
     * of each deployment child (listed under the version's {@code deployments}, not as a rendering).
     */
    static RegistryJson.CardPaths cardPaths(ModelVersion m) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tfhub", SiteLayout.tfhub(m));
        p.put("aihub", SiteLayout.aihub(m));
        p.put("text", SiteLayout.text(m));
        Map<Deployment, String> children = new LinkedHashMap<>();
        m.deployments().forEach(d -> children.put(d, SiteLayout.tfhub(d)));
        return new RegistryJson.CardPaths(p, children);
    }

    /** {@return the sets this plan covers (the index set always included)} */
    public Set<SiteLayout.Set> sets() {
        return sets;
    }

    /** {@return every planned path, sorted; nothing is rendered} */
    public SortedSet<String> paths() {
        return Collections.unmodifiableSortedSet(entries.navigableKeySet());
    }

    /** {@return how many files the plan has} */
    public int size() {
        return entries.size();
    }

    /**
     * The planned entry at {@code path}.
     *
     * @param path a path relative to the site folder
     * @return the entry, or null if the plan has no such file
     */
    public Entry entry(String path) {
        return entries.get(path);
    }

    /**
     * Renders every file, a batch of cards at a time on every core, and hands each to {@code visitor} in path
     * order (the order never depends on timing). Only one batch is held in memory.
     *
     * @param visitor what to do with each file
     * @throws IOException what the visitor throws
     */
    public void forEach(Visitor visitor) throws IOException {
        forEach(visitor, null);
    }

    /**
     * {@link #forEach(Visitor)}, taking from {@code cache} every card whose dependency key is unchanged
     * instead of rendering it, and recording every card's key in it.
     *
     * @param visitor what to do with each file
     * @param cache the site's render cache, or null to render everything
     * @throws IOException what the visitor throws
     */
    void forEach(Visitor visitor, RenderCache cache) throws IOException {
        forEach(new Stages<byte[]>() {
            @Override
            public byte[] prepare(Entry e, byte[] bytes) {
                return bytes;
            }

            @Override
            public void accept(Entry e, byte[] bytes) throws IOException {
                visitor.visit(e, bytes);
            }
        }, cache);
    }

    /**
     * Renders every file, a batch of cards at a time on every core, preparing each on the thread that
     * rendered it and accepting them in path order (see {@link Stages}). Only one batch is held in memory.
     *
     * @param stages what to do with each file
     * @param cache the site's render cache, or null to render everything
     * @throws IOException the first failure of a stage
     */
    <R> void forEach(Stages<R> stages, RenderCache cache) throws IOException {
        List<Entry> batch = new ArrayList<>(BATCH);
        for (Entry e : entries.values()) {
            if (e.streamed()) {
                flush(batch, stages, cache);
                stages.accept(e, stages.prepare(e, null));
            } else {
                batch.add(e);
                if (batch.size() == BATCH) {
                    flush(batch, stages, cache);
                }
            }
        }
        flush(batch, stages, cache);
    }

    private static byte[] produce(Entry e, RenderCache cache) {
        Source s = e.source().get();
        String key = cache == null ? null : s.key();
        if (key == null) {
            return s.bytes();
        }
        byte[] b = cache.reuse(e.path(), key);
        if (b == null) {
            b = s.bytes();
        }
        cache.record(e.path(), key, b);
        return b;
    }

    /** One file of a batch: what preparing it gave, or why rendering or preparing it failed. */
    private record Outcome<R>(R prepared, Throwable failure) {
    }

    private static <R> Outcome<R> renderAndPrepare(Entry e, RenderCache cache, Stages<R> stages) {
        try {
            return new Outcome<>(stages.prepare(e, produce(e, cache)), null);
        } catch (IOException | RuntimeException x) {
            return new Outcome<>(null, x);
        }
    }

    private static <R> void flush(List<Entry> batch, Stages<R> stages, RenderCache cache) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Outcome<R>> done = batch.size() == 1 ? List.of(renderAndPrepare(batch.get(0), cache, stages))
                : batch.parallelStream().map(e -> renderAndPrepare(e, cache, stages)).toList();
        Throwable first = null;
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> o = done.get(i);
            Throwable failure = o.failure();
            if (failure == null) {
                try {
                    stages.accept(batch.get(i), o.prepared());
                } catch (IOException | RuntimeException x) {
                    failure = x;
                }
            }
            if (first == null) {
                first = failure;
            }
        }
        batch.clear();
        if (first instanceof IOException io) {
            throw io;
        } else if (first != null) {
            throw (RuntimeException) first;
        }
    }

    /** {@return every file rendered into memory, path → bytes (rendered once, then kept)} */
    public synchronized SortedMap<String, byte[]> files() {
        if (files == null) {
            TreeMap<String, byte[]> all = new TreeMap<>();
            try {
                forEach((e, b) -> all.put(e.path(), b == null ? e.render() : b));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files = Collections.unmodifiableSortedMap(all);
        }
        return files;
    }

    /** {@return the total bytes of all files (renders them all)} */
    public long bytes() {
        return files().values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * Whether this plan is responsible for {@code path} (its set was selected).
     *
     * @param path a path relative to the site folder
     * @return whether it covers it
     */
    public boolean covers(String path) {
        return sets.contains(SiteLayout.Set.of(path));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(Map<String, Entry> entries, Entry e) {
        if (entries.put(e.path(), e) != null) {
            throw new IllegalStateException("two outputs share the path " + e.path());
        }
    }
}
