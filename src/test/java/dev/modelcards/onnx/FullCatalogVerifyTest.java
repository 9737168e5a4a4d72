package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exports and verifies every model of the bundled catalog (76 files, 348 published models; ~20 s on two
 * cores, measured). Uses the default cache so {@code .ci/run}'s CLI verify afterwards reuses the files.
 */
class FullCatalogVerifyTest {
    @Test
    void wholeCatalogIsGreenWithTheErrataAsWarnings() {
        Registry registry = Registry.load();
        ModelSource source = ModelSource.fresh(new ModelCache(ModelCache.DEFAULT_DIR));
        VerifyRun.Plan plan = VerifyRun.plan(registry.models(), source, 1, 1);
        assertThat(plan.files()).hasSize(76);
        List<VerifyResult> results = VerifyRun.execute(plan, source, new Verifier(OnnxModel.environment()), r -> { });
        assertThat(results).hasSize(348);
        assertThat(results.stream().filter(r -> !r.ok()).flatMap(r -> r.mismatches().stream()).map(Mismatch::message))
                .isEmpty();
        assertThat(results).allMatch(VerifyResult::ok);
        // 5 V1 errata × 2 heads × 4 versions
        assertThat(results.stream().filter(r -> !r.warnings().isEmpty())).hasSize(40);
    }
}
