package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ShapeWalk} measures exactly the builder's own counts ({@link GraphBuilder#plannedStats}) on exported
 * models beyond the catalog too: any variant's architecture (float or quantized, either head) at any resolution
 * from 1 to 300 pixels (odd sizes exercise SAME padding's rounding), any number of classes, NHWC or NCHW. Every
 * exported model of the catalog itself is compared in {@link FullCatalogVerifyTest}. Graphs are built, not
 * loaded: ~0.1 s per try on small resolutions.
 */
class ShapeWalkPropertiesTest {
    private static final List<Variant> VARIANTS = Registry.load().variants();

    @Provide
    Arbitrary<BuildSpec> specs() {
        Arbitrary<Variant> variant = Arbitraries.of(VARIANTS);
        Arbitrary<Integer> resolution = Arbitraries.oneOf(Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(65, 300));
        Arbitrary<Integer> classes = Arbitraries.integers().between(1, 2000);
        Arbitrary<Boolean> nchw = Arbitraries.of(false, true);
        return Combinators.combine(variant, resolution, classes, nchw).as((v, r, c, layout) -> {
            BuildSpec s = BuildSpec.of(v).withResolution(r);
            s = s.classifier() ? s.withClasses(c) : s;
            return layout ? s.withNchw() : s;
        });
    }

    @Property(tries = 25)
    void theWalkMeasuresWhatTheBuilderPlanned(@ForAll("specs") BuildSpec spec) {
        GraphStats planned = GraphBuilder.plannedStats(spec);
        GraphStats measured = ShapeWalk.measure(GraphBuilder.build(spec));
        assertThat(measured.macsKnown()).as("%s: %s", spec, measured.unknownOps()).isTrue();
        assertThat(measured).as(spec.toString()).isEqualTo(planned);
        assertThat(OnnxModel.refuseRun(measured)).as(spec.toString()).isNull();
    }

    /** Found by the property (seed -938965788217619354): a 1-pixel V1 0.25 whose 257 classes outnumber its channels. */
    @Example
    void aClassifierWiderThanEveryActivationIsTheLargestTensor() {
        BuildSpec spec = BuildSpec.of(Registry.load().get("google/imagenet/mobilenet_v1_025_128/classification").variant())
                .withResolution(1).withClasses(257);
        theWalkMeasuresWhatTheBuilderPlanned(spec);
        assertThat(GraphBuilder.plannedStats(spec).largestTensor()).isEqualTo(257);
    }
}
