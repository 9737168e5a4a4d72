package dev.modelcards.cli;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.onnx.JUnitReport;
import dev.modelcards.onnx.JsonReport;
import dev.modelcards.onnx.ModelCache;
import dev.modelcards.onnx.ModelFiles;
import dev.modelcards.onnx.ModelSource;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.Verifier;
import dev.modelcards.onnx.VerifyResult;
import dev.modelcards.onnx.VerifyRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelcards verify}: every declared shape and count checked against a loaded model. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check ONNX models against the catalog: NHWC input at the declared resolution (float32 or "
                + "uint8), output [batch, 1001] or [batch, F], parameters and MACs within tolerance, one inference "
                + "with finite values. Exit 1 on any mismatch or unreadable model.",
                "Without --models: freshly exported reference models (cached by content hash under --cache).",
                "With --models DIR: DIR/<variant>-<head>.onnx, or the file DIR/manifest.json maps the handle to."})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of user models (naming convention or manifest.json).")
    Path models;

    @Option(names = "--model", paramLabel = "FILE", description = "One model file; needs --handle.")
    Path model;

    @Option(names = "--handle", paramLabel = "HANDLE_OR_URL", description = "The catalog entry --model is checked against.")
    String handle;


    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write a JUnit XML report here.")
    Path junit;

    @Option(names = "--shard", paramLabel = "I/N", description = "Verify only the I-th of N disjoint parts of the files.")
    String shard;

    @Mixin
    ModelSelectionOptions selection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Registry registry = catalog.registry();
        List<ModelVersion> selected;
        ModelSource source;
        if (model != null || handle != null) {
            if (model == null || handle == null) {
                throw new CommandFailure("--model FILE and --handle HANDLE_OR_URL go together");
            }
            if (models != null || selection.hasFilters()) {
                throw new CommandFailure("--model checks one file against --handle; drop --models and filters");
            }
            ModelVersion m = registry.get(handle);
            selected = List.of(m);
            source = x -> model;
        } else {
            selected = selection.select(registry);
            if (models != null && !Files.isDirectory(models)) {
                throw new CommandFailure("--models " + models + " is not a folder");
            }
            source = models != null ? ModelSource.folder(models) : ModelSource.fresh(new ModelCache(selection.cache));
        }
        int[] part = shard();
        // verifying the catalog takes a while: find out now, not afterwards, that a report cannot be written
        for (Path f : new Path[] {report, junit}) {
            if (f != null) {
                ModelFiles.requireWritable(f);
            }
        }
        VerifyRun.Plan plan = VerifyRun.plan(selected, source, part[0], part[1]);
        PrintWriter out = spec.commandLine().getOut();
        Verifier verifier = new Verifier(OnnxModel.environment());
        List<VerifyResult> results;
        try (Progress progress = new Progress("verify", plan.files().size())) {
            results = VerifyRun.execute(plan, source, verifier, r -> {
                progress.step(r.get(0).handle());
                printRow(out, r);
            });
        }
        if (report != null) {
            JsonReport.write(results, report);
        }
        if (junit != null) {
            JUnitReport.write(results, junit);
        }
        JsonReport.Summary s = JsonReport.Summary.of(results);
        out.printf("%d models in %d files: %d ok, %d mismatch, %d error, %d with warnings%n",
                s.models(), s.files(), s.ok(), s.mismatch(), s.error(), s.warnings());
        out.flush();
        return s.mismatch() + s.error() > 0 ? 1 : 0;
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

    private int[] shard() {
        if (shard == null) {
            return new int[] {1, 1};
        }
        String[] p = shard.split("/");
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new CommandFailure("--shard must be I/N, e.g. 2/4; got '" + shard + "'");
    }
}
