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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelcards bench models}: export the catalog, then verify it and a bare loop that only opens an onnxruntime
 * session and runs once per file — the floor — alternately, so the verifier's overhead shows as a ratio from one run.
 *
 * <p>Fairness: the export has just written every file (the page cache is warm for both) and the onnxruntime
 * environment is up before either is timed; the two then alternate in ABBA order (floor, verify, verify, floor,
 * ...), so neither always meets the other's leftovers (a warmer JIT, a heap to collect) and slow drift in the
 * machine's load hits both alike. The ratio is of the medians; CPU seconds (all threads, onnxruntime's included)
 * are printed too, as they move less than wall time on a shared machine.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Time export, then verify and a bare load-and-run loop (the floor) over the catalog (default: "
                + "all of it), alternated; prints models built, seconds, CPU seconds and peak RSS per phase and "
                + "verify / floor.")
public final class BenchModelsCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the fresh export goes (default: target/modelcards-bench of the project, else "
                    + "~/.cache/modelcards/bench).")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Timed runs of verify and of the floor each, alternated ABBA (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Parameters(paramLabel = "HANDLE_OR_FILTER", arity = "0..*", description = "Handles or filters; default: every model.")
    List<String> filters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Wall seconds, CPU seconds and peak RSS (KiB) of one timed phase. */
    private record Timing(double seconds, double cpuSeconds, long rssKib) {
    }

    @Override
    public Integer call() throws IOException, OrtException {
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1; got " + rounds);
        }
        if (out == null) {
            out = Project.current().output("target/modelcards-bench", Project.userCache().resolve("bench"));
        }
        Registry registry = catalog.registry();
        List<ModelVersion> models = Selection.select(registry, filters);
        List<Variant> variants = Exporter.variants(models);
        OrtEnvironment env = OnnxModel.environment();
        var stdout = spec.commandLine().getOut();

        AtomicReference<List<Path>> files = new AtomicReference<>();
        Timing export = time(() -> files.set(Exporter.export(variants, out, p -> { })));

        ModelSource source = ModelSource.folder(out);
        VerifyRun.Plan plan = VerifyRun.plan(models, source, 1, 1);
        Verifier verifier = new Verifier(env);
        AtomicReference<List<VerifyResult>> results = new AtomicReference<>();
        List<Timing> verify = new ArrayList<>();
        List<Timing> floor = new ArrayList<>();
        for (int i = 0; i < 2 * rounds; i++) {
            // ABBA: floor, verify, verify, floor, floor, verify, ...
            if ((i + 1) / 2 % 2 == 0) {
                floor.add(time(() -> OnnxFloor.run(env, files.get())));
            } else {
                verify.add(time(() -> results.set(VerifyRun.execute(plan, source, verifier, r -> { }))));
            }
        }

        long failed = results.get().stream().filter(VerifyResult::failed).count();
        stdout.printf(Locale.ROOT, "models built:   %d files for %d published models (%d failed verification)%n",
                files.get().size(), models.size(), failed);
        stdout.printf(Locale.ROOT, "export:           %6.2f s  %6.2f CPU s   peak RSS %s%n", export.seconds(),
                export.cpuSeconds(), mib(export.rssKib()));
        Timing v = median(verify);
        Timing f = median(floor);
        stdout.printf(Locale.ROOT, "verify:           %6.2f s  %6.2f CPU s   peak RSS %s   (median of %d: %s)%n",
                v.seconds(), v.cpuSeconds(), mib(v.rssKib()), rounds, list(verify));
        stdout.printf(Locale.ROOT, "floor (load+run): %6.2f s  %6.2f CPU s   peak RSS %s   (median of %d: %s)%n",
                f.seconds(), f.cpuSeconds(), mib(f.rssKib()), rounds, list(floor));
        stdout.printf(Locale.ROOT, "verify / floor:   %6.2f×  CPU %.2f×   (alternated ABBA after the export, warm "
                + "page cache; load average %s)%n", v.seconds() / f.seconds(), v.cpuSeconds() / f.cpuSeconds(),
                loadAverage());
        stdout.flush();
        return failed > 0 ? 1 : 0;
    }

    /** A timed phase; its exceptions are the command's. */
    private interface Phase {
        void run() throws IOException, OrtException;
    }

    private static Timing time(Phase phase) throws IOException, OrtException {
        PeakRss.reset();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        phase.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = cpu0 < 0 ? Double.NaN : (cpuNanos() - cpu0) / 1e9;
        return new Timing(seconds, cpuSeconds, PeakRss.kib());
    }

    /** CPU time of the whole process (every thread, native ones included), or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The timing with the median wall time (the lower middle one for an even count). */
    private static Timing median(List<Timing> ts) {
        List<Timing> sorted = ts.stream().sorted(Comparator.comparingDouble(Timing::seconds)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String list(List<Timing> ts) {
        return String.join(" ", ts.stream().map(t -> String.format(Locale.ROOT, "%.2f", t.seconds())).toList());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "not available";
        }
    }

    private static String mib(long kib) {
        return kib < 0 ? "not available" : String.format(Locale.ROOT, "%d MiB", kib / 1024);
    }
}
