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
    static final List<Variant> FLOAT = REGISTRY.variants().stream().filter(v -> !v.isQuantized()).toList();
    static final List<Variant> QUANTIZED = REGISTRY.variants().stream().filter(Variant::isQuantized).toList();

    @Test
    void mostAccurateFeatureExtractorUnder100MMacsAt128px() {
        Variant best = REGISTRY.query().head("feature_vector").resolution(128).maxMacs(100).best();
        assertThat(best.handle()).isEqualTo("google/imagenet/mobilenet_v2_100_128/feature_vector");
        // Checked by hand against the table: V1 0.75/128 has 104 M MACs and is excluded; V2 1.00/128 has 99.
        assertThat(best.metrics().top1()).isEqualByComparingTo("65.3");
        // Still a float model when quantized variants are let in: they carry the float metrics and lose ties.
        assertThat(REGISTRY.query().includeQuantized().head("feature_vector").resolution(128).maxMacs(100).best())
                .isEqualTo(best);
        assertThat(REGISTRY.query().includeQuantized().family("mobilenet_v1").head("classification").best().handle())
                .isEqualTo("google/imagenet/mobilenet_v1_100_224/classification");
    }

    @Test
    void quantizedVariantsAreLeftOutUnlessAskedFor() {
        assertThat(QUANTIZED).isNotEmpty();
        assertThat(REGISTRY.query().list()).containsExactlyElementsOf(FLOAT);
        assertThat(REGISTRY.query().quantized(false).list()).containsExactlyElementsOf(FLOAT);
        assertThat(REGISTRY.query().quantized(true).list()).containsExactlyElementsOf(QUANTIZED);
        assertThat(REGISTRY.query().quantization("quantops").list()).containsExactlyElementsOf(QUANTIZED)
                .allSatisfy(v -> assertThat(v.handle()).contains("/quantops/"));
        assertThat(REGISTRY.query().includeQuantized().list()).containsExactlyElementsOf(REGISTRY.variants());
        assertThat(REGISTRY.query().matches(QUANTIZED.get(0))).isFalse();
        assertThat(REGISTRY.query().includeQuantized().matches(QUANTIZED.get(0))).isTrue();
        // Quantization filters narrow like any other, whatever the order.
        assertThat(REGISTRY.query().quantized(true).quantized(false).list()).isEmpty();
        assertThat(REGISTRY.query().quantization("quantops").includeQuantized().list()).containsExactlyElementsOf(QUANTIZED);
        assertThat(REGISTRY.query().includeQuantized().quantization("quantops").list()).containsExactlyElementsOf(QUANTIZED);
        // The quantops set mirrors V1's cells.
        assertThat(REGISTRY.query().quantization("quantops").resolution(128).maxMacs(50).head("classification").list())
                .extracting(Variant::name).containsExactly("mobilenet_v1_025_128", "mobilenet_v1_050_128");
        assertThat(REGISTRY.query().quantized(true).orderBy(Query.Order.TOP1, true).best())
                .isEqualTo(REGISTRY.get("google/imagenet/mobilenet_v1_100_224/quantops/classification").variant());
        assertThatThrownBy(() -> REGISTRY.query().quantization("quantop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown quantization 'quantop' (did you mean 'quantops'?); expected one of: quantops");
    }

    @Test
    void explainCountsTheFloatOnlyDefault() {
        int quantized = QUANTIZED.size();
        int v2 = (int) FLOAT.stream().filter(v -> v.familyId().equals("mobilenet_v2")).count();
        assertThat(REGISTRY.query().family("mobilenet_v2").explain()).isEqualTo(REGISTRY.variants().size()
                + " variants; float only (default) removed " + quantized + "; family mobilenet_v2 removed "
                + (FLOAT.size() - v2) + "; " + v2 + " match");
        assertThat(REGISTRY.query().includeQuantized().explain()).isEqualTo(REGISTRY.variants().size() + " variants; "
                + REGISTRY.variants().size() + " match");
        assertThat(REGISTRY.query().family("mobilenet_v2").quantization("quantops").explain())
                .isEqualTo("no mobilenet_v2 with quantization quantops; quantizations: float ("
                        + REGISTRY.variants().size() + " variants; family mobilenet_v2 removed "
                        + (REGISTRY.variants().size() - v2) + "; quantization quantops removed " + v2 + ", leaving none)");
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
        assertThat(REGISTRY.query().includeQuantized().maxParams(1.0).list()).hasSize(16)
                .filteredOn(Variant::isQuantized).hasSize(8);
        assertThat(REGISTRY.query().minTop1(74).list()).extracting(Variant::name)
                .containsExactly("mobilenet_v2_130_224", "mobilenet_v2_130_224", "mobilenet_v2_140_224", "mobilenet_v2_140_224");
        assertThat(REGISTRY.query().version(2).list()).allSatisfy(v -> assertThat(v.familyId()).isEqualTo("mobilenet_v2"))
                .hasSize(44);
        assertThat(REGISTRY.query().format("tf2_saved_model").list()).containsExactlyElementsOf(FLOAT);
        assertThat(REGISTRY.query().includeQuantized().format("tf2_saved_model").list()).containsExactlyElementsOf(FLOAT);
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
        int all = REGISTRY.variants().size();
        int quantized = QUANTIZED.size();
        long v2 = FLOAT.stream().filter(v -> v.familyId().equals("mobilenet_v2")).count();
        long fv = FLOAT.stream().filter(v -> v.head().equals("feature_vector")).count();
        assertThat(q.explain()).isEqualTo("no mobilenet_v2 with multiplier 0.6; nearest: 0.50, 0.75 (" + all
                + " variants; float only (default) removed " + quantized + "; family mobilenet_v2 removed "
                + (FLOAT.size() - v2) + "; multiplier 0.6 removed " + v2 + ", leaving none)");
        assertThatThrownBy(() -> REGISTRY.query().head("feature_vector").maxMacs(5).best())
                .isInstanceOf(LookupException.class)
                .hasMessage("no variant with at most 5 M MACs; cheapest: 11 M MACs (" + all + " variants; float only "
                        + "(default) removed " + quantized + "; head feature_vector removed " + (FLOAT.size() - fv)
                        + "; at most 5 M MACs removed " + fv + ", leaving none)");
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
