package dev.modelcards.cli;

import dev.modelcards.InputFile;
import dev.modelcards.onnx.JUnitReport;
import dev.modelcards.onnx.JsonReport;
import dev.modelcards.onnx.ModelFiles;
import dev.modelcards.onnx.ShardMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelcards verify merge}: the JSON reports of {@code verify --shard I/N} (one per part) merged into the
 * JSON and JUnit reports one unsharded run writes. Nothing is written unless every part is there and they all
 * belong to the same run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the JSON reports of 'verify --shard I/N' into the report of one unsharded run "
                + "(byte for byte; the check date is the latest shard's), and write its JUnit XML.",
                "Refuses, writing nothing: a missing or repeated part, shards of different runs (catalog, filters, "
                        + "models, N, onnxruntime or modelcards version), overlapping shards, edited reports.",
                "Exit 1 when refused, or, as verify, when the merged results have a mismatch or an error."})
public final class VerifyMergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHARD.json", arity = "1..*",
            description = "The JSON reports (verify --shard I/N --report FILE) of every part, in any order.")
    List<Path> shards;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the merged JSON report here.")
    Path report;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write the merged JUnit XML report here.")
    Path junit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (Path f : new Path[] {report, junit}) {
            if (f != null) {
                ModelFiles.requireWritable(f);
            }
        }
        List<ShardMerge.Input> inputs = new ArrayList<>();
        for (Path f : shards) {
            inputs.add(new ShardMerge.Input(f.toString(), InputFile.readString(f, InputFile.REPORT)));
        }
        JsonReport.Document merged = ShardMerge.merge(inputs);
        if (report != null) {
            JsonReport.write(merged, report);
        }
        if (junit != null) {
            JUnitReport.write(merged.results(), junit);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("merged " + shards.size() + " shard reports: " + merged.summary().describe());
        out.flush();
        return merged.summary().failed() ? 1 : 0;
    }
}
