package dev.modelcards.cli;

import dev.modelcards.Deployment;
import dev.modelcards.InputFile;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.onnx.JUnitReport;
import dev.modelcards.onnx.JsonReport;
import dev.modelcards.onnx.ModelCache;
import dev.modelcards.onnx.ModelFiles;
import dev.modelcards.onnx.ModelSource;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.Selection;
import dev.modelcards.onnx.ShardStamp;
import dev.modelcards.onnx.Verifier;
import dev.modelcards.onnx.VerifyResult;
import dev.modelcards.onnx.VerifyRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelcards verify}: every declared shape and count checked against a loaded model. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check ONNX models against the catalog: NHWC input at the declared resolution (float32, or "
                + "uint8 raw pixels for quantized 'quantops' handles), output [batch, 1001] or [batch, F], parameters "
                + "and MACs within tolerance, one inference with finite values. Exit 1 on any mismatch or unreadable "
                + "model.",
                "TF.js deployment cards (.../<version>/default/tfjs/1) have no ONNX model: they are listed as not "
                        + "applicable, never as failures.",
                "Without --models: freshly exported reference models (cached by content hash under --cache).",
                "With --models DIR: DIR/<variant>-<head>.onnx (DIR/<variant>-quantops-<head>.onnx for quantized "
                        + "handles), or the file DIR/manifest.json maps the handle to."},
        subcommands = VerifyMergeCommand.class)
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of user models (naming convention or manifest.json).")
    Path models;

    /** {@code --model} and {@code --handle}: one file checked against one catalog entry; neither without the other. */
    static final class OneFile {
        @Option(names = "--model", paramLabel = "FILE", required = true,
                description = "One model file; needs --handle.")
        Path model;

        @Option(names = "--handle", paramLabel = "HANDLE_OR_URL", required = true,
                description = "The catalog entry --model is checked against; needs --model.")
        String handle;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    OneFile one;

    /** Output formats of the results on stdout. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (the report on stdout; the table goes to stderr). Default: "
                    + "${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--report", paramLabel = "FILE.json",
            description = "Write the JSON report here; '-' writes it on stdout (as --format json).")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write a JUnit XML report here; - for standard output.")
    Path junit;

    @Option(names = "--shard", paramLabel = "I/N", converter = Numbers.ShardConverter.class,
            description = "Verify only the I-th of N disjoint parts of the files (1 <= I <= N).")
    Numbers.Shard shard = Numbers.Shard.ALL;

    @Mixin
    ModelSelectionOptions selection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Registry registry = catalog.registry();
        List<ModelVersion> selected;
        List<Deployment> deployments;
        ModelSource source;
        if (one != null) {
            Path model = one.model;
            String handle = one.handle;
            if (models != null || selection.hasFilters()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--model checks one file against --handle; drop --models and handles or filters");
            }
            Optional<Deployment> d = registry.deployment(handle);
            selected = d.isPresent() ? List.of() : List.of(registry.get(handle));
            deployments = d.stream().toList();
            if (!selected.isEmpty()) {
                // one file: refuse it now, in one line, if it is no regular file or too big (a FIFO would block)
                try {
                    InputFile.check(model, InputFile.MODEL);
                } catch (NoSuchFileException e) {
                    throw new CommandFailure("model file not found: " + model);
                }
            }
            source = x -> model;
        } else {
            Selection.Picked picked = selection.pick(registry);
            selected = picked.models();
            deployments = picked.deployments();
            if (models != null && !Files.isDirectory(models)) {
                throw new CommandFailure("--models " + models + " is not a folder");
            }
            source = models != null ? ModelSource.folder(models) : ModelSource.fresh(new ModelCache(selection.cache()));
        }
        boolean reportOnStdout = format == Format.json || STDOUT.equals(report);
        boolean junitOnStdout = STDOUT.equals(junit);
        if (reportOnStdout && junitOnStdout) {
            throw new CommandLine.ParameterException(spec.commandLine(), "standard output can carry one report: "
                    + "write the JSON report (--format json or --report -) or the JUnit report (--junit -) there, not both");
        }
        // verifying the catalog takes a while: find out now, not afterwards, that a report cannot be written
        for (Path f : new Path[] {report, junit}) {
            if (f != null && !STDOUT.equals(f)) {
                ModelFiles.requireWritable(f);
            }
        }
        VerifyRun.Plan plan = VerifyRun.plan(selected, deployments, source, shard.index(), shard.count());
        // stdout carries exactly one thing: the table, or the JSON report (then the table is progress on stderr)
        PrintWriter out = reportOnStdout || junitOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        Verifier verifier = new Verifier(OnnxModel.environment());
        List<VerifyResult> results;
        try (Progress progress = new Progress("verify", plan.files().size())) {
            results = VerifyRun.execute(plan, source, verifier, r -> {
                progress.step(r.get(0).handle());
                printRow(out, r);
            });
        }
        printNotApplicable(out, results);
        // a shard's report carries its stamp, so that 'verify merge' can check the parts belong together
        ShardStamp stamp = shard.equals(Numbers.Shard.ALL) ? null
                : ShardStamp.of(selected, deployments, shard.index(), shard.count());
        if (report != null && !STDOUT.equals(report)) {
            JsonReport.write(results, report, stamp);
        }
        if (junit != null && !junitOnStdout) {
            JUnitReport.write(results, junit);
        }
        JsonReport.Summary s = JsonReport.Summary.of(results);
        out.printf("%d models in %d files: %d ok, %d mismatch, %d error, %d with warnings%s%n",
                s.models(), s.files(), s.ok(), s.mismatch(), s.error(), s.warnings(), s.notApplicable() == 0 ? ""
                        : "; " + s.notApplicable() + " not applicable (deployment cards without an ONNX model)");
        out.flush();
        if (reportOnStdout) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(JsonReport.render(results, JsonReport.Check.now(), stamp));
            stdout.flush();
        }
        if (junitOnStdout) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(JUnitReport.render(results));
            stdout.flush();
        }
        return s.failed() ? 1 : 0;
    }

    /** {@code --report -} or {@code --junit -}: that report goes to stdout. */
    private static final Path STDOUT = Path.of("-");

    /**
     * One row per variant and deployment path for the deployment cards (TF.js), after the files: listed so that
     * a reader sees they were not forgotten, with the versions they exist for.
     */
    private static void printNotApplicable(PrintWriter out, List<VerifyResult> results) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Map<String, String> formats = new LinkedHashMap<>();
        for (VerifyResult r : results) {
            if (!r.notApplicable()) {
                continue;
            }
            String parent = r.deployment().parent();
            int cut = parent.lastIndexOf('/');
            String key = parent.substring(0, cut) + "\t" + r.handle().substring(parent.length() + 1);
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(parent.substring(cut + 1));
            formats.put(key, r.deployment().formatName());
        }
        rows.forEach((key, versions) -> {
            String[] k = key.split("\t");
            out.printf("%-8s %-62s %-10s %s deployment (%s): no ONNX model to verify%n", "n/a", k[0],
                    "v" + String.join(",", versions), formats.get(key), k[1]);
        });
        out.flush();
    }

    /** One table row per file, then its mismatches, errors and warnings (once per file, not per version). */
    private static void printRow(PrintWriter out, List<VerifyResult> r) {
        VerifyResult first = r.get(0);
        String versions = String.join(",", r.stream().map(x -> x.handle().substring(x.handle().lastIndexOf('/') + 1))
                .toList());
        String handle = first.handle().substring(0, first.handle().lastIndexOf('/'));
        String facts = first.actual() == null ? "" : String.format("%-22s %-12s %9s %9s",
                first.actual().inputType() + shape(first.actual().inputShape()), shape(first.actual().outputShape()),
                millions(first.actual().params()), millions(first.actual().macs()));
        String status = r.stream().map(VerifyResult::status).filter(s -> !s.equals(VerifyResult.OK)).findFirst()
                .orElse(VerifyResult.OK);
        out.printf("%-8s %-62s %-10s %s%n", status, handle, "v" + versions, facts);
        Set<String> lines = new LinkedHashSet<>();
        for (VerifyResult x : r) {
            // versions share the file, so print each finding once, under the variant's handle
            x.mismatches().forEach(m -> lines.add("  mismatch: " + handle + ": " + m.field() + ": declared "
                    + m.declared() + ", model has " + m.actual()));
            if (x.error() != null) {
                lines.add("  error: " + x.error().replace(x.handle(), handle));
            }
            x.warnings().forEach(w -> lines.add("  warning: " + w));
        }
        lines.forEach(out::println);
        out.flush();
    }

    private static String shape(List<Long> s) {
        return s == null ? "" : s.toString().replace("-1", "b").replace(" ", "");
    }

    private static String millions(Long n) {
        return n == null ? "-" : String.format(java.util.Locale.ROOT, "%.2fM", n / 1e6);
    }
}
