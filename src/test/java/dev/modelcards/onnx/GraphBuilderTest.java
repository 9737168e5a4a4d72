package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphBuilderTest {
    private static final BuildSpec SPEC = BuildSpec.of(Registry.load()
            .get("google/imagenet/mobilenet_v2_035_96/feature_vector").variant());

    @Test
    void sameSpecGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        ModelFiles.write(GraphBuilder.build(SPEC), dir.resolve("a.onnx"));
        ModelFiles.write(GraphBuilder.build(SPEC), dir.resolve("b.onnx"));
        assertThat(Files.readAllBytes(dir.resolve("a.onnx"))).isEqualTo(Files.readAllBytes(dir.resolve("b.onnx")));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.onnx", "b.onnx");
        }
    }

    @Test
    void contentHashFollowsEveryShapingField() {
        assertThat(SPEC.contentHash()).isEqualTo(BuildSpec.of(Registry.load()
                .get("google/imagenet/mobilenet_v2_035_96/feature_vector/1").variant()).contentHash());
        assertThat(SPEC.withResolution(128).contentHash()).isNotEqualTo(SPEC.contentHash());
        assertThat(SPEC.withNchw().contentHash()).isNotEqualTo(SPEC.contentHash());
    }

    @Test
    void cacheBuildsOnceThenReuses(@TempDir Path dir) {
        ModelCache cache = new ModelCache(dir);
        assertThat(cache.get(SPEC).built()).isTrue();
        assertThat(cache.get(SPEC).built()).isFalse();
        assertThat(cache.pathOf(SPEC).getFileName().toString()).startsWith("mobilenet_v2_035_96-feature_vector-");
    }
}
