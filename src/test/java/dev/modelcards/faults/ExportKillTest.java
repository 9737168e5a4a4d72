package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelcards.Registry;
import dev.modelcards.onnx.Exporter;
import dev.modelcards.onnx.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of {@code export --out DIR}: every run starts from an "old" export (the
 * same models with another doc string, so every file's bytes change but each still verifies) and writes the
 * current one. After each kill, every {@code .onnx} and {@code manifest.json} is byte for byte old or new, so
 * {@code verify --models DIR} never reads a half file; the only additions are hidden per-process temporary
 * files. {@code verify} passes on the last killed folder, and a re-run yields exactly the new folder with
 * the killed runs' temporary files swept.
 *
 * <p>{@code -Dmodelcards.killIterations=50} for the long run (default here: 1, CI runs 3, a few handles, as each kill
 * costs a JVM start); {@code -Dmodelcards.killSeed=N} repeats a run's delays.
 */
class ExportKillTest {
    /**
     * The float models of two of the largest cells (4 files, 68 MB): the write phase is long enough to land kills
     * in. V1's quantops models (same writer, 8 MB) are left out: they would add a second to every export here.
     */
    static final List<String> HANDLES = List.of("google/imagenet/mobilenet_v1_100_224/classification",
            "google/imagenet/mobilenet_v1_100_224/feature_vector", "mobilenet_v2_140_224");

    @TempDir
    Path tmp;

    @Test
    void killedExportLeavesEveryModelOldOrNewAndARerunCompletes() throws Exception {
        int iterations = Integer.getInteger("modelcards.killIterations", 1);
        long seed = Long.getLong("modelcards.killSeed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        String repro = " (seed " + seed + "; rerun with -Dmodelcards.killSeed=" + seed + ")";

        Registry registry = Registry.load(Catalogs.CURRENT);
        Path reference = tmp.resolve("reference");
        // one file per variant, and the manifest
        int variants = Exporter.variants(Selection.select(registry, HANDLES)).size();
        Exporter.export(Exporter.variants(Selection.select(registry, HANDLES)), reference, p -> { });
        SortedMap<String, byte[]> newTree = Tree.read(reference);
        assertThat(newTree.keySet()).hasSize(variants + 1).contains("manifest.json");
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        for (Map.Entry<String, byte[]> e : newTree.entrySet()) {
            byte[] b = e.getKey().endsWith(".onnx")
                    ? ModelProto.parseFrom(e.getValue()).toBuilder().setDocString("an older export of the same model").build().toByteArray()
                    : "{\"models\": {}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(old.resolve(e.getKey()), b);
        }
        SortedMap<String, byte[]> oldTree = Tree.read(old);
        assertThat(Tree.differences(oldTree, newTree)).as("every file changes").hasSize(newTree.size());

        Path out = tmp.resolve("models");
        String[] export = exportArgs(out);
        // A complete run first, timed: the moments worth killing at lie between its first temporary file
        // (building the first model ends) and its end.
        reset(old, out);
        long t0 = System.nanoTime();
        Process first = Cli.start(export);
        while (first.isAlive() && !hasTemp(out)) {
            Thread.sleep(1);
        }
        long firstWriteNanos = System.nanoTime() - t0;
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long fullNanos = System.nanoTime() - t0;
        assertThat(first.exitValue()).as("a complete export").isZero();
        assertThat(Tree.differences(Tree.read(out), newTree)).as("a complete export yields the new folder").isEmpty();

        int temps = 0;
        int fresh = 0;
        for (int i = 0; i < iterations; i++) {
            reset(old, out);
            long start = System.nanoTime();
            Process p = Cli.start(export);
            long from = firstWriteNanos * 9 / 10;
            long delay = from + (long) (random.nextDouble() * (fullNanos * 21 / 20 - from));
            p.waitFor(Math.max(0, delay - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Map.Entry<String, byte[]> e : Tree.read(out).entrySet()) {
                String name = e.getKey();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    temps++;
                    continue;
                }
                byte[] o = oldTree.get(name);
                byte[] n = newTree.get(name);
                assertThat(o != null || n != null).as("kill " + i + ": unexpected file " + name + repro).isTrue();
                boolean isNew = Arrays.equals(e.getValue(), n);
                assertThat(isNew || Arrays.equals(e.getValue(), o)).as("kill " + i + ": " + name
                        + " is neither its old nor its new version (" + e.getValue().length + " bytes)" + repro).isTrue();
                fresh += isNew ? 1 : 0;
            }
            assertThat(Tree.read(out).keySet()).as("kill " + i + ": no file vanished" + repro).containsAll(newTree.keySet());
        }

        // verify reads the last killed folder as it is: every model there is whole, so every one passes
        List<String> verify = new java.util.ArrayList<>(List.of("verify", "--catalog", Catalogs.CURRENT.toString(),
                "--models", out.toString()));
        verify.addAll(HANDLES);
        Cli.Result checked = Cli.run(verify.toArray(String[]::new));
        assertThat(checked.exit()).as("verify of a killed export's folder" + repro + "\n" + checked.describe()).isZero();

        Cli.Result rerun = Cli.run(export);
        assertThat(rerun.exit()).as(rerun.describe()).isZero();
        assertThat(Tree.differences(Tree.read(out), newTree))
                .as("the re-run yields exactly the new folder; temporary files of killed runs are swept").isEmpty();
        System.out.printf("ExportKillTest: %d kills, %d files already new and %d temporary files seen after them,"
                + " full export %.2f s, first temporary file at %.2f s, seed %d%n", iterations, fresh, temps, fullNanos / 1e9,
                firstWriteNanos / 1e9, seed);
    }

    private static String[] exportArgs(Path out) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--catalog", Catalogs.CURRENT.toString(),
                "--out", out.toString()));
        args.addAll(HANDLES);
        return args.toArray(String[]::new);
    }

    private static boolean hasTemp(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    /** {@code out} becomes the old export again: hard links (the export renames over them, never writes into them). */
    private static void reset(Path old, Path out) throws IOException {
        Tree.delete(out);
        Files.createDirectories(out);
        try (var files = Files.list(old)) {
            for (Path f : files.toList()) {
                try {
                    Files.createLink(out.resolve(f.getFileName()), f);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(f, out.resolve(f.getFileName()));
                }
            }
        }
    }
}
