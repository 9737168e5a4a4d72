package dev.modelcards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookup by handle or URL and the facts every result derives. */
class RegistryTest {
    static final Registry REGISTRY = Registry.load(Path.of("catalog"));

    @Test
    void bundledCatalogIsTheSameAsTheFolder() {
        assertThat(Registry.load().variants()).isEqualTo(REGISTRY.variants());
    }

    @Test
    void handleWithVersion() {
        ModelVersion m = REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(m.number()).isEqualTo(4);
        assertThat(m.handle()).isEqualTo("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(m.url()).isEqualTo("https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(m.format().id()).isEqualTo("tf2_saved_model");
        assertThat(m.isLatest()).isFalse();
        Variant v = m.variant();
        assertThat(v.checkpointName()).isEqualTo("mobilenet_v2_0.75_96");
        assertThat(v.checkpointPath()).isEqualTo("mobilenet_v2_0.75_96/mobilenet_v2_0.75_96.ckpt");
        assertThat(v.inputShape()).hasToString("[batch, 96, 96, 3]");
        assertThat(v.inputShape().dims()).containsExactly(-1L, 96L, 96L, 3L);
        assertThat(v.inputRange()).extracting(BigDecimal::intValue).containsExactly(0, 1);
        assertThat(v.outputShape()).hasToString("[batch, 1280]");
        assertThat(v.metrics().macsMillions()).isEqualByComparingTo("39");
    }

    @Test
    void urlWithoutVersionIsTheLatest() {
        ModelVersion m = REGISTRY.get("https://tfhub.dev/google/imagenet/mobilenet_v1_100_128/classification");
        assertThat(m.number()).isEqualTo(5);
        assertThat(m.isLatest()).isTrue();
        assertThat(m.variant().outputShape()).hasToString("[batch, 1001]");
        assertThat(m.variant().checkpointPath())
                .isEqualTo("mobilenet_v1_2018_02_22/mobilenet_v1_1.0_128/mobilenet_v1_1.0_128.ckpt");
        assertThat(REGISTRY.get("https://tfhub.dev/google/imagenet/mobilenet_v1_100_128/classification/1/").number())
                .isEqualTo(1);
        assertThat(REGISTRY.get("http://tfhub.dev/google/imagenet/mobilenet_v1_100_128/classification/3?tf-hub-format=compressed")
                .number()).isEqualTo(3);
    }

    @Test
    void checkpointNamesAreSpelledAsTfSlimDoes() {
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_140_224/classification").variant().checkpointName())
                .isEqualTo("mobilenet_v2_1.4_224");
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_050_128/classification").variant().checkpointName())
                .isEqualTo("mobilenet_v2_0.5_128");
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_035_96/classification").variant().checkpointName())
                .isEqualTo("mobilenet_v2_0.35_96");
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v1_025_160/feature_vector").variant().outputShape())
                .hasToString("[batch, 256]");
    }

    @Test
    void unpublishedVersionSaysWhichExist() {
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_100_128/classification/2"))
                .isInstanceOf(LookupException.class)
                .hasMessage("'google/imagenet/mobilenet_v1_100_128/classification' has no version 2; "
                        + "published versions: [1, 3, 4, 5]");
    }

    @Test
    void unknownHandleSuggestsTheClosest() {
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_69/feature_vector/4"))
                .isInstanceOf(LookupException.class)
                .hasMessageStartingWith("no model 'google/imagenet/mobilenet_v2_075_69/feature_vector' "
                        + "(did you mean 'google/imagenet/mobilenet_v2_075_96/feature_vector'?)");
    }

    @Test
    void malformedHandlesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> REGISTRY.get("mobilenet_v2_075_96"))
                .isInstanceOf(LookupException.class).hasMessageContaining("is not a handle; expected publisher/collection/name/head[/version]");
        assertThatThrownBy(() -> REGISTRY.get("google/../mobilenet_v2_075_96/feature_vector"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 2 '..' must match");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector/latest"))
                .isInstanceOf(LookupException.class).hasMessageContaining("version 'latest' must be a positive whole number");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/Feature_Vector"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 4 'Feature_Vector'");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector\u0000/4"))
                .isInstanceOf(LookupException.class).hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> REGISTRY.get(" "))
                .isInstanceOf(LookupException.class).hasMessageStartingWith("empty handle");
        assertThat(REGISTRY.find("google/imagenet/%2e%2e/x/1")).isEmpty();
    }

    @Test
    void modelsAreSortedByHandleThenVersion() {
        List<ModelVersion> models = REGISTRY.models();
        assertThat(models.get(0).handle()).isEqualTo("google/imagenet/mobilenet_v1_025_128/classification/1");
        assertThat(models).extracting(ModelVersion::handle).doesNotHaveDuplicates();
        assertThat(REGISTRY.variants()).isSortedAccordingTo(java.util.Comparator.comparing(Variant::handle));
    }
}
