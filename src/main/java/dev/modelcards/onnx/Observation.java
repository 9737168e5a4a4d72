package dev.modelcards.onnx;

import java.util.List;

/**
 * Everything measured on one loaded model file, independent of which catalog entry it is checked against.
 *
 * @param inputs    graph inputs as onnxruntime reports them
 * @param outputs   graph outputs
 * @param stats     the shape walk's counts, or null when the protobuf could not be read
 * @param inference the first output of the deterministic run, or null when no run was possible
 * @param notes     facts that could not be measured (never failures by themselves)
 */
public record Observation(List<TensorFacts> inputs, List<TensorFacts> outputs, GraphStats stats,
                          OnnxModel.Output inference, List<String> notes) {

    /** {@return the facts the JSON report prints under {@code actual}} */
    public Actual actual() {
        TensorFacts in = inputs.isEmpty() ? null : inputs.get(0);
        TensorFacts out = outputs.isEmpty() ? null : outputs.get(0);
        return new Actual(in == null ? null : in.shape(), in == null ? null : in.type(),
                out == null ? null : out.shape(), out == null ? null : out.type(),
                inputs.stream().map(TensorFacts::name).toList(),
                stats == null ? null : stats.params(), stats == null ? null : stats.biases(),
                stats == null || !stats.macsKnown() ? null : stats.macs(),
                inference == null ? null : inference.shape());
    }
}
