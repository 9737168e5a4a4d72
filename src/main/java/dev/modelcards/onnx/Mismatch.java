package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One declared fact a model contradicts.
 *
 * @param field    what was checked, e.g. {@code output dim 1}
 * @param declared what the catalog declares
 * @param actual   what the model has
 * @param message  {@code <handle>: output dim 1: declared 1001, model has 1000}
 */
@JsonPropertyOrder({"field", "declared", "actual", "message"})
public record Mismatch(String field, String declared, String actual, String message) {
    static Mismatch of(String handle, String field, Object declared, Object actual) {
        return new Mismatch(field, String.valueOf(declared), String.valueOf(actual),
                handle + ": " + field + ": declared " + declared + ", model has " + actual);
    }
}
