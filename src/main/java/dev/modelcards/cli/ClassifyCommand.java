package dev.modelcards.cli;

import ai.onnxruntime.OrtException;
import dev.modelcards.ModelVersion;
import dev.modelcards.onnx.Classifier;
import dev.modelcards.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelcards classify --model FILE --handle H IMAGE...}: top-5 labels, to try a model by hand. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify images with an ONNX model of a catalog entry and print the top labels.")
public final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The ONNX model.")
    Path model;

    @Option(names = "--handle", paramLabel = "HANDLE_OR_URL", required = true,
            description = "The catalog entry (a classification head) the model implements.")
    String handle;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels file, one per line, line 0 = background (default: ImageNetLabels.txt beside the model).")
    Path labels;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "How many labels (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Images (JPEG, PNG, ...).")
    List<Path> images;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelVersion m = catalog.registry().get(handle);
        if (!m.variant().isClassifier()) {
            throw new CommandFailure(m.handle() + " is a " + m.variant().head() + " model; classify needs a"
                    + " classification handle");
        }
        Path labelFile = labels != null ? labels : model.toAbsolutePath().getParent().resolve("ImageNetLabels.txt");
        List<String> names = Files.isRegularFile(labelFile) ? Classifier.readLabels(labelFile) : List.of();
        if (!Files.isRegularFile(model)) {
            throw new CommandFailure("model file not found: " + model);
        }
        var out = spec.commandLine().getOut();
        try (OnnxModel session = OnnxModel.load(OnnxModel.environment(), Files.readAllBytes(model))) {
            Classifier c = new Classifier(session, names);
            for (Path image : images) {
                out.println(image + " (" + m.handle() + "):");
                for (Classifier.Prediction p : c.classify(image, top)) {
                    out.printf(Locale.ROOT, "  %-32s %10.4f  (index %d)%n", p.label(), p.score(), p.index());
                }
            }
        } catch (OrtException e) {
            throw new CommandFailure("cannot run " + model + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        out.flush();
        return 0;
    }
}
