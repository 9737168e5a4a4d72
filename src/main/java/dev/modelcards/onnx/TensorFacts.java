package dev.modelcards.onnx;

import java.util.List;

/**
 * A model input or output as onnxruntime reports it.
 *
 * @param name  the tensor name
 * @param type  element type: {@code float32}, {@code uint8}, {@code int8}, ...
 * @param shape dimensions; -1 for a symbolic one
 */
public record TensorFacts(String name, String type, List<Long> shape) {
    /**
     * Copies the shape.
     *
     * @param shape dimensions; -1 for a symbolic one
     * @param name the tensor name
     * @param type element type: {@code float32}, {@code uint8}, {@code int8}, ...
     */
    public TensorFacts {
        shape = List.copyOf(shape);
    }

    /** {@return the shape with symbolic dimensions shown as {@code batch} / {@code ?}} */
    public String shapeText() {
        return Shapes.text(shape);
    }
}
