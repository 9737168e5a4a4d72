package dev.modelcards;

import dev.modelcards.catalog.Hints;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A filter-and-order query over a {@link Registry}'s variants. Immutable: every method returns a new
 * query, so a query can be shared and refined from several threads.
 *
 * <pre>{@code
 * List<Variant> small = registry.query().family("mobilenet_v2").maxParams(2.0).orderBy(Query.Order.TOP1, true).list();
 * Variant best = registry.query().head("feature_vector").resolution(128).maxMacs(100).best();
 * }</pre>
 *
 * A query that matches nothing explains itself ({@link #explain()}, and the message of
 * {@link LookupException} from {@link #best()}): how many candidates each filter removed and the
 * nearest values that exist.
 *
 * <h2>Quantized variants are left out unless asked for</h2>
 * A new query holds the <em>float</em> variants only. A quantized variant
 * ({@code .../mobilenet_v1_050_128/quantops/classification}) carries its float model's published metrics,
 * because its own accuracy is lower and not published here; counting it would give every accuracy filter,
 * ordering and {@link #best()} a twin that claims the float figures. So the queries written before
 * quantized variants existed keep their meaning, and quantized variants come in only when the query says
 * so: {@link #quantized(boolean) quantized(true)} (any quantization), {@link #quantization(String)} (one
 * of them) or {@link #includeQuantized()} (float and quantized alike). Any of these replaces the default;
 * combined, they narrow like every other filter ({@code quantized(true).quantized(false)} matches
 * nothing). {@link #explain()} lists the default as its first step, {@code float only (default)}.
 *
 * <pre>{@code
 * registry.query().quantization("quantops").resolution(128).list();   // the quantops variants at 128 px
 * registry.query().includeQuantized().family("mobilenet_v1").list();  // V1, float and quantized
 * }</pre>
 */
public final class Query {

    /** What results can be ordered by; ties are always broken by handle, so the order is total. */
    public enum Order {
        /** Handle, alphabetically. */
        HANDLE(Comparator.comparing(Variant::handle)),
        /** Top-1 accuracy. */
        TOP1(Comparator.comparing((Variant v) -> v.top1())),
        /** Top-5 accuracy. */
        TOP5(Comparator.comparing((Variant v) -> v.top5())),
        /** Multiply-accumulates. */
        MACS(Comparator.comparing((Variant v) -> v.published(Quantity.MACS))),
        /** Parameters. */
        PARAMS(Comparator.comparing((Variant v) -> v.published(Quantity.PARAMS))),
        /** Input resolution. */
        RESOLUTION(Comparator.comparingInt(Variant::resolution)),
        /** Depth multiplier. */
        MULTIPLIER(Comparator.comparing(Variant::multiplier));

        private final Comparator<Variant> comparator;

        Order(Comparator<Variant> comparator) {
            this.comparator = comparator;
        }
    }

    /**
     * One filter: its description, its test, how to describe the nearest values that exist, and the family
     * it narrows to (null for other filters), which names the scope of an empty result.
     */
    private record Filter(String description, Predicate<Variant> test, Function<List<Variant>, String> nearest,
                          String family) {
        Filter(String description, Predicate<Variant> test, Function<List<Variant>, String> nearest) {
            this(description, test, nearest, null);
        }
    }

    /** The filter every query starts with until it asks for quantized variants. */
    private static final Filter FLOAT_BY_DEFAULT = new Filter("float only (default)", v -> !v.isQuantized(),
            Query::quantizations);

    private final Registry registry;
    private final List<Filter> filters;
    private final Comparator<Variant> order;

    Query(Registry registry) {
        this(registry, List.of(FLOAT_BY_DEFAULT), Order.HANDLE.comparator);
    }

    private Query(Registry registry, List<Filter> filters, Comparator<Variant> order) {
        this.registry = registry;
        this.filters = filters;
        this.order = order;
    }

    private Query with(Filter f) {
        List<Filter> next = new ArrayList<>(filters);
        next.add(f);
        return new Query(registry, List.copyOf(next), order);
    }

    /** This query without the float-only default, plus {@code f} if not null. */
    private Query choosingQuantization(Filter f) {
        List<Filter> next = new ArrayList<>(filters);
        next.remove(FLOAT_BY_DEFAULT);
        if (f != null) {
            next.add(f);
        }
        return new Query(registry, List.copyOf(next), order);
    }

    /**
     * Only quantized variants ({@code true}, any quantization) or only float ones ({@code false}).
     * Replaces the float-only default; see the class comment.
     *
     * @param quantized {@code true} for quantized variants only, {@code false} for float ones only
     * @return a new query with this filter added
     */
    public Query quantized(boolean quantized) {
        return choosingQuantization(quantized
                ? new Filter("any quantization", Variant::isQuantized, Query::quantizations)
                : new Filter("float only", v -> !v.isQuantized(), Query::quantizations));
    }

    /**
     * Only variants of this quantization, e.g. {@code quantops}. Replaces the float-only default; see the
     * class comment.
     *
     * @param quantization a quantization id the catalog declares
     * @return a new query with this filter added
     * @throws IllegalArgumentException if no family of the catalog declares this quantization
     */
    public Query quantization(String quantization) {
        Objects.requireNonNull(quantization, "quantization");
        List<String> ids = registry.catalog().families().stream().flatMap(f -> f.quantizations().stream())
                .map(q -> q.id()).distinct().sorted().toList();
        if (!ids.contains(quantization)) {
            throw new IllegalArgumentException("unknown quantization '" + quantization + "'"
                    + Hints.didYouMean(quantization, ids) + "; expected one of: "
                    + (ids.isEmpty() ? "none (this catalog has no quantized variants)" : String.join(", ", ids)));
        }
        return choosingQuantization(new Filter("quantization " + quantization,
                v -> v.quantization().filter(quantization::equals).isPresent(), Query::quantizations));
    }

    /**
     * {@return a new query over float and quantized variants alike} It lifts the float-only default (see the
     * class comment).
     */
    public Query includeQuantized() {
        return choosingQuantization(null);
    }

    /**
     * Only this family, e.g. {@code mobilenet_v2}.
     *
     * @param family a family id
     * @return a new query with this filter added
     */
    public Query family(String family) {
        Objects.requireNonNull(family, "family");
        List<String> ids = registry.catalog().families().stream().map(f -> f.id()).toList();
        if (!ids.contains(family)) {
            throw new IllegalArgumentException("unknown family '" + family + "'" + Hints.didYouMean(family, ids)
                    + "; expected one of: " + String.join(", ", ids));
        }
        return with(new Filter("family " + family, v -> v.familyId().equals(family),
                c -> "families: " + distinct(c, Variant::familyId), family));
    }

    /**
     * Only this head: {@code classification} or {@code feature_vector}.
     *
     * @param head a head id
     * @return a new query with this filter added
     */
    public Query head(String head) {
        Objects.requireNonNull(head, "head");
        if (!registry.catalog().heads().containsKey(head)) {
            throw new IllegalArgumentException("unknown head '" + head + "'"
                    + Hints.didYouMean(head, registry.catalog().heads().keySet()) + "; expected one of: "
                    + String.join(", ", registry.catalog().heads().keySet()));
        }
        return with(new Filter("head " + head, v -> v.head().equals(head), c -> "heads: " + distinct(c, Variant::head)));
    }

    /**
     * Only this depth multiplier (0.5 and 0.50 are the same).
     *
     * @param multiplier a depth multiplier, e.g. {@code 0.75}
     * @return a new query with this filter added
     */
    public Query multiplier(BigDecimal multiplier) {
        Objects.requireNonNull(multiplier, "multiplier");
        return with(new Filter("multiplier " + multiplier.toPlainString(),
                v -> v.multiplier().compareTo(multiplier) == 0,
                c -> nearest(c, Variant::multiplier, multiplier, m -> m.toPlainString())));
    }

    /**
     * Only this depth multiplier.
     *
     * @param multiplier a depth multiplier, e.g. {@code 0.75}
     * @return a new query with this filter added
     */
    public Query multiplier(double multiplier) {
        return multiplier(BigDecimal.valueOf(multiplier));
    }

    /**
     * Only this input resolution.
     *
     * @param pixels the input height and width
     * @return a new query with this filter added
     */
    public Query resolution(int pixels) {
        return with(new Filter("resolution " + pixels, v -> v.resolution() == pixels,
                c -> nearest(c, v -> BigDecimal.valueOf(v.resolution()), BigDecimal.valueOf(pixels),
                        r -> r.toPlainString())));
    }

    /**
     * Only resolutions in {@code [min, max]}.
     *
     * @param min the smallest resolution, in pixels
     * @param max the largest resolution, in pixels
     * @return a new query with this filter added
     */
    public Query resolutionBetween(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("resolution range [" + min + ", " + max + "] is empty; expected min <= max");
        }
        return with(new Filter("resolution " + min + "–" + max, v -> v.resolution() >= min && v.resolution() <= max,
                c -> "resolutions: " + distinct(c, v -> Integer.toString(v.resolution()))));
    }

    /**
     * Only variants with at most this many million multiply-accumulates.
     *
     * @param millions the largest MACs count, in millions
     * @return a new query with this filter added
     */
    public Query maxMacs(double millions) {
        return with(new Filter("at most " + fmt(millions) + " M MACs",
                v -> v.published(Quantity.MACS).doubleValue() <= millions,
                c -> "cheapest: " + min(c, v -> v.published(Quantity.MACS)) + " M MACs"));
    }

    /**
     * Only variants with at most this many million parameters.
     *
     * @param millions the largest parameter count, in millions
     * @return a new query with this filter added
     */
    public Query maxParams(double millions) {
        return with(new Filter("at most " + fmt(millions) + " M parameters",
                v -> v.published(Quantity.PARAMS).doubleValue() <= millions,
                c -> "smallest: " + min(c, v -> v.published(Quantity.PARAMS)) + " M parameters"));
    }

    /**
     * Only variants with at least this top-1 accuracy (percent).
     *
     * @param percent the smallest top-1 accuracy, in percent
     * @return a new query with this filter added
     */
    public Query minTop1(double percent) {
        return with(new Filter("top-1 at least " + fmt(percent) + " %",
                v -> v.top1().doubleValue() >= percent,
                c -> "best top-1: " + c.stream().map(v -> v.top1()).max(Comparator.naturalOrder())
                        .map(BigDecimal::toPlainString).orElse("none") + " %"));
    }

    /**
     * Only variants published at this version.
     *
     * @param version a version number
     * @return a new query with this filter added
     */
    public Query version(int version) {
        return with(new Filter("version " + version, v -> v.version(version).isPresent(),
                c -> "versions: " + c.stream().flatMap(v -> v.versions().stream()).map(ModelVersion::number)
                        .collect(Collectors.toCollection(TreeSet::new))));
    }

    /**
     * Only variants with a version in this format (e.g. {@code tf2_saved_model}).
     *
     * @param format a format id of the catalog
     * @return a new query with this filter added
     */
    public Query format(String format) {
        Objects.requireNonNull(format, "format");
        if (!registry.catalog().formats().containsKey(format)) {
            throw new IllegalArgumentException("unknown format '" + format + "'"
                    + Hints.didYouMean(format, registry.catalog().formats().keySet()) + "; expected one of: "
                    + String.join(", ", registry.catalog().formats().keySet()));
        }
        return with(new Filter("format " + format,
                v -> v.versions().stream().anyMatch(m -> m.format().equals(format)),
                c -> "formats: " + c.stream().flatMap(v -> v.versions().stream()).map(m -> m.format())
                        .collect(Collectors.toCollection(TreeSet::new))));
    }

    /**
     * Orders results by {@code key}, descending if asked; ties by handle.
     *
     * @param key what to order by
     * @param descending whether the largest comes first
     * @return a new query with this order
     */
    public Query orderBy(Order key, boolean descending) {
        Comparator<Variant> c = descending ? key.comparator.reversed() : key.comparator;
        return new Query(registry, filters, c.thenComparing(Order.HANDLE.comparator));
    }

    /** {@return the matching variants, in order} */
    public List<Variant> list() {
        return registry.variants().stream().filter(this::matches).sorted(order).toList();
    }

    /** {@return the first matching variant in order, if any} */
    public Optional<Variant> first() {
        return list().stream().findFirst();
    }

    /**
     * The most accurate matching variant (highest top-1, then fewest MACs, then float before quantized,
     * then handle). Only a query that includes quantized variants can return one, and then only where no
     * float variant matches: a quantized variant ties with its float model, whose metrics it carries.
     *
     * @return the best matching variant
     * @throws LookupException explaining why nothing matched
     */
    public Variant best() {
        return registry.variants().stream().filter(this::matches)
                .min(Order.TOP1.comparator.reversed().thenComparing(Order.MACS.comparator)
                        .thenComparing(Variant::isQuantized).thenComparing(Order.HANDLE.comparator))
                .orElseThrow(() -> new LookupException(explain()));
    }

    /**
     * Whether a variant passes every filter, the float-only default included.
     *
     * @param v a variant of this query's registry
     * @return whether this query matches it
     */
    public boolean matches(Variant v) {
        return filters.stream().allMatch(f -> f.test().test(v));
    }

    /**
     * How the query narrows the registry: the candidates each filter removed in turn and, when nothing
     * is left, the nearest values that do exist.
     *
     * @return one line: each filter with the candidates it removed, and the nearest values when none is left
     */
    public String explain() {
        List<Variant> candidates = registry.variants();
        StringBuilder b = new StringBuilder();
        b.append(candidates.size()).append(" variants");
        String family = "";
        for (Filter f : filters) {
            List<Variant> next = candidates.stream().filter(f.test()).toList();
            b.append("; ").append(f.description()).append(" removed ").append(candidates.size() - next.size());
            if (next.isEmpty()) {
                String scope = family.isEmpty() ? "no variant" : "no " + family;
                return scope + " with " + f.description() + "; " + f.nearest().apply(candidates)
                        + " (" + b + ", leaving none)";
            }
            if (f.family() != null) {
                family = f.family();
            }
            candidates = next;
        }
        return b.append("; ").append(candidates.size()).append(" match").toString();
    }

    private static String quantizations(List<Variant> c) {
        return "quantizations: " + String.join(", ", c.stream().map(v -> v.quantization().orElse("float"))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String distinct(List<Variant> c, Function<Variant, String> key) {
        return String.join(", ", c.stream().map(key).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static String min(List<Variant> c, Function<Variant, BigDecimal> key) {
        return c.stream().map(key).min(Comparator.naturalOrder()).map(BigDecimal::toPlainString).orElse("none");
    }

    /** The existing values just below and just above the wanted one. */
    private static String nearest(List<Variant> c, Function<Variant, BigDecimal> key, BigDecimal wanted,
                                  Function<BigDecimal, String> show) {
        TreeSet<BigDecimal> values = c.stream().map(key).collect(Collectors.toCollection(TreeSet::new));
        List<String> near = new ArrayList<>();
        BigDecimal below = values.lower(wanted);
        BigDecimal above = values.higher(wanted);
        if (below != null) {
            near.add(show.apply(below));
        }
        if (above != null) {
            near.add(show.apply(above));
        }
        return "nearest: " + String.join(", ", near);
    }
}
