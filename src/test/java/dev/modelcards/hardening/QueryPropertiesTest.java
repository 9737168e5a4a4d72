package dev.modelcards.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelcards.LookupException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Query;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of the lookup {@link Query}, over the bundled registry and a synthetic one three
 * times its size whose accuracy figures tie often. Each filter is re-checked here with an independent
 * predicate written from the public {@link Variant} API, not with {@link Query#matches}; so is the
 * documented default: without a quantization filter, only float variants match.
 */
class QueryPropertiesTest {
    private static final Registry BUNDLED = Registry.load();
    private static final Registry SYNTHETIC = synthetic();

    /**
     * A filter as generated: what it does to a query, the same condition checked independently, and whether
     * it is a quantization filter (which lifts the float-only default).
     */
    record Op(String name, Function<Query, Query> apply, Predicate<Variant> holds, boolean quantization) {
        Op(String name, Function<Query, Query> apply, Predicate<Variant> holds) {
            this(name, apply, holds, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 400)
    void everyResultSatisfiesEveryFilterAndNoMatchIsLeftOut(@ForAll("registries") Registry registry,
                                                            @ForAll("filters") List<Op> ops,
                                                            @ForAll Query.Order order, @ForAll boolean desc) {
        List<Variant> got = query(registry, ops).orderBy(order, desc).list();
        for (Variant v : got) {
            for (Op op : ops) {
                assertThat(op.holds().test(v)).as("%s violates %s", v, op).isTrue();
            }
            if (ops.stream().noneMatch(Op::quantization)) {
                assertThat(v.isQuantized()).as("%s is quantized but %s did not ask for quantized variants", v, ops).isFalse();
            }
        }
        List<Variant> expected = registry.variants().stream().filter(v -> holdsForAll(ops, v)).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every filter holds, and the float-only default too unless a quantization filter replaced it. */
    private static boolean holdsForAll(List<Op> ops, Variant v) {
        boolean defaultApplies = ops.stream().noneMatch(Op::quantization);
        return (!defaultApplies || !v.isQuantized()) && ops.stream().allMatch(op -> op.holds().test(v));
    }

    @Property(tries = 400)
    void orderingIsTotalAndConsistent(@ForAll("registries") Registry registry, @ForAll("filters") List<Op> ops,
                                      @ForAll Query.Order order, @ForAll boolean desc) {
        List<Variant> got = query(registry, ops).orderBy(order, desc).list();
        Comparator<Variant> expected = independentOrder(order, desc);
        for (int i = 1; i < got.size(); i++) {
            assertThat(expected.compare(got.get(i - 1), got.get(i)))
                    .as("%s before %s ordered by %s%s", got.get(i - 1), got.get(i), order, desc ? " desc" : "")
                    .isNegative();
        }
        // The same filters in another order, and the same query asked again, give the same list.
        List<Op> shuffled = new ArrayList<>(ops);
        Collections.reverse(shuffled);
        assertThat(query(registry, shuffled).orderBy(order, desc).list()).isEqualTo(got);
        assertThat(query(registry, ops).orderBy(order, desc).list()).isEqualTo(got);
    }

    @Property(tries = 200)
    void latestIsTheMaximumVersion(@ForAll("registries") Registry registry, @ForAll("filters") List<Op> ops) {
        for (Variant v : query(registry, ops).list()) {
            int max = v.versions().stream().mapToInt(ModelVersion::number).max().orElseThrow();
            assertThat(v.latest().number()).isEqualTo(max);
            assertThat(registry.get(v.handle())).isEqualTo(v.latest());
            assertThat(v.versions()).filteredOn(ModelVersion::isLatest).containsExactly(v.latest());
            assertThat(v.versions()).isSortedAccordingTo(Comparator.comparingInt(ModelVersion::number));
        }
    }

    @Property(tries = 400)
    void bestIsTheMostAccurateOfTheList(@ForAll("registries") Registry registry, @ForAll("filters") List<Op> ops) {
        Query q = query(registry, ops);
        List<Variant> list = q.list();
        if (list.isEmpty()) {
            assertThatThrownBy(q::best).isInstanceOf(LookupException.class).hasMessageContaining("removed");
            return;
        }
        Variant best = q.best();
        assertThat(list).contains(best);
        BigDecimal top = list.stream().map(v -> Specs.metrics(v).top1()).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(Specs.metrics(best).top1()).isEqualByComparingTo(top);
        // Ties: fewest MACs, then float before quantized, then handle.
        Variant expected = list.stream().filter(v -> Specs.metrics(v).top1().compareTo(top) == 0)
                .min(Comparator.comparing((Variant v) -> Specs.metrics(v).macsMillions())
                        .thenComparing(Variant::isQuantized).thenComparing(Variant::handle))
                .orElseThrow();
        if (list.stream().anyMatch(v -> !v.isQuantized())) {
            // A quantized variant carries its float model's metrics: it can only win where no float variant matches.
            assertThat(best.isQuantized()).as("best of %s", ops).isFalse();
        }
        assertThat(best).isEqualTo(expected);
    }

    // ---- generators ----------------------------------------------------------------------------

    @Provide
    Arbitrary<Registry> registries() {
        return Arbitraries.of(BUNDLED, SYNTHETIC);
    }

    @Provide
    Arbitrary<List<Op>> filters() {
        Arbitrary<Op> family = Arbitraries.of("mobilenet_v1", "mobilenet_v2")
                .map(f -> new Op("family " + f, q -> q.family(f), v -> v.familyId().equals(f)));
        Arbitrary<Op> head = Arbitraries.of("classification", "feature_vector")
                .map(h -> new Op("head " + h, q -> q.head(h), v -> v.head().equals(h)));
        Arbitrary<Op> multiplier = Arbitraries.oneOf(Arbitraries.of("0.25", "0.35", "0.5", "0.50", "0.75", "1", "1.0", "1.30", "1.4"),
                        Arbitraries.integers().between(1, 200).map(i -> BigDecimal.valueOf(i, 2).toPlainString()))
                .map(BigDecimal::new)
                .map(m -> new Op("multiplier " + m, q -> q.multiplier(m), v -> v.multiplier().compareTo(m) == 0));
        Arbitrary<Op> resolution = Arbitraries.oneOf(Arbitraries.of(96, 128, 160, 192, 224),
                        Arbitraries.integers().between(0, 400))
                .map(r -> new Op("resolution " + r, q -> q.resolution(r), v -> v.resolution() == r));
        Arbitrary<Op> between = Combinators.combine(Arbitraries.integers().between(0, 400),
                        Arbitraries.integers().between(0, 200))
                .as((min, width) -> new Op("resolution " + min + ".." + (min + width),
                        q -> q.resolutionBetween(min, min + width),
                        v -> v.resolution() >= min && v.resolution() <= min + width));
        Arbitrary<Op> maxMacs = tenths(0, 7000).map(x -> new Op("max MACs " + x, q -> q.maxMacs(x.doubleValue()),
                v -> Specs.metrics(v).macsMillions().compareTo(x) <= 0));
        Arbitrary<Op> maxParams = tenths(0, 80).map(x -> new Op("max params " + x, q -> q.maxParams(x.doubleValue()),
                v -> Specs.metrics(v).paramsMillions().compareTo(x) <= 0));
        Arbitrary<Op> minTop1 = tenths(300, 800).map(x -> new Op("min top1 " + x, q -> q.minTop1(x.doubleValue()),
                v -> Specs.metrics(v).top1().compareTo(x) >= 0));
        Arbitrary<Op> version = Arbitraries.integers().between(0, 7).map(n -> new Op("version " + n, q -> q.version(n),
                v -> v.versions().stream().anyMatch(m -> m.number() == n)));
        Arbitrary<Op> format = Arbitraries.of("tf1_hub", "tf2_saved_model").map(f -> new Op("format " + f,
                q -> q.format(f), v -> v.versions().stream().anyMatch(m -> m.format().equals(f))));
        Arbitrary<Op> quantization = Arbitraries.of(
                new Op("quantized", q -> q.quantized(true), Variant::isQuantized, true),
                new Op("float only", q -> q.quantized(false), v -> !v.isQuantized(), true),
                new Op("quantization quantops", q -> q.quantization("quantops"),
                        v -> v.quantization().filter("quantops"::equals).isPresent(), true),
                new Op("include quantized", Query::includeQuantized, v -> true, true));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, family), net.jqwik.api.Tuple.of(3, head), net.jqwik.api.Tuple.of(2, multiplier),
                net.jqwik.api.Tuple.of(2, resolution), net.jqwik.api.Tuple.of(2, between), net.jqwik.api.Tuple.of(2, maxMacs),
                net.jqwik.api.Tuple.of(2, maxParams), net.jqwik.api.Tuple.of(2, minTop1), net.jqwik.api.Tuple.of(2, version),
                net.jqwik.api.Tuple.of(1, format), net.jqwik.api.Tuple.of(3, quantization))
                .list().ofMaxSize(4);
    }

    private static Arbitrary<BigDecimal> tenths(int min, int max) {
        return Arbitraries.integers().between(min, max).map(i -> BigDecimal.valueOf(i, 1));
    }

    private static Query query(Registry registry, List<Op> ops) {
        Query q = registry.query();
        for (Op op : ops) {
            q = op.apply().apply(q);
        }
        return q;
    }

    /** The documented order, written from the public API: the key (reversed if asked), then handle. */
    private static Comparator<Variant> independentOrder(Query.Order order, boolean desc) {
        Comparator<Variant> key = switch (order) {
            case HANDLE -> Comparator.comparing(Variant::handle);
            case TOP1 -> Comparator.comparing(v -> Specs.metrics(v).top1());
            case TOP5 -> Comparator.comparing(v -> Specs.metrics(v).top5());
            case MACS -> Comparator.comparing(v -> Specs.metrics(v).macsMillions());
            case PARAMS -> Comparator.comparing(v -> Specs.metrics(v).paramsMillions());
            case RESOLUTION -> Comparator.comparingInt(Variant::resolution);
            case MULTIPLIER -> Comparator.comparing(Variant::multiplier);
        };
        return (desc ? key.reversed() : key).thenComparing(Variant::handle);
    }

    private static Registry synthetic() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "synthetic-catalog");
            return Registry.load(SyntheticCatalog.write(dir, 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
