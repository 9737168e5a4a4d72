package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.catalog.Architecture;
import dev.modelcards.catalog.Specs;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerPlanTest {
    private static final Registry REGISTRY = Registry.load();

    private static Architecture arch(String family) {
        return Specs.catalog(REGISTRY).family(family).orElseThrow().architecture();
    }

    @Test
    void v2AtSmallMultiplierScalesStemAndFirstBlockWithTheNinetyPercentRule() {
        LayerPlan p = LayerPlan.of(arch("mobilenet_v2"), new BigDecimal("0.35"));
        // 32 × 0.35 = 11.2 rounds down to 8, which loses more than 10 %, so TF-Slim adds 8
        assertThat(p.units().get(0).convs().get(0).out()).isEqualTo(16);
        List<LayerPlan.Conv> first = p.units().get(1).convs();
        assertThat(first).extracting(LayerPlan.Conv::name).containsExactly("block1_depthwise", "block1_project");
        assertThat(first.get(1).out()).isEqualTo(8);
        // block 2: input 8 × 6 = 48 expansion, output make_divisible(24 × 0.35) = 8
        assertThat(p.units().get(2).convs()).extracting(LayerPlan.Conv::out).containsExactly(48, 48, 8);
        assertThat(p.featureWidth()).isEqualTo(1280);
        assertThat(p.units()).hasSize(1 + 17 + 1);
    }

    @Test
    void v2ResidualOnlyWhereStrideOneAndWidthsMatch() {
        LayerPlan p = LayerPlan.of(arch("mobilenet_v2"), BigDecimal.ONE);
        assertThat(p.units()).extracting(LayerPlan.Unit::residual).containsExactly(false, false, false, true, false,
                true, true, false, true, true, true, false, true, true, false, true, true, false, false);
        assertThat(LayerPlan.of(arch("mobilenet_v2"), new BigDecimal("1.40")).featureWidth()).isEqualTo(1792);
    }

    @Test
    void v1TruncatesWidthsWithMinimumEight() {
        LayerPlan p = LayerPlan.of(arch("mobilenet_v1"), new BigDecimal("0.25"));
        assertThat(p.units().get(0).convs().get(0).out()).isEqualTo(8);
        assertThat(p.units().get(1).convs()).extracting(LayerPlan.Conv::out).containsExactly(8, 16);
        assertThat(p.units().get(1).convs().get(0).groups()).isEqualTo(8);
        assertThat(p.featureWidth()).isEqualTo(256);
        assertThat(p.units()).hasSize(14);
    }
}
