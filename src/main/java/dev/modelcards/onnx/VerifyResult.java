package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The verdict on one published model (handle with version) against its file.
 *
 * @param handle     e.g. {@code google/imagenet/mobilenet_v2_100_224/classification/4}
 * @param model      the file checked
 * @param status     {@code ok}, {@code mismatch} or {@code error}
 * @param declared   what the catalog declares
 * @param actual     what the file has (null when it could not be loaded)
 * @param mismatches every contradiction, empty when ok
 * @param warnings   known errata and facts that could not be measured; never fail the run
 * @param error      why the file could not be checked, for status {@code error}
 */
@JsonPropertyOrder({"handle", "model", "status", "declared", "actual", "mismatches", "warnings", "error"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResult(String handle, String model, String status, Declared declared, Actual actual,
                           List<Mismatch> mismatches, List<String> warnings, String error) {
    /** Status of a model that matches its declaration. */
    public static final String OK = "ok";
    /** Status of a model that contradicts its declaration. */
    public static final String MISMATCH = "mismatch";
    /** Status of a model that could not be checked at all. */
    public static final String ERROR = "error";

    /** Whether the model matches. */
    public boolean ok() {
        return OK.equals(status);
    }
}
