package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Exports and verifies every model of the bundled catalog, float and quantized ({@code quantops}), and lists every
 * TF.js deployment card as not applicable (108 files, 412 published models, 196 deployments at the time of
 * writing; the counts come from the registry). ~25 s on two busy cores with an empty cache, measured. Uses the
 * default cache so {@code .ci/run}'s CLI verify afterwards reuses the files.
 */
class FullCatalogVerifyTest {
    @Test
    void wholeCatalogIsGreenWithTheErrataAsWarningsAndDeploymentsNotApplicable() {
        Registry registry = Registry.load();
        ModelSource source = ModelSource.fresh(new ModelCache(ModelCache.DEFAULT_DIR));
        Selection.Picked all = Selection.pick(registry, List.of());
        assertThat(all.models()).hasSize(registry.models().size());
        assertThat(all.deployments()).hasSize(registry.deployments().size()).isNotEmpty();
        VerifyRun.Plan plan = VerifyRun.plan(all.models(), all.deployments(), source, 1, 1);
        // one file per cell × head × (float | quantization): float and quantized models of a cell never share one
        long files = registry.variants().stream()
                .map(v -> v.name() + "/" + v.head() + "/" + v.quantization().orElse("float")).distinct().count();
        assertThat(registry.variants().stream().filter(Variant::isQuantized)).isNotEmpty();
        assertThat(plan.files()).hasSize((int) files);
        assertThat(plan.models()).isEqualTo(registry.models().size());

        long start = System.nanoTime();
        List<VerifyResult> results = VerifyRun.execute(plan, source, new Verifier(OnnxModel.environment()), r -> { });
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, List<VerifyResult>> byStatus = results.stream().collect(Collectors.groupingBy(VerifyResult::status));
        assertThat(results.stream().filter(VerifyResult::failed).flatMap(r -> r.mismatches().stream())
                .map(Mismatch::message)).isEmpty();
        assertThat(results.stream().filter(VerifyResult::failed).map(VerifyResult::error)).isEmpty();
        assertThat(byStatus.get(VerifyResult.OK)).hasSize(registry.models().size());
        assertThat(byStatus.get(VerifyResult.NOT_APPLICABLE)).hasSize(registry.deployments().size())
                .allSatisfy(r -> assertThat(r.model()).isNull())
                .allSatisfy(r -> assertThat(r.deployment().format()).isEqualTo("tfjs"));
        assertThat(byStatus.keySet()).containsOnly(VerifyResult.OK, VerifyResult.NOT_APPLICABLE);
        // quantized handles were checked against uint8 models, float ones against float32 models
        Map<String, ModelVersion> models = registry.models().stream()
                .collect(Collectors.toMap(ModelVersion::handle, m -> m));
        for (VerifyResult r : byStatus.get(VerifyResult.OK)) {
            String type = models.get(r.handle()).variant().isQuantized() ? "uint8" : "float32";
            assertThat(r.actual().inputType()).as(r.handle()).isEqualTo(type);
            assertThat(r.actual().outputType()).as(r.handle()).isEqualTo(type);
        }
        // the shape walk measures, on every exported file, exactly the builder's own counts (the property test does
        // the same beyond the catalog: other resolutions, class counts, layouts)
        for (VerifyResult r : byStatus.get(VerifyResult.OK)) {
            GraphStats planned = GraphBuilder.plannedStats(BuildSpec.of(models.get(r.handle()).variant()));
            assertThat(List.of(r.actual().params(), r.actual().biases(), r.actual().macs())).as(r.handle())
                    .containsExactly(planned.params(), planned.biases(), planned.macs());
        }
        // a quantized export has exactly its float model's kernels and multiply-adds (same layers, stored as uint8)
        Map<String, Actual> floats = byStatus.get(VerifyResult.OK).stream()
                .filter(r -> !models.get(r.handle()).variant().isQuantized())
                .collect(Collectors.toMap(VerifyResult::handle, VerifyResult::actual));
        long compared = 0;
        for (VerifyResult r : byStatus.get(VerifyResult.OK)) {
            Variant v = models.get(r.handle()).variant();
            if (v.isQuantized()) {
                Actual f = floats.get(r.handle().replace("/" + v.quantization().orElseThrow() + "/", "/"));
                if (f != null) {
                    assertThat(r.actual().params()).as(r.handle()).isEqualTo(f.params());
                    assertThat(r.actual().macs()).as(r.handle()).isEqualTo(f.macs());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
        // the catalog's errata (V1 cells whose published figure is wrong) are warnings on every model of the cell
        long errataModels = registry.models().stream().filter(m -> !m.variant().errata().isEmpty()).count();
        assertThat(errataModels).isPositive();
        assertThat(results.stream().filter(r -> !r.warnings().isEmpty())).hasSize((int) errataModels);

        JsonReport.Summary s = JsonReport.Summary.of(results);
        assertThat(s.models()).isEqualTo(registry.models().size());
        assertThat(s.files()).isEqualTo(files);
        assertThat(s.notApplicable()).isEqualTo(registry.deployments().size());
        assertThat(s.failed()).isFalse();
        System.out.printf("FullCatalogVerifyTest: %d files, %d models, %d not applicable verified in %.1f s (%s)%n",
                plan.files().size(), s.models(), s.notApplicable(), seconds, ModelCache.DEFAULT_DIR.toAbsolutePath());
    }
}
