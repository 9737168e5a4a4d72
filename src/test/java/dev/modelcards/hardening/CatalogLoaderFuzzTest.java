package dev.modelcards.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the catalog loader and validator: arbitrary bytes as one family file and
 * as {@code catalog.yaml}, the other files being the bundled ones. The only allowed outcomes are a
 * usable catalog or located diagnostics ({@link Outcomes#load}).
 *
 * <p>{@code mvn verify} replays the seed corpus in
 * {@code src/test/resources/dev/modelcards/hardening/CatalogLoaderFuzzTestInputs/<method>/}. To fuzz
 * (see {@code bench/README.md} for the exact command):
 * {@code JAZZER_FUZZ=1 mvn -B test -Dtest=CatalogLoaderFuzzTest#familyFile -Djazzer.max_duration=10m}.
 */
class CatalogLoaderFuzzTest {

    /** Arbitrary bytes as {@code mobilenet_v2.yaml}; seeds are real and hostile family files. */
    @FuzzTest(maxDuration = "10m")
    void familyFile(byte[] data) {
        Outcomes.load(CatalogFiles.with("mobilenet_v2.yaml", data));
    }

    /** Arbitrary bytes as {@code catalog.yaml}, which also decides which family files are read. */
    @FuzzTest(maxDuration = "10m")
    void catalogFile(byte[] data) {
        Outcomes.load(CatalogFiles.with(CatalogFiles.ROOT, data));
    }
}
