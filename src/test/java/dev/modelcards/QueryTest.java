package dev.modelcards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters, ordering, "best under a budget" and self-explaining empty results. */
class QueryTest {
    static final Registry REGISTRY = Registry.load(Path.of("catalog"));

    @Test
    void mostAccurateFeatureExtractorUnder100MMacsAt128px() {
        Variant best = REGISTRY.query().head("feature_vector").resolution(128).maxMacs(100).best();
        assertThat(best.handle()).isEqualTo("google/imagenet/mobilenet_v2_100_128/feature_vector");
        // Checked by hand against the table: V1 0.75/128 has 104 M MACs and is excluded; V2 1.00/128 has 99.
        assertThat(best.metrics().top1()).isEqualByComparingTo("65.3");
    }

    @Test
    void everyFilterNarrows() {
        List<Variant> r = REGISTRY.query().family("mobilenet_v1").head("classification").multiplier(0.5)
                .resolutionBetween(150, 200).list();
        assertThat(r).extracting(Variant::handle).containsExactly(
                "google/imagenet/mobilenet_v1_050_160/classification",
                "google/imagenet/mobilenet_v1_050_192/classification");
        assertThat(REGISTRY.query().maxParams(1.0).list()).allSatisfy(v -> assertThat(v.multiplier())
                .isEqualByComparingTo("0.25")).hasSize(8);
        assertThat(REGISTRY.query().minTop1(74).list()).extracting(Variant::name)
                .containsExactly("mobilenet_v2_130_224", "mobilenet_v2_130_224", "mobilenet_v2_140_224", "mobilenet_v2_140_224");
        assertThat(REGISTRY.query().version(2).list()).allSatisfy(v -> assertThat(v.familyId()).isEqualTo("mobilenet_v2"))
                .hasSize(44);
        assertThat(REGISTRY.query().format("tf2_saved_model").list()).hasSize(76);
        assertThat(REGISTRY.query().multiplier(new BigDecimal("0.5")).list())
                .isEqualTo(REGISTRY.query().multiplier(new BigDecimal("0.50")).list());
    }

    @Test
    void orderingIsByTheKeyThenHandle() {
        List<Variant> byMacs = REGISTRY.query().head("classification").orderBy(Query.Order.MACS, false).list();
        assertThat(byMacs.get(0).name()).isEqualTo("mobilenet_v2_035_96");
        assertThat(byMacs).isSortedAccordingTo(Comparator.comparing((Variant v) -> v.metrics().macsMillions())
                .thenComparing(Variant::handle));
        List<Variant> byTop1 = REGISTRY.query().orderBy(Query.Order.TOP1, true).list();
        assertThat(byTop1.get(0).name()).isEqualTo("mobilenet_v2_140_224");
        assertThat(byTop1.get(0).head()).isEqualTo("classification");
        assertThat(byTop1.get(1).head()).isEqualTo("feature_vector");
    }

    @Test
    void anEmptyResultExplainsItself() {
        Query q = REGISTRY.query().family("mobilenet_v2").multiplier(0.6);
        assertThat(q.list()).isEmpty();
        assertThat(q.explain()).isEqualTo("no mobilenet_v2 with multiplier 0.6; nearest: 0.50, 0.75 "
                + "(76 variants; family mobilenet_v2 removed 32; multiplier 0.6 removed 44, leaving none)");
        assertThatThrownBy(() -> REGISTRY.query().head("feature_vector").maxMacs(5).best())
                .isInstanceOf(LookupException.class)
                .hasMessage("no variant with at most 5 M MACs; cheapest: 11 M MACs "
                        + "(76 variants; head feature_vector removed 38; at most 5 M MACs removed 38, leaving none)");
        assertThat(REGISTRY.query().family("mobilenet_v1").resolution(96).explain())
                .startsWith("no mobilenet_v1 with resolution 96; nearest: 128");
    }

    @Test
    void unknownNamesAreRejectedWithAHint() {
        assertThatThrownBy(() -> REGISTRY.query().head("features"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown head 'features'; expected one of: classification, feature_vector");
        assertThatThrownBy(() -> REGISTRY.query().family("mobilenet_v3"))
                .hasMessage("unknown family 'mobilenet_v3' (did you mean 'mobilenet_v1'?); expected one of: mobilenet_v1, mobilenet_v2");
        assertThatThrownBy(() -> REGISTRY.query().resolutionBetween(200, 100)).hasMessageContaining("is empty");
    }

    @Test
    void queriesAreImmutable() {
        Query base = REGISTRY.query().family("mobilenet_v1");
        base.head("classification");
        assertThat(base.list()).hasSize(32);
    }
}
