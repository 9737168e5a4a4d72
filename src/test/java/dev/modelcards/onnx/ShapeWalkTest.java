package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The builder's graphs measured by the shape walk against known counts and the published tables. */
class ShapeWalkTest {
    private static final Registry REGISTRY = Registry.load();

    private static GraphStats measure(String handle) {
        return ShapeWalk.measure(GraphBuilder.build(BuildSpec.of(REGISTRY.get(handle).variant())));
    }

    @Test
    void countsKnownArchitecturesExactly() {
        GraphStats v2 = measure("google/imagenet/mobilenet_v2_100_224/classification");
        assertThat(v2.params()).isEqualTo(3_471_040L);  // kernels + 1280×1001 classifier
        assertThat(v2.biases()).isEqualTo(18_057L);     // folded batch norm + classifier bias
        assertThat(v2.macs()).isEqualTo(300_775_552L);
        GraphStats v1 = measure("google/imagenet/mobilenet_v1_100_224/classification");
        assertThat(v1.params()).isEqualTo(4_210_112L);
        assertThat(v1.macs()).isEqualTo(568_741_376L);
        GraphStats fv = measure("google/imagenet/mobilenet_v1_100_224/feature_vector");
        assertThat(v1.params() - fv.params()).isEqualTo(1024L * 1001);
    }

    @Test
    void everyV2VariantAgreesWithThePublishedTableWithinItsRounding() {
        for (Variant v : REGISTRY.variants()) {
            if (!v.familyId().equals("mobilenet_v2") || !v.isClassifier()) {
                continue;
            }
            GraphStats s = ShapeWalk.measure(GraphBuilder.build(BuildSpec.of(v)));
            // TF-Slim's V2 table truncates: 300.78 M MACs is published as 300
            assertThat(millions(s.params(), 2)).as(v + " params").isEqualByComparingTo(Specs.metrics(v).paramsMillions());
            assertThat(millions(s.macs(), 0)).as(v + " MACs").isEqualByComparingTo(Specs.metrics(v).macsMillions());
        }
    }

    @Test
    void v1ParamsAreSystematicallyBelowTheTableButWithinTolerance() {
        for (Variant v : REGISTRY.variants()) {
            if (!v.familyId().equals("mobilenet_v1") || !v.isClassifier()) {
                continue;
            }
            GraphStats s = ShapeWalk.measure(GraphBuilder.build(BuildSpec.of(v)));
            BigDecimal published = Specs.metrics(v).paramsMillions().movePointRight(6);
            assertThat(published.longValue() - s.params()).as(v.toString()).isBetween(5_000L, 30_000L);
            assertThat(Declared.of(v).params().accepts(s.params())).isTrue();
        }
    }

    @Test
    void unknownOperatorLeavesMacsUnknownButStillCountsWeights() {
        ModelProto m = GraphBuilder.build(BuildSpec.of(REGISTRY.get("google/imagenet/mobilenet_v1_025_128/classification")
                .variant()));
        ModelProto.Builder b = m.toBuilder();
        b.getGraphBuilder().getNodeBuilder(2).setOpType("MysteryTranspose");
        GraphStats s = ShapeWalk.measure(b.build());
        assertThat(s.macsKnown()).isFalse();
        assertThat(s.unknownOps()).contains("MysteryTranspose");
        assertThat(s.params()).isEqualTo(ShapeWalk.measure(m).params());
    }

    private static BigDecimal millions(long n, int scale) {
        return BigDecimal.valueOf(n).movePointLeft(6).setScale(scale, RoundingMode.FLOOR);
    }
}
