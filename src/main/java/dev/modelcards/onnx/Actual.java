package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * What a model file has, as loaded. Fields that could not be determined are null.
 *
 * @param inputShape      the first input's shape (-1 symbolic; {@code null} in JSON)
 * @param inputType       its element type
 * @param outputShape     the first output's shape
 * @param outputType      its element type
 * @param inputs          every input's name
 * @param params          weights counted by the shape walk
 * @param biases          bias elements (folded batch norm included)
 * @param macs            multiply-accumulates per image, null when the shape walk could not follow the graph
 * @param inferenceShape  the output shape of the deterministic run
 */
@JsonPropertyOrder({"input_shape", "input_type", "output_shape", "output_type", "inputs", "params", "biases", "macs",
        "inference_shape"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actual(@JsonProperty("input_shape") @JsonSerialize(contentUsing = SymbolicDims.class) List<Long> inputShape,
                     @JsonProperty("input_type") String inputType,
                     @JsonProperty("output_shape") @JsonSerialize(contentUsing = SymbolicDims.class) List<Long> outputShape,
                     @JsonProperty("output_type") String outputType,
                     List<String> inputs, Long params, Long biases, Long macs,
                     @JsonProperty("inference_shape") @JsonSerialize(contentUsing = SymbolicDims.class) List<Long> inferenceShape) {
}
