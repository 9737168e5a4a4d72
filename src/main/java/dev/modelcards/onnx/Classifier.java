package dev.modelcards.onnx;

import ai.onnxruntime.OrtException;
import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Classifies images with a loaded model: preprocess to the model's NHWC input size, one run, top-k labels with
 * their probabilities ({@link ClassScores}). Works for 1001-class models (line 0 of the labels file is
 * {@code background}) and 1000-class ones (labels shifted by one), whatever the output's element type.
 */
public final class Classifier {
    /** The classpath resource of the ImageNet labels bundled with modelcards (TensorFlow's ImageNetLabels.txt). */
    public static final String BUNDLED_LABELS = "/modelcards/labels/ImageNetLabels.txt";

    private final OnnxModel model;
    private final List<String> labels;
    private final ClassScores scores;

    /**
     * A classifier over an open model with the labels file's lines.
     *
     * @param model an open model with a classification head
     * @param labels the labels, one per class index
     * @param scores how the model's output becomes probabilities ({@link ClassScores#of})
     */
    public Classifier(OnnxModel model, List<String> labels, ClassScores scores) {
        this.model = model;
        this.labels = List.copyOf(labels);
        this.scores = scores;
    }

    /**
     * The ImageNet labels bundled with modelcards: 1001 lines, line 0 {@code background}, byte-identical to
     * TensorFlow's published {@code ImageNetLabels.txt}.
     *
     * @return the labels
     */
    public static List<String> bundledLabels() {
        try (var in = Classifier.class.getResourceAsStream(BUNDLED_LABELS)) {
            if (in == null) {
                throw new IllegalStateException("modelcards is built without " + BUNDLED_LABELS);
            }
            return parseLabels("ImageNetLabels.txt bundled with modelcards",
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a labels file, one label per line (UTF-8; {@code \n} or {@code \r\n}; blank lines at the end are
     * ignored). Checked before it is read ({@link InputFile#LABELS}); a label must not be empty or contain control
     * characters (a terminal would obey them when the label is printed).
     *
     * @throws IllegalArgumentException naming the file (and line) and what is wrong
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static List<String> readLabels(Path file) {
        String text;
        try {
            text = InputFile.readString(file, InputFile.LABELS);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": labels file not found");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + "; a labels file is UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read labels: " + FileErrors.reason(e), e));
        }
        return parseLabels(file.toString(), text);
    }

    /**
     * The labels in {@code text}, as {@link #readLabels} reads a file; {@code file} names it in messages.
     *
     * @throws IllegalArgumentException naming the source (and line) and what is wrong
     */
    static List<String> parseLabels(String file, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            String label = lines.get(i).strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": empty label");
            }
            int bad = label.codePoints().filter(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                    .findFirst().orElse(-1);
            if (bad >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s:%d: label contains a control"
                        + " character (U+%04X)", file, i + 1, bad));
            }
            lines.set(i, label);
        }
        return List.copyOf(lines);
    }

    /**
     * Checks that {@code labels} fit a model with {@code classes} outputs: one label per class, or one more with
     * line 0 the background class of a 1001-class labels file used for a 1000-class model.
     *
     * @param source names the labels in the message
     * @throws IllegalArgumentException when they do not
     */
    public static void checkLabels(List<String> labels, long classes, String source) {
        if (!labels.isEmpty() && labels.size() != classes && labels.size() != classes + 1) {
            throw new IllegalArgumentException(source + ": " + labels.size() + " labels for a model with " + classes
                    + " classes; a labels file has " + classes + " or " + (classes + 1) + " lines (line 0"
                    + " 'background' when the model has no background class)");
        }
    }

    /** The number of classes the model's first output declares ({@code [batch, classes]}), or -1 if symbolic. */
    public long classes() {
        List<TensorFacts> outs = model.outputs();
        if (outs.isEmpty() || outs.get(0).shape().isEmpty()) {
            return -1;
        }
        List<Long> s = outs.get(0).shape();
        return s.get(s.size() - 1);
    }

    /**
     * One prediction.
     *
     * @param index       the output index
     * @param label       its label
     * @param probability the class's probability, in [0, 1] ({@link ClassScores#probabilities})
     */
    public record Prediction(int index, String label, double probability) {
    }

    /**
     * The {@code k} best classes for the image in {@code file}, best first.
     *
     * @param file an image file
     * @param k how many classes to return
     * @return the predictions, best first
     * @throws OrtException if onnxruntime fails to run the model
     */
    public List<Prediction> classify(Path file, int k) throws OrtException {
        TensorFacts in = model.inputs().get(0);
        List<Long> s = in.shape();
        if (s.size() != 4 || s.get(3) != 3 || s.get(1) <= 0 || s.get(2) <= 0) {
            throw new IllegalArgumentException("classify needs an NHWC input [batch, H, W, 3] with fixed H and W; the"
                    + " model has " + in.shapeText());
        }
        int h = Math.toIntExact(s.get(1));
        int w = Math.toIntExact(s.get(2));
        float[] pixels = ImagePreprocessor.load(file, h, w);
        OnnxModel.Output out = model.run(pixels, new long[] {1, h, w, 3});
        double[] p = scores.probabilities(out.values());
        if (labels.size() != p.length && labels.size() != p.length + 1) {
            throw new IllegalArgumentException(labels.size() + " labels for a model with " + p.length + " classes");
        }
        int offset = labels.size() == p.length + 1 ? 1 : 0;
        List<Integer> order = new ArrayList<>(IntStream.range(0, p.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingDouble(i -> -p[i]).thenComparingInt(i -> i));
        return order.stream().limit(k).map(i -> new Prediction(i, labels.get(i + offset), p[i])).toList();
    }
}
