package dev.modelcards.cli;

import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import dev.modelcards.catalog.VersionSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code modelcards show HANDLE_OR_URL}: one model's facts. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one model by handle or tfhub.dev URL (no version = latest).")
public final class ShowCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Parameters(paramLabel = "HANDLE_OR_URL", description = "e.g. google/imagenet/mobilenet_v2_075_96/feature_vector/4")
    String handle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelVersion m = catalog.registry().get(handle);
        Variant v = m.variant();
        var out = spec.commandLine().getOut();
        out.println(m.handle() + (m.isLatest() ? " (latest)" : " (latest: " + v.latest().number() + ")"));
        out.println("  url:         " + m.url());
        out.println("  family:      " + v.family().name() + ", multiplier " + v.multiplier().toPlainString()
                + ", " + v.resolution() + " px, " + v.head());
        out.println("  checkpoint:  " + v.checkpointName());
        out.println("  input:       " + v.inputShape() + " float32, values in " + v.inputRange());
        out.println("  output:      " + v.outputShape());
        out.println("  metrics:     " + v.metrics().macsMillions().toPlainString() + " M MACs, "
                + v.metrics().paramsMillions().toPlainString() + " M params, top-1 "
                + v.metrics().top1().toPlainString() + " %, top-5 " + v.metrics().top5().toPlainString() + " %");
        out.println("  format:      " + m.format().name() + " (" + m.format().api() + ")");
        out.println("  changelog:");
        for (VersionSpec s : m.changelog()) {
            out.println("    version " + s.version() + ":");
            s.changelog().forEach(e -> out.println("      * " + e.replace("\n", " ")));
        }
        out.flush();
        return 0;
    }
}
