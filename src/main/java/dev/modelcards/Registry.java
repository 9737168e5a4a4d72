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
 *
 * // quantized variants have their own handles; TF.js conversions are child cards of a version
 * ModelVersion q = registry.get("google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
 * Optional<Deployment> js = registry.deployment("google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1");
 * }</pre>
 */
public final class Registry {
    private final Catalog catalog;
    private final List<Variant> variants;
    private final Map<String, Variant> byHandle;
    private final List<Deployment> deployments;
    private final Map<String, Deployment> deploymentsByHandle;

    static {
        // modelcards' own tools read the catalog records behind these values through Specs
        ApiSpecs.install();
    }

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
                List<Variant> cell = new ArrayList<>();
                List<FamilySpec.Quantization> kinds = new ArrayList<>();
                kinds.add(null);
                kinds.addAll(f.quantizations());
                for (FamilySpec.Quantization q : kinds) {
                    for (Catalog.HeadSpec h : catalog.heads().values()) {
                        Variant v = new Variant(catalog, f, c, h, metrics, q);
                        if (!v.versions().isEmpty()) {
                            all.add(v);
                            cell.add(v);
                        }
                    }
                }
                cell.forEach(v -> v.siblings(cell));
            }
        }
        all.sort(Comparator.comparing(Variant::handle));
        this.variants = List.copyOf(all);
        Map<String, Variant> index = new LinkedHashMap<>();
        variants.forEach(v -> index.put(v.handle(), v));
        this.byHandle = Map.copyOf(index);
        this.deployments = models().stream().flatMap(m -> m.deployments().stream()).toList();
        Map<String, Deployment> children = new HashMap<>();
        deployments.forEach(d -> children.put(d.handle(), d));
        this.deploymentsByHandle = Map.copyOf(children);
    }

    /** Multipliers equal by value (0.5 and 0.50) give the same key. */
    private static String cellKey(java.math.BigDecimal multiplier, int resolution) {
        return multiplier.stripTrailingZeros().toPlainString() + "@" + resolution;
    }

    /** {@return a registry of the catalog bundled in the jar} */
    public static Registry load() {
        return new Registry(CatalogLoader.loadBundled());
    }

    /**
     * Loads and validates the catalog in {@code dir}.
     *
     * @param dir the catalog folder, holding {@code catalog.yaml}
     * @return a registry of that catalog
     * @throws CatalogException listing every problem, each with file, line and column
     */
    public static Registry load(Path dir) {
        return new Registry(CatalogLoader.load(dir));
    }

    /**
     * Wraps an already loaded catalog.
     *
     * @param catalog a catalog loaded by {@link dev.modelcards.catalog.CatalogLoader}
     * @return a registry of that catalog
     */
    public static Registry of(Catalog catalog) {
        return new Registry(catalog);
    }

    /** {@return the catalog behind this registry} */
    Catalog catalog() {
        return catalog;
    }

    /**
     * Every variant, float and quantized, sorted by handle. (A {@link #query()} holds only float variants
     * unless it asks for quantized ones.)
     *
     * @return every variant, sorted by handle
     */
    public List<Variant> variants() {
        return variants;
    }

    /** {@return every published model (variant × version), sorted by handle then version} */
    public List<ModelVersion> models() {
        return variants.stream().flatMap(v -> v.versions().stream()).toList();
    }

    /** {@return every deployment child card (TF.js conversions) of every model, in handle order of their parents} */
    public List<Deployment> deployments() {
        return deployments;
    }

    /**
     * A new query over the float variants; {@link Query#quantized}, {@link Query#quantization} and
     * {@link Query#includeQuantized} widen it to quantized ones.
     *
     * @return a new query over the float variants
     */
    public Query query() {
        return new Query(this);
    }

    /**
     * Looks up a handle or URL, with or without version (no version = latest): a float model
     * ({@code google/imagenet/mobilenet_v1_050_128/classification/3}) or a quantized one
     * ({@code google/imagenet/mobilenet_v1_050_128/quantops/classification/3}). A deployment child's handle
     * ({@code .../classification/3/default/tfjs/1}) is not a model version: {@link #deployment} finds it,
     * and this method's exception says so.
     *
     * @param handleOrUrl a handle or {@code https://tfhub.dev/...} URL, with or without version
     * @return the model version it names (the latest when it names no version)
     * @throws LookupException naming what is wrong and the closest handles
     */
    public ModelVersion get(String handleOrUrl) {
        HandleRef ref;
        try {
            ref = HandleRef.parse(handleOrUrl);
        } catch (LookupException e) {
            throw asDeployment(handleOrUrl).orElse(e);
        }
        return resolve(ref).orElseThrow(() -> notFound(ref));
    }

    /**
     * Looks up a deployment child card by its handle or URL: the parent's handle with version, then the
     * format's path, e.g. {@code google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1}.
     * Empty when the input names no published deployment ({@link #get} explains why).
     *
     * @param handleOrUrl a deployment child's handle or URL
     * @return the deployment it names, or empty
     */
    public Optional<Deployment> deployment(String handleOrUrl) {
        try {
            return Optional.ofNullable(deploymentsByHandle.get(HandleRef.path(handleOrUrl)));
        } catch (LookupException e) {
            return Optional.empty();
        }
    }

    /**
     * When input that is not a model handle ends with a deployment format's path, the reason in terms
     * of deployments: it is one (look it up with {@link #deployment}), or its parent does not exist or
     * has no such child.
     */
    private Optional<LookupException> asDeployment(String input) {
        String path;
        try {
            path = HandleRef.path(input);
        } catch (LookupException e) {
            return Optional.empty();
        }
        for (Catalog.DeploymentSpec spec : catalog.deployments().values()) {
            String suffix = "/" + spec.path();
            if (!path.endsWith(suffix) || path.length() == suffix.length()) {
                continue;
            }
            Deployment d = deploymentsByHandle.get(path);
            String parent = path.substring(0, path.length() - suffix.length());
            if (d != null) {
                return Optional.of(new LookupException("'" + path + "' is the " + spec.name() + " deployment of '"
                        + d.parent().handle() + "', a child card and not a model version"));
            }
            HandleRef ref;
            try {
                ref = HandleRef.parse(parent);
            } catch (LookupException e) {
                return Optional.of(new LookupException("'" + HandleRef.printable(path) + "': a " + spec.name()
                        + " deployment handle is its parent's handle with version, then /" + spec.path() + "; "
                        + e.getMessage()));
            }
            if (ref.version().isEmpty()) {
                return Optional.of(new LookupException("'" + HandleRef.printable(path) + "': a " + spec.name()
                        + " deployment handle names its parent's version, e.g. " + example(spec, byHandle.get(ref.base()))));
            }
            Optional<ModelVersion> m = resolve(ref);
            if (m.isEmpty()) {
                return Optional.of(notFound(ref));
            }
            List<Integer> with = m.get().variant().versions().stream()
                    .filter(v -> v.deployments().stream().anyMatch(x -> x.format().equals(spec.id())))
                    .map(ModelVersion::number).toList();
            return Optional.of(new LookupException("'" + m.get().handle() + "' has no " + spec.name() + " deployment; "
                    + (with.isEmpty() ? "no version of '" + m.get().variant().handle() + "' has one"
                    : "versions with one: " + with)));
        }
        return Optional.empty();
    }

    /** A published deployment of this format: of {@code near}'s versions if it has one, else the first. */
    private String example(Catalog.DeploymentSpec spec, Variant near) {
        return deployments.stream().filter(d -> d.format().equals(spec.id()))
                .sorted(Comparator.comparing((Deployment d) -> !d.parent().variant().equals(near)))
                .map(Deployment::handle).findFirst()
                .orElse("publisher/collection/name/head/1/" + spec.path());
    }

    /**
     * Like {@link #get} but empty instead of throwing when nothing matches or the input is malformed.
     *
     * @param handleOrUrl a handle or URL, with or without version
     * @return the model version it names, or empty
     */
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
        if (v == null && ref.version().isEmpty()) {
            // Five segments are also a quantized handle's form, so ".../feature_vector/latest" parses: say
            // what it most likely meant.
            int cut = ref.base().lastIndexOf('/');
            Variant parent = byHandle.get(ref.base().substring(0, cut));
            if (parent != null) {
                return new LookupException("'" + HandleRef.printable(ref.base().substring(cut + 1)) + "' is not a version of '"
                        + parent.handle() + "': a version is a positive whole number; published versions: "
                        + parent.versions().stream().map(m -> m.number()).toList());
            }
        }
        if (v == null) {
            String[] seg = ref.base().split("/");
            if (seg.length == 5) {
                // The float variant exists but not its quantization: say which families have one.
                Variant plain = byHandle.get(String.join("/", seg[0], seg[1], seg[2], seg[4]));
                List<String> families = variants.stream().filter(x -> x.quantization().filter(seg[3]::equals).isPresent())
                        .map(Variant::familyId).distinct().toList();
                if (plain != null && !families.isEmpty()) {
                    return new LookupException("no model '" + ref.base() + "': " + plain.familyId() + " has no "
                            + seg[3] + " variants (" + seg[3] + " variants: " + String.join(", ", families) + ")");
                }
            }
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
