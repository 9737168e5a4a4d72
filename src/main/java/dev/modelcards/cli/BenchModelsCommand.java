package dev.modelcards.cli;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.onnx.Exporter;
import dev.modelcards.onnx.ModelSource;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.PeakRss;
import dev.modelcards.onnx.Selection;
import dev.modelcards.onnx.Verifier;
import dev.modelcards.onnx.VerifyResult;
import dev.modelcards.onnx.VerifyRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelcards bench models}: export and verify the catalog, then a bare loop that only opens an onnxruntime
 * session and runs once per file — the floor — so the verifier's overhead shows as a ratio.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Time export and verify over the catalog (default: all of it) against a bare "
                + "load-and-run loop; prints models built, seconds and peak RSS per phase.")
public final class BenchModelsCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the fresh export goes (default: target/modelcards-bench of the project, else "
                    + "~/.cache/modelcards/bench).")
    Path out;

    @Parameters(paramLabel = "HANDLE_OR_FILTER", arity = "0..*", description = "Handles or filters; default: every model.")
    List<String> filters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, OrtException {
        if (out == null) {
            out = Project.current().output("target/modelcards-bench", Project.userCache().resolve("bench"));
        }
        Registry registry = catalog.registry();
        List<ModelVersion> models = Selection.select(registry, filters);
        List<Variant> variants = Exporter.variants(models);
        OrtEnvironment env = OnnxModel.environment();
        var stdout = spec.commandLine().getOut();

        PeakRss.reset();
        long t0 = System.nanoTime();
        List<Path> files = Exporter.export(variants, out, p -> { });
        double exportSeconds = seconds(t0);
        long exportRss = PeakRss.kib();

        PeakRss.reset();
        ModelSource source = ModelSource.folder(out);
        t0 = System.nanoTime();
        List<VerifyResult> results = VerifyRun.execute(VerifyRun.plan(models, source, 1, 1), source,
                new Verifier(env), r -> { });
        double verifySeconds = seconds(t0);
        long verifyRss = PeakRss.kib();

        PeakRss.reset();
        t0 = System.nanoTime();
        OnnxFloor.run(env, files);
        double floorSeconds = seconds(t0);
        long floorRss = PeakRss.kib();

        long failed = results.stream().filter(VerifyResult::failed).count();
        stdout.printf(Locale.ROOT, "models built:   %d files for %d published models (%d failed verification)%n",
                files.size(), models.size(), failed);
        stdout.printf(Locale.ROOT, "export:         %7.2f s   peak RSS %s%n", exportSeconds, mib(exportRss));
        stdout.printf(Locale.ROOT, "verify:         %7.2f s   peak RSS %s%n", verifySeconds, mib(verifyRss));
        stdout.printf(Locale.ROOT, "floor (load+run): %5.2f s   peak RSS %s%n", floorSeconds, mib(floorRss));
        stdout.printf(Locale.ROOT, "verify / floor: %7.2f×%n", verifySeconds / floorSeconds);
        stdout.flush();
        return failed > 0 ? 1 : 0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String mib(long kib) {
        return kib < 0 ? "not available" : String.format(Locale.ROOT, "%d MiB", kib / 1024);
    }
}
