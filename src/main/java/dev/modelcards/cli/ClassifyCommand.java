package dev.modelcards.cli;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelcards.InputFile;
import dev.modelcards.ModelVersion;
import dev.modelcards.json.RegistryJson;
import dev.modelcards.onnx.Checks;
import dev.modelcards.onnx.ClassScores;
import dev.modelcards.onnx.Classifier;
import dev.modelcards.onnx.Declared;
import dev.modelcards.onnx.GraphBuilder;
import dev.modelcards.onnx.ImagePreprocessor;
import dev.modelcards.onnx.Mismatch;
import dev.modelcards.onnx.Observation;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.OnnxReader;
import dev.modelcards.onnx.ShapeWalk;
import dev.modelcards.onnx.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelcards classify --model FILE --handle H IMAGE...}: the top labels with their probabilities, to try
 * a model by hand. The model and labels file are checked before anything is loaded; a model that does not match
 * the handle (as {@code verify} would say) is refused unless {@code --force}; a stand-in reference export is
 * named as such; a bad image is one error line and the next image is classified; exit 1 if any image failed.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify images with an ONNX model of a catalog entry and print the top labels with their "
                + "probabilities (softmax of logits; a quantized output dequantized; a softmax output normalised).",
                "A model whose input or output does not match the handle (as 'verify' checks it) is refused unless "
                        + "--force. Labels: --labels FILE, else ImageNetLabels.txt beside the model, else the "
                        + "ImageNet labels bundled with modelcards; stderr says which."})
public final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    CatalogOption catalog;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "The ONNX model.")
    Path model;

    @Option(names = "--handle", paramLabel = "HANDLE_OR_URL", required = true,
            description = "The catalog entry (a classification head) the model implements.")
    String handle;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labels file, one per line, line 0 = background (default: ImageNetLabels.txt beside the "
                    + "model, else the ImageNet labels bundled with modelcards).")
    Path labels;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", converter = Numbers.Positive.class,
            description = "How many labels, at least 1 (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--force", description = "Classify even when the model does not match the handle (a warning).")
    boolean force;

    /** Output formats. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Images (JPEG, PNG, ...).")
    List<Path> images;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The labels and where they came from, for the user. */
    private record Labels(String source, List<String> names) {
    }

    /** One image's outcome: its predictions, or why it could not be classified. */
    private record Outcome(Path image, List<Classifier.Prediction> predictions, String error) {
    }

    @Override
    public Integer call() throws IOException {
        // every input file is checked before anything is read or loaded: a FIFO or a huge file fails at once
        check(model, InputFile.MODEL, "model file not found: " + model);
        Labels names = labels();
        ModelVersion m = catalog.registry().get(handle);
        if (!m.variant().isClassifier()) {
            throw new CommandFailure(m.handle() + " is a " + m.variant().head() + " model; classify needs a"
                    + " classification handle");
        }
        OnnxReader.Checked checked;
        ClassScores scores;
        try {
            checked = OnnxReader.read(model);
            String refused = OnnxModel.refuseRun(ShapeWalk.measure(checked.model()));
            if (refused != null) {
                throw new CommandFailure(model + ": cannot classify with it: " + refused);
            }
            scores = ClassScores.of(checked.model());
        } catch (Verifier.ModelUnreadable e) {
            throw new CommandFailure(e.getMessage());
        } catch (IllegalArgumentException e) { // ShapeWalk.InvalidGraph among them
            throw new CommandFailure(model + ": " + e.getMessage());
        }
        Optional<String> standIn = GraphBuilder.standInFor(checked.model());
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<Mismatch> mismatches;
        try (OnnxModel session = OnnxModel.load(OnnxModel.environment(), checked.bytes())) {
            mismatches = Checks.compare(m.handle(), Declared.of(m.variant()),
                    new Observation(session.inputs(), session.outputs(), null, null, List.of()));
            if (!mismatches.isEmpty()) {
                if (!force) {
                    // the same lines verify prints for this model, then why nothing was classified
                    mismatches.forEach(x -> err.println("mismatch: " + x.message()));
                    throw new CommandFailure(model + " does not match " + m.handle() + " (" + mismatches.size()
                            + (mismatches.size() == 1 ? " mismatch" : " mismatches") + "); --force classifies with it"
                            + " anyway");
                }
                mismatches.forEach(x -> warnings.add("--force: " + x.message()));
            }
            standIn.ifPresent(h -> warnings.add(model + " is a stand-in reference export of " + h + " (random"
                    + " weights, not trained): its predictions mean nothing"));
            Classifier c = new Classifier(session, names.names(), scores);
            long classes = c.classes();
            if (classes > 0) {
                Classifier.checkLabels(names.names(), classes, names.source());
            }
            err.println("labels: " + names.source() + " (" + names.names().size() + " lines)");
            err.println("probabilities: " + scores.describe());
            warnings.forEach(w -> err.println("warning: " + w));
            err.flush();
            for (Path image : images) {
                try {
                    outcomes.add(new Outcome(image, c.classify(image, top), null));
                } catch (OrtException | IllegalArgumentException e) {
                    // this image is bad (or its run failed): say so in one line and go on with the next
                    String why = e instanceof ImagePreprocessor.BadImage ? e.getMessage()
                            : image + ": " + OnnxModel.reason(e);
                    err.println("error: " + why);
                    err.flush();
                    outcomes.add(new Outcome(image, List.of(), why));
                }
            }
        } catch (OrtException e) {
            throw new CommandFailure("cannot run " + model + ": " + OnnxModel.reason(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(RegistryJson.write(json(m, standIn, mismatches, warnings, names, scores, outcomes)));
        } else {
            String note = (standIn.isPresent() ? ", stand-in reference export: random weights, not trained" : "")
                    + (mismatches.isEmpty() ? "" : ", forced: the model does not match it");
            for (Outcome o : outcomes) {
                if (o.error() != null) {
                    continue;
                }
                out.println(o.image() + " (" + m.handle() + note + "):");
                out.printf(Locale.ROOT, "  %11s  %5s  %s%n", "probability", "index", "label");
                for (Classifier.Prediction p : o.predictions()) {
                    out.printf(Locale.ROOT, "  %11.4f  %5d  %s%n", p.probability(), p.index(), p.label());
                }
            }
        }
        out.flush();
        return outcomes.stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }

    /** --labels (which must exist), else ImageNetLabels.txt beside the model, else the bundled ImageNet labels. */
    private Labels labels() throws IOException {
        if (labels != null) {
            check(labels, InputFile.LABELS, labels + ": labels file not found");
            return new Labels(labels.toString(), Classifier.readLabels(labels));
        }
        Path beside = model.toAbsolutePath().getParent().resolve("ImageNetLabels.txt");
        if (Files.exists(beside)) {
            check(beside, InputFile.LABELS, beside + ": labels file not found");
            return new Labels(beside.toString(), Classifier.readLabels(beside));
        }
        return new Labels("ImageNetLabels.txt bundled with modelcards", Classifier.bundledLabels());
    }

    /**
     * {@code {"model", "handle", "stand_in": handle or null, "matches_handle", "mismatches": [...], "warnings":
     * [...], "labels", "probabilities", "results": [{"image", "predictions": [{"rank", "index", "label",
     * "probability"}]} or {"image", "error"}]}}.
     */
    private ObjectNode json(ModelVersion m, Optional<String> standIn, List<Mismatch> mismatches, List<String> warnings,
                            Labels names, ClassScores scores, List<Outcome> outcomes) {
        ObjectNode o = RegistryJson.MAPPER.createObjectNode();
        o.put("model", model.toString());
        o.put("handle", m.handle());
        o.put("stand_in", standIn.orElse(null));
        o.put("matches_handle", mismatches.isEmpty());
        ArrayNode mm = o.putArray("mismatches");
        mismatches.forEach(x -> mm.add(x.message()));
        ArrayNode w = o.putArray("warnings");
        warnings.forEach(w::add);
        o.put("labels", names.source());
        o.put("probabilities", scores.describe());
        ArrayNode results = o.putArray("results");
        for (Outcome x : outcomes) {
            ObjectNode r = results.addObject();
            r.put("image", x.image().toString());
            if (x.error() != null) {
                r.put("error", x.error());
                continue;
            }
            ArrayNode ps = r.putArray("predictions");
            int rank = 1;
            for (Classifier.Prediction p : x.predictions()) {
                ObjectNode po = ps.addObject();
                po.put("rank", rank++);
                po.put("index", p.index());
                po.put("label", p.label());
                po.put("probability", p.probability());
            }
        }
        return o;
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
