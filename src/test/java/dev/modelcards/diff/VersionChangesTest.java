package dev.modelcards.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Typed version-to-version changes: what a card page says changed besides the changelog prose. */
class VersionChangesTest {
    private static final Registry REGISTRY = Registry.load(Path.of("catalog"));

    @Test
    void theTf2SwitchIsAFormatChangeAndVersion3ChangedFineTuningDefaults() {
        assertThat(CatalogDiff.fromPreviousVersion(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification/1"))).isEmpty();
        assertThat(CatalogDiff.fromPreviousVersion(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification/3")))
                .extracting(c -> c.kind() + " " + c.what() + ": " + c.before() + " -> " + c.after())
                .containsExactly("COMPATIBLE variable input size: false -> true",
                        "COMPATIBLE batch norm momentum: fixed -> 0.99, configurable",
                        "COMPATIBLE requirements: none -> tensorflow-hub>=0.2.0");
        assertThat(CatalogDiff.fromPreviousVersion(REGISTRY.get("google/imagenet/mobilenet_v2_050_128/feature_vector/4")))
                .extracting(c -> c.kind() + " " + c.what() + ": " + c.before() + " -> " + c.after())
                .containsExactly("BREAKING format: tf1_hub -> tf2_saved_model",
                        "COMPATIBLE requirements: tensorflow-hub>=0.2.0 -> tensorflow>=1.15, tensorflow-hub>=0.5.0");
        assertThat(CatalogDiff.fromPreviousVersion(REGISTRY.get("google/imagenet/mobilenet_v2_050_128/feature_vector/5"))).isEmpty();
    }
}
