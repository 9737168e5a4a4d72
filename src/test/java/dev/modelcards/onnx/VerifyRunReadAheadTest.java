package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A verify run reads the next file on another thread while onnxruntime checks the current one: the report must not
 * show it. Files come out in plan order, each with the SHA-256 of exactly its bytes (hashed while read), and a file
 * that cannot be prepared stops the run where it did before, after the files ahead of it were reported.
 */
class VerifyRunReadAheadTest {
    private static final Registry REGISTRY = Registry.load();
    private static final Path DIR = Path.of("target", "test-models", "read-ahead");
    private static final List<ModelVersion> MODELS = Selection.select(REGISTRY, List.of("mobilenet_v1_025_128"));
    private static Verifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(DIR);
        verifier = new Verifier(OnnxModel.environment());
    }

    @Test
    void filesComeOutInPlanOrderEachWithTheHashOfItsOwnBytes() throws Exception {
        ModelSource source = ModelSource.fresh(new ModelCache(DIR.resolve("cache")));
        VerifyRun.Plan plan = VerifyRun.plan(MODELS, source, 1, 1);
        assertThat(plan.files()).hasSize(4); // float and quantops, classification and feature vector
        List<String> seen = new ArrayList<>();
        List<VerifyResult> results = VerifyRun.execute(plan, source, verifier, r -> seen.add(r.get(0).model()));
        assertThat(seen).containsExactlyElementsOf(plan.files().keySet().stream().map(Path::toString).toList());
        assertThat(results).hasSize(MODELS.size()).allMatch(VerifyResult::ok);
        for (VerifyResult r : results) {
            assertThat(r.modelSha256()).as(r.handle()).isEqualTo(sha256(Path.of(r.model())));
        }
        // four distinct files, four distinct hashes: no result carries the hash of the file read ahead of it
        assertThat(results.stream().map(VerifyResult::modelSha256).distinct()).hasSize(4);
    }

    @Test
    void aFileThatIsNoModelHasNoHashAndTheRunGoesOn() throws Exception {
        Path dir = DIR.resolve("folder");
        Files.createDirectories(dir);
        ModelSource cache = ModelSource.fresh(new ModelCache(DIR.resolve("cache")));
        List<Path> files = new ArrayList<>();
        for (ModelVersion m : MODELS) {
            Path p = dir.resolve(ModelLayout.fileName(m.variant()));
            if (!files.contains(p)) {
                cache.prepare(cache.fileFor(m), m.variant());
                Files.copy(cache.fileFor(m), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                files.add(p);
            }
        }
        byte[] whole = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(whole, whole.length / 3));
        ModelSource folder = ModelSource.folder(dir);
        List<VerifyResult> results = VerifyRun.execute(VerifyRun.plan(MODELS, folder, 1, 1), folder, verifier, r -> { });
        assertThat(results).filteredOn(r -> r.model().equals(files.get(0).toString())).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(VerifyResult.ERROR);
                    assertThat(r.modelSha256()).isNull();
                });
        assertThat(results).filteredOn(r -> !r.model().equals(files.get(0).toString())).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.ok()).isTrue();
                    assertThat(r.modelSha256()).isEqualTo(sha256(Path.of(r.model())));
                });
    }

    @Test
    void aFileThatCannotBePreparedStopsTheRunAfterTheFilesBeforeIt() {
        ModelSource fresh = ModelSource.fresh(new ModelCache(DIR.resolve("cache")));
        VerifyRun.Plan plan = VerifyRun.plan(MODELS, fresh, 1, 1);
        Path second = List.copyOf(plan.files().keySet()).get(1);
        IllegalStateException full = new IllegalStateException("cannot write the model cache: disk full");
        ModelSource failing = new ModelSource() {
            @Override
            public Path fileFor(ModelVersion m) {
                return fresh.fileFor(m);
            }

            @Override
            public boolean prepare(Path file, Variant variant) {
                if (file.equals(second)) {
                    throw full;
                }
                return fresh.prepare(file, variant);
            }
        };
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> VerifyRun.execute(plan, failing, verifier, r -> seen.add(r.get(0).model())))
                .isSameAs(full);
        assertThat(seen).containsExactly(List.copyOf(plan.files().keySet()).get(0).toString());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
