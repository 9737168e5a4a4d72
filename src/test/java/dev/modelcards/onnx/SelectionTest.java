package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handles and filters select float and quantized models; deployment cards only where verify lists them. */
class SelectionTest {
    private static final Registry REGISTRY = Registry.load();
    private static final String QUANT = "google/imagenet/mobilenet_v1_050_128/quantops/classification";
    private static final String TFJS = "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1";

    @Test
    void quantopsHandlesSelectTheirVersions() {
        assertThat(Selection.select(REGISTRY, List.of(QUANT))).extracting(ModelVersion::handle)
                .containsExactly(QUANT + "/1", QUANT + "/3");
        assertThat(Selection.select(REGISTRY, List.of("https://tfhub.dev/" + QUANT + "/1"))).extracting(ModelVersion::handle)
                .containsExactly(QUANT + "/1");
        long quantized = REGISTRY.models().stream().filter(m -> m.variant().isQuantized()).count();
        assertThat(Selection.select(REGISTRY, List.of("quantops"))).hasSize((int) quantized);
        assertThat(Selection.pick(REGISTRY, List.of("quantops")).deployments()).isEmpty();
    }

    @Test
    void aDeploymentHandleIsPickedForVerifyAndRefusedForExport() {
        Selection.Picked p = Selection.pick(REGISTRY, List.of(TFJS));
        assertThat(p.models()).isEmpty();
        assertThat(p.deployments()).extracting(Deployment::handle).containsExactly(TFJS);
        assertThat(Selection.pick(REGISTRY, List.of("https://tfhub.dev/" + TFJS + "/")).deployments()).hasSize(1);
        assertThat(Selection.pick(REGISTRY, List.of(TFJS.substring(0, TFJS.length() - 2))).deployments())
                .extracting(Deployment::handle).containsExactly(TFJS);
        assertThat(REGISTRY.deployment("https://tfhub.dev/" + TFJS)).isPresent();
        assertThat(REGISTRY.deployment(QUANT)).isEmpty();
        assertThatThrownBy(() -> Selection.select(REGISTRY, List.of(TFJS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + TFJS + "' is the TF.js deployment of google/imagenet/mobilenet_v1_050_128/classification/1,"
                        + " which has no ONNX model; give the model's handle, e.g."
                        + " google/imagenet/mobilenet_v1_050_128/classification/1");
    }

    @Test
    void aModelHandleSelectsTheModelNotItsDeploymentsButFiltersSelectBoth() {
        Selection.Picked handle = Selection.pick(REGISTRY, List.of("google/imagenet/mobilenet_v1_050_128/classification/1"));
        assertThat(handle.models()).hasSize(1);
        assertThat(handle.deployments()).isEmpty();
        Selection.Picked filter = Selection.pick(REGISTRY, List.of("mobilenet_v1_050_128"));
        assertThat(filter.models()).hasSize(Selection.select(REGISTRY, List.of("mobilenet_v1_050_128")).size());
        assertThat(filter.deployments()).isNotEmpty().allMatch(d -> d.handle().contains("mobilenet_v1_050_128"));
        assertThat(Selection.pick(REGISTRY, List.of()).deployments()).hasSize(REGISTRY.deployments().size());
        assertThat(Selection.pick(REGISTRY, List.of("*/tfjs/*")).deployments()).hasSize(REGISTRY.deployments().size());
        assertThatThrownBy(() -> Selection.pick(REGISTRY, List.of("mobilenet_v9")))
                .hasMessageStartingWith("no model matches 'mobilenet_v9'");
    }
}
