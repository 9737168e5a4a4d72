package dev.modelcards.cli;

import ai.onnxruntime.OrtException;
import dev.modelcards.ModelVersion;
import dev.modelcards.InputFile;
import dev.modelcards.onnx.Classifier;
import dev.modelcards.onnx.ImagePreprocessor;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.OnnxReader;
import dev.modelcards.onnx.ShapeWalk;
import dev.modelcards.onnx.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * {@code modelcards classify --model FILE --handle H IMAGE...}: top-5 labels, to try a model by hand. The model
 * and labels file are checked before anything is loaded; a bad image is one error line and the next image is
 * classified; exit 1 if any image failed.
 */
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
        // every input file is checked before anything is read or loaded: a FIFO or a huge file fails at once
        if (top < 1) {
            throw new CommandFailure("--top must be at least 1; got " + top);
        }
        check(model, InputFile.MODEL, "model file not found: " + model);
        Path labelFile = labels != null ? labels : model.toAbsolutePath().getParent().resolve("ImageNetLabels.txt");
        boolean withLabels = labels != null || Files.exists(labelFile);
        if (withLabels) {
            check(labelFile, InputFile.LABELS, labelFile + ": labels file not found");
        }
        ModelVersion m = catalog.registry().get(handle);
        if (!m.variant().isClassifier()) {
            throw new CommandFailure(m.handle() + " is a " + m.variant().head() + " model; classify needs a"
                    + " classification handle");
        }
        OnnxReader.Checked checked;
        try {
            checked = OnnxReader.read(model);
            String refused = OnnxModel.refuseRun(ShapeWalk.measure(checked.model()));
            if (refused != null) {
                throw new CommandFailure(model + ": cannot classify with it: " + refused);
            }
        } catch (Verifier.ModelUnreadable e) {
            throw new CommandFailure(e.getMessage());
        } catch (ShapeWalk.InvalidGraph e) {
            throw new CommandFailure(model + ": " + e.getMessage());
        }
        List<String> names = withLabels ? Classifier.readLabels(labelFile) : List.of();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean failed = false;
        try (OnnxModel session = OnnxModel.load(OnnxModel.environment(), checked.bytes())) {
            Classifier c = new Classifier(session, names);
            if (c.classes() > 0) {
                Classifier.checkLabels(names, c.classes(), labelFile.toString());
            }
            for (Path image : images) {
                List<Classifier.Prediction> predictions;
                try {
                    predictions = c.classify(image, top);
                } catch (OrtException | IllegalArgumentException e) {
                    // this image is bad (or its run failed): say so in one line and go on with the next
                    err.println("error: " + (e instanceof ImagePreprocessor.BadImage ? e.getMessage()
                            : image + ": " + OnnxModel.reason(e)));
                    err.flush();
                    failed = true;
                    continue;
                }
                out.println(image + " (" + m.handle() + "):");
                for (Classifier.Prediction p : predictions) {
                    out.printf(Locale.ROOT, "  %-32s %10.4f  (index %d)%n", p.label(), p.score(), p.index());
                }
                out.flush();
            }
        } catch (OrtException e) {
            throw new CommandFailure("cannot run " + model + ": " + OnnxModel.reason(e));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /** {@link InputFile#check}, with {@code missing} as the message for a file that does not exist. */
    private static void check(Path file, InputFile.Limit limit, String missing) throws IOException {
        try {
            InputFile.check(file, limit);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(missing);
        }
    }
}
