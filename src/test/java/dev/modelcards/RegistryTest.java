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
        assertThat(m.format()).isEqualTo("tf2_saved_model");
        assertThat(m.formatName()).isEqualTo("TF2 SavedModel");
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
        String expected = "is not a handle; expected publisher/collection/name/[quantization/]head[/version]";
        for (String wrongLength : List.of("mobilenet_v2_075_96", "google/imagenet/mobilenet_v2_075_96",
                "google/imagenet/mobilenet_v2_075_96/feature_vector/4/extra/segments",
                "https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/x/y/4")) {
            assertThatThrownBy(() -> REGISTRY.get(wrongLength)).as(wrongLength)
                    .isInstanceOf(LookupException.class).hasMessageContaining(expected);
            assertThat(REGISTRY.find(wrongLength)).as(wrongLength).isEmpty();
        }
        assertThatThrownBy(() -> REGISTRY.get("google/../mobilenet_v2_075_96/feature_vector"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 2 '..' must match");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/../classification/1"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 4 '..' must match");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector/0"))
                .isInstanceOf(LookupException.class).hasMessageContaining("version '0' must be a positive whole number");
        // Five segments are a quantized handle's form, so a word where the version goes is no longer malformed,
        // but the message still says what is wrong.
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector/latest"))
                .isInstanceOf(LookupException.class).hasMessage("'latest' is not a version of "
                        + "'google/imagenet/mobilenet_v2_075_96/feature_vector': a version is a positive whole number; "
                        + "published versions: [1, 2, 3, 4, 5]");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/Feature_Vector"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 4 'Feature_Vector'");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/QuantOps/classification"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 4 'QuantOps'");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/Classification/1"))
                .isInstanceOf(LookupException.class).hasMessageContaining("segment 5 'Classification'");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector\u0000/4"))
                .isInstanceOf(LookupException.class).hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> REGISTRY.get(" "))
                .isInstanceOf(LookupException.class).hasMessageStartingWith("empty handle");
        assertThat(REGISTRY.find("google/imagenet/%2e%2e/x/1")).isEmpty();
    }

    @Test
    void quantizedHandlesResolveWithAndWithoutVersionAndAsUrls() {
        ModelVersion v3 = REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
        assertThat(v3.handle()).isEqualTo("google/imagenet/mobilenet_v1_050_128/quantops/classification/3");
        assertThat(v3.variant().isQuantized()).isTrue();
        assertThat(v3.variant().quantization()).contains("quantops");
        assertThat(v3.variant().checkpointName()).isEqualTo("mobilenet_v1_0.5_128_quant");
        assertThat(v3.isLatest()).isTrue();
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification")).isEqualTo(v3);
        assertThat(REGISTRY.get("https://tfhub.dev/google/imagenet/mobilenet_v1_050_128/quantops/classification/1/")
                .number()).isEqualTo(1);
        assertThat(REGISTRY.get("https://tfhub.dev/google/imagenet/mobilenet_v1_050_128/quantops/feature_vector?tf-hub-format=compressed"))
                .isEqualTo(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/feature_vector/3"));
        assertThat(REGISTRY.find("google/imagenet/mobilenet_v1_050_128/quantops/classification/3")).contains(v3);
        // The float model of the same cell is a different variant with its own versions.
        Variant plain = REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification").variant();
        assertThat(plain).isNotEqualTo(v3.variant());
        assertThat(plain.quantization()).isEmpty();
        assertThat(v3.variant().metrics()).isEqualTo(plain.metrics());
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification/2"))
                .isInstanceOf(LookupException.class)
                .hasMessage("'google/imagenet/mobilenet_v1_050_128/quantops/classification' has no version 2; "
                        + "published versions: [1, 3]");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v2_050_128/quantops/classification"))
                .isInstanceOf(LookupException.class)
                .hasMessage("no model 'google/imagenet/mobilenet_v2_050_128/quantops/classification': mobilenet_v2 has "
                        + "no quantops variants (quantops variants: mobilenet_v1)");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantop/classification"))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("(did you mean 'google/imagenet/mobilenet_v1_050_128/quantops/classification'?)");
    }

    @Test
    void deploymentChildrenAreFoundByTheirHandleAndExplainedByGet() {
        String handle = "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1";
        Deployment d = REGISTRY.deployment(handle).orElseThrow();
        assertThat(d.handle()).isEqualTo(handle);
        assertThat(d.format()).isEqualTo("tfjs");
        assertThat(d.formatName()).isEqualTo("TF.js");
        assertThat(d.parent()).isEqualTo(REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification/1"));
        assertThat(REGISTRY.deployment("https://tfhub.dev/" + handle + "/")).contains(d);
        assertThat(REGISTRY.deployment(" " + handle + " ")).contains(d);
        assertThat(REGISTRY.deployment("google/imagenet/mobilenet_v2_100_224/feature_vector/2/default/tfjs/1"))
                .map(Deployment::parent).contains(REGISTRY.get("google/imagenet/mobilenet_v2_100_224/feature_vector/2"));
        assertThat(REGISTRY.deployments()).hasSize(REGISTRY.models().stream().mapToInt(m -> m.deployments().size()).sum())
                .allSatisfy(x -> assertThat(REGISTRY.deployment(x.handle())).contains(x));
        // Not deployments: a model, an unpublished child, malformed input.
        for (String none : List.of("google/imagenet/mobilenet_v1_050_128/classification/1",
                "google/imagenet/mobilenet_v1_050_128/classification/4/default/tfjs/1",
                "google/imagenet/mobilenet_v1_050_128/quantops/classification/1/default/tfjs/1", "", " ",
                "x".repeat(HandleRef.MAX_LENGTH + 1))) {
            assertThat(REGISTRY.deployment(none)).as(none).isEmpty();
        }
        assertThat(REGISTRY.find(handle)).isEmpty();
        assertThatThrownBy(() -> REGISTRY.get(handle)).isInstanceOf(LookupException.class)
                .hasMessage("'" + handle + "' is the TF.js deployment of "
                        + "'google/imagenet/mobilenet_v1_050_128/classification/1', a child card and not a model version");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification/4/default/tfjs/1"))
                .isInstanceOf(LookupException.class)
                .hasMessage("'google/imagenet/mobilenet_v1_050_128/classification/4' has no TF.js deployment; "
                        + "versions with one: [1, 3]");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification/1/default/tfjs/1"))
                .isInstanceOf(LookupException.class).hasMessageEndingWith("has no TF.js deployment; no version of "
                        + "'google/imagenet/mobilenet_v1_050_128/quantops/classification' has one");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification/default/tfjs/1"))
                .isInstanceOf(LookupException.class).hasMessageContaining("names its parent's version, e.g. "
                        + "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1");
        assertThatThrownBy(() -> REGISTRY.get("google/imagenet/mobilenet_v1_050_129/classification/1/default/tfjs/1"))
                .isInstanceOf(LookupException.class).hasMessageStartingWith("no model "
                        + "'google/imagenet/mobilenet_v1_050_129/classification' (did you mean");
    }

    @Test
    void modelsAreSortedByHandleThenVersion() {
        List<ModelVersion> models = REGISTRY.models();
        assertThat(models.get(0).handle()).isEqualTo("google/imagenet/mobilenet_v1_025_128/classification/1");
        assertThat(models).extracting(ModelVersion::handle).doesNotHaveDuplicates();
        assertThat(REGISTRY.variants()).isSortedAccordingTo(java.util.Comparator.comparing(Variant::handle));
    }

    @Test
    void publishedFiguresAndErrataAreAskedByQuantityNotByColumnName() {
        Variant v = REGISTRY.get("google/imagenet/mobilenet_v1_075_224/classification").variant();
        assertThat(v.published(Quantity.MACS)).isEqualByComparingTo("317");
        assertThat(v.published(Quantity.PARAMS)).isEqualByComparingTo("2.59");
        assertThat(v.top1()).isEqualByComparingTo("68.4");
        assertThat(v.pixel1LatencyMs()).as("TF-Slim publishes no V1 latency").isEmpty();
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_140_224/classification").variant().pixel1LatencyMs())
                .hasValueSatisfying(ms -> assertThat(ms).isEqualByComparingTo("138.0"));
        Erratum e = v.erratum(Quantity.MACS).orElseThrow();
        assertThat(e.published()).isEqualByComparingTo("317");
        assertThat(e.corrected()).isEqualByComparingTo("325.40");
        assertThat(e.note()).isNotBlank();
        assertThat(v.erratum(Quantity.PARAMS)).isEmpty();
        assertThat(v.errata()).containsExactly(e);
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_100_224/classification").variant().errata()).isEmpty();
    }

    @Test
    void theOtherHeadAndTheQuantizedSiblingAreFoundWithoutBuildingHandles() {
        ModelVersion fv = REGISTRY.get("google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        assertThat(fv.otherHead("classification")).map(ModelVersion::handle)
                .contains("google/imagenet/mobilenet_v2_075_96/classification/4");
        assertThat(fv.otherHead("feature_vector")).as("its own head is not another head").isEmpty();
        assertThat(fv.otherHead("segmentation")).isEmpty();
        assertThat(fv.variant().missingClassifier()).as("1280 features × 1001 classes").isEqualTo(1_281_280L);
        assertThat(fv.otherHead("classification").orElseThrow().variant().missingClassifier()).isZero();

        Variant floatV1 = REGISTRY.get("google/imagenet/mobilenet_v1_050_128/classification").variant();
        Variant quantized = floatV1.withQuantization(java.util.Optional.of("quantops")).orElseThrow();
        assertThat(quantized.handle()).isEqualTo("google/imagenet/mobilenet_v1_050_128/quantops/classification");
        assertThat(quantized.withQuantization(java.util.Optional.empty())).contains(floatV1);
        assertThat(quantized.withHead("feature_vector")).map(Variant::handle)
                .contains("google/imagenet/mobilenet_v1_050_128/quantops/feature_vector");
        assertThat(quantized.latest().otherHead("feature_vector")).map(ModelVersion::handle)
                .contains("google/imagenet/mobilenet_v1_050_128/quantops/feature_vector/3");
    }
}
