package dev.modelcards.cli;

import dev.modelcards.Registry;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.site.SitePlan;
import dev.modelcards.site.SiteWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelcards bench generate}: how long a full {@code generate} takes, in this JVM (cold and warm) and as a
 * whole {@code java} process, each also as a multiple of a bare JVM start on the same machine, and how
 * many files and bytes it writes. Every run writes into a fresh temporary folder (removed afterwards).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Time a full generate in-process and as a whole process, against a bare JVM start.")
public final class BenchGenerateCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Mixin
    TemplatesOption templates;

    @Option(names = "--runs", paramLabel = "N", converter = Numbers.Positive.class, defaultValue = "5", description = "Runs per measurement; medians are shown (default: ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("modelcards-bench");
        try {
            long[] bare = new long[runs];
            long[] proc = new long[runs];
            for (int i = 0; i < runs; i++) {
                bare[i] = timeProcess(List.of(BareJvm.class.getName()));
                List<String> gen = new ArrayList<>(List.of(Main.class.getName(), "generate", "--out", tmp.resolve("p" + i).toString()));
                if (catalog.dir() != null) {
                    gen.addAll(List.of("--catalog", catalog.dir().toAbsolutePath().toString()));
                }
                if (templates.dir != null) {
                    gen.addAll(List.of("--templates", templates.dir.toAbsolutePath().toString()));
                }
                proc[i] = timeProcess(gen);
            }
            long t0 = System.nanoTime();
            SiteWriter.Result first = generate(tmp.resolve("cold"));
            long cold = System.nanoTime() - t0;
            long[] warm = new long[runs];
            long[] render = new long[runs];
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                SitePlan plan = plan();
                long b = System.nanoTime();
                SiteWriter.write(tmp.resolve("w" + i), plan);
                warm[i] = System.nanoTime() - a;
                render[i] = b - a;
            }
            long a = System.nanoTime();
            SiteWriter.Result again = SiteWriter.write(tmp.resolve("cold"), plan());
            long rerun = System.nanoTime() - a;
            double base = median(bare);
            out.printf(java.util.Locale.ROOT, "bench generate: %d run(s) each, medians; ratios are against a bare JVM start%n", runs);
            row(out, "bare JVM start (java -cp ... BareJvm)", base, base);
            row(out, "generate, whole process (fresh folder)", median(proc), base);
            row(out, "generate, in-process, first run (cold)", cold, base);
            row(out, "generate, in-process, warm", median(warm), base);
            row(out, "  of which rendering", median(render), base);
            row(out, "re-run, nothing changed (" + again.written().size() + " written)", rerun, base);
            out.printf(java.util.Locale.ROOT, "files written: %d, bytes written: %d (%.1f MiB)%n", first.written().size(), first.bytes(),
                    first.bytes() / 1048576.0);
            out.flush();
            return 0;
        } finally {
            deleteTree(tmp);
        }
    }

    private SitePlan plan() {
        Registry registry = catalog.registry();
        return SitePlan.render(new CardRenderer(registry, templates.engine()), SiteFormat.all.sets());
    }

    private SiteWriter.Result generate(Path dir) throws IOException {
        return SiteWriter.write(dir, plan());
    }

    private static long timeProcess(List<String> mainAndArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        long elapsed = System.nanoTime() - t;
        if (code != 0) {
            throw new CommandFailure("'" + String.join(" ", mainAndArgs) + "' exited with " + code);
        }
        return elapsed;
    }

    private static void row(PrintWriter out, String what, double nanos, double base) {
        out.printf(java.util.Locale.ROOT, "  %-48s %8.1f ms  %6.2fx%n", what, nanos / 1e6, nanos / base);
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
