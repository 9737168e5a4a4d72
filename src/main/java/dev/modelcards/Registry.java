package dev.modelcards;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.CatalogException;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Hints;
import dev.modelcards.catalog.MetricsRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point: every published model variant of a catalog, looked up by handle or URL or queried
 * by family, head, size and accuracy. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * Registry registry = Registry.load();                      // the catalog bundled in the jar
 * ModelVersion v4 = registry.get("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
 * ModelVersion latest = registry.get("https://tfhub.dev/google/imagenet/mobilenet_v1_100_128/classification");
 *
 * // the most accurate feature extractor under 100 M MACs at 128 px
 * Variant best = registry.query().head("feature_vector").resolution(128).maxMacs(100).best();
 * }</pre>
 */
public final class Registry {
    private final Catalog catalog;
    private final List<Variant> variants;
    private final Map<String, Variant> byHandle;

    private Registry(Catalog catalog) {
        this.catalog = catalog;
        List<Variant> all = new ArrayList<>();
        for (FamilySpec f : catalog.families()) {
            // Indexed once per family: looking each cell's row up in the list made building quadratic
            // (0.3 s for 7 600 variants, found by the benchmarks in bench/).
            Map<String, MetricsRow> rows = new HashMap<>();
            f.metrics().forEach(r -> rows.putIfAbsent(cellKey(r.multiplier(), r.resolution()), r));
            for (FamilySpec.Cell c : f.cells()) {
                MetricsRow metrics = rows.get(cellKey(c.multiplier(), c.resolution()));
                if (metrics == null) {
                    throw new IllegalStateException("validated catalog lacks metrics for " + f.id() + " "
                            + c.multiplier() + " at " + c.resolution());
                }
                List<FamilySpec.Quantization> kinds = new ArrayList<>();
                kinds.add(null);
                kinds.addAll(f.quantizations());
                for (FamilySpec.Quantization q : kinds) {
                    for (Catalog.HeadSpec h : catalog.heads().values()) {
                        Variant v = new Variant(catalog, f, c, h, metrics, q);
                        if (!v.versions().isEmpty()) {
                            all.add(v);
                        }
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Variant::handle));
        this.variants = List.copyOf(all);
        Map<String, Variant> index = new LinkedHashMap<>();
        variants.forEach(v -> index.put(v.handle(), v));
        this.byHandle = Map.copyOf(index);
    }

    /** Multipliers equal by value (0.5 and 0.50) give the same key. */
    private static String cellKey(java.math.BigDecimal multiplier, int resolution) {
        return multiplier.stripTrailingZeros().toPlainString() + "@" + resolution;
    }

    /** Loads the catalog bundled in the jar. */
    public static Registry load() {
        return new Registry(CatalogLoader.loadBundled());
    }

    /**
     * Loads and validates the catalog in {@code dir}.
     *
     * @throws CatalogException listing every problem, each with file, line and column
     */
    public static Registry load(Path dir) {
        return new Registry(CatalogLoader.load(dir));
    }

    /** Wraps an already loaded catalog. */
    public static Registry of(Catalog catalog) {
        return new Registry(catalog);
    }

    /** The catalog behind this registry. */
    public Catalog catalog() {
        return catalog;
    }

    /** Every variant, sorted by handle. */
    public List<Variant> variants() {
        return variants;
    }

    /** Every published model (variant × version), sorted by handle then version. */
    public List<ModelVersion> models() {
        return variants.stream().flatMap(v -> v.versions().stream()).toList();
    }

    /** Every deployment child card (TF.js conversions) of every model, in handle order of their parents. */
    public List<Deployment> deployments() {
        return models().stream().flatMap(m -> m.deployments().stream()).toList();
    }

    /** A new query over all variants. */
    public Query query() {
        return new Query(this);
    }

    /**
     * Looks up a handle or URL, with or without version (no version = latest).
     *
     * @throws LookupException naming what is wrong and the closest handles
     */
    public ModelVersion get(String handleOrUrl) {
        HandleRef ref = HandleRef.parse(handleOrUrl);
        return resolve(ref).orElseThrow(() -> notFound(ref));
    }

    /** Like {@link #get} but empty instead of throwing when nothing matches or the input is malformed. */
    public Optional<ModelVersion> find(String handleOrUrl) {
        HandleRef ref;
        try {
            ref = HandleRef.parse(handleOrUrl);
        } catch (LookupException e) {
            return Optional.empty();
        }
        // No message is built here: the did-you-mean search made every miss cost ~1 ms.
        return resolve(ref);
    }

    private Optional<ModelVersion> resolve(HandleRef ref) {
        Variant v = byHandle.get(ref.base());
        if (v == null) {
            return Optional.empty();
        }
        return ref.version().isEmpty() ? Optional.of(v.latest()) : v.version(ref.version().getAsInt());
    }

    private LookupException notFound(HandleRef ref) {
        Variant v = byHandle.get(ref.base());
        if (v == null) {
            return new LookupException("no model '" + HandleRef.printable(ref.base()) + "'" + Hints.didYouMean(ref.base(),
                    byHandle.keySet()) + nearestNames(ref.base()));
        }
        int n = ref.version().getAsInt();
        return new LookupException("'" + v.handle() + "' has no version " + n
                + "; published versions: " + v.versions().stream().map(m -> Integer.toString(m.number())).toList());
    }

    private String nearestNames(String base) {
        if (variants.isEmpty()) {
            // A catalog without variants is rejected by validation, but Registry.of() takes any Catalog.
            return "; this registry holds no variants";
        }
        return "; handles look like " + variants.get(0).handle() + "/" + variants.get(0).latest().number()
                + " (" + variants.size() + " variants: see 'modelcards list')";
    }
}
