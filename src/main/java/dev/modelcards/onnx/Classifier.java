package dev.modelcards.onnx;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classifies images with a loaded model: preprocess to the model's NHWC input size, one run, top-k labels.
 * Works for 1001-class models (line 0 of the labels file is {@code background}) and 1000-class ones
 * (labels shifted by one), whatever the output's element type.
 */
public final class Classifier {
    private final OnnxModel model;
    private final List<String> labels;

    /**
     * A classifier over an open model with the labels file's lines.
     *
     * @param model an open model with a classification head
     * @param labels the labels, one per class index
     */
    public Classifier(OnnxModel model, List<String> labels) {
        this.model = model;
        this.labels = List.copyOf(labels);
    }

    /**
     * Reads a labels file, one label per line.
     *
     * @param file a text file
     * @return its lines
     */
    public static List<String> readLabels(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read labels " + file + ": " + e.getMessage(), e));
        }
    }

    /**
     * One prediction.
     *
     * @param index the output index
     * @param label its label, or {@code class <index>} where the labels file has none
     * @param score the model's output value (logit, probability or quantized score)
     */
    public record Prediction(int index, String label, float score) {
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
        float[] v = out.values();
        int offset = labels.size() == v.length + 1 ? 1 : 0;
        List<Integer> order = new ArrayList<>(IntStream.range(0, v.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingDouble(i -> -v[i]).thenComparingInt(i -> i));
        return order.stream().limit(k).map(i -> new Prediction(i,
                i + offset < labels.size() ? labels.get(i + offset) : "class " + i, v[i])).toList();
    }
}
