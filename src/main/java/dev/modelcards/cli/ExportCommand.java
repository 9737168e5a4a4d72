package dev.modelcards.cli;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.Exporter;
import dev.modelcards.onnx.ModelCache;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelcards export [--out DIR] [HANDLE_OR_FILTER...]}: reference ONNX models of the catalog. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Build reference ONNX models (exact architecture, deterministic stand-in weights) for the "
                + "selected handles (default: the whole catalog).",
                "Quantized 'quantops' handles get uint8 models (QuantizeLinear/DequantizeLinear, raw pixels 0-255 in) "
                        + "as TF-Lite's *_quant releases; TF.js deployment cards have no ONNX model and are not exported.",
                "With --out DIR: <variant>-<head>.onnx (<variant>-quantops-<head>.onnx) files plus manifest.json, the "
                        + "layout 'verify --models' reads. Without: the content-hash cache that plain 'verify' uses."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the models and manifest.json into.")
    Path out;

    @Mixin
    ModelSelectionOptions selection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Registry registry = catalog.registry();
        List<ModelVersion> models = selection.select(registry);
        List<Variant> variants = Exporter.variants(models);
        var stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        int built = 0;
        try (Progress progress = new Progress("export", variants.size())) {
            if (out != null) {
                Exporter.export(variants, out, p -> progress.step(p.getFileName().toString()));
                built = variants.size();
            } else {
                ModelCache c = new ModelCache(selection.cache());
                for (Variant v : variants) {
                    ModelCache.Entry e = c.get(BuildSpec.of(v));
                    built += e.built() ? 1 : 0;
                    progress.step(e.path().getFileName().toString());
                }
            }
        }
        stdout.printf("exported %d model files for %d published models (%d built, %d cached) into %s in %.1f s%n",
                variants.size(), models.size(), built, variants.size() - built, out != null ? out : selection.cache(),
                (System.nanoTime() - start) / 1e9);
        stdout.flush();
        return 0;
    }
}
