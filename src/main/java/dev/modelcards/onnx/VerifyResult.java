package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.modelcards.Deployment;
import java.util.List;

/**
 * The verdict on one published model (handle with version) against its file, or on a deployment child card
 * (TF.js) that has no ONNX model and so nothing to check: {@link #NOT_APPLICABLE}.
 *
 * @param handle     e.g. {@code google/imagenet/mobilenet_v2_100_224/classification/4}
 * @param model      the file checked (null when not applicable)
 * @param modelSha256 SHA-256 (hex) of the file's bytes, so a reader can tell which file was checked without
 *                   the checking machine's path (null when it could not be read or is not applicable)
 * @param status     {@code ok}, {@code mismatch}, {@code error} or {@code not_applicable}
 * @param declared   what the catalog declares (null when not applicable)
 * @param actual     what the file has (null when it could not be loaded or is not applicable)
 * @param mismatches every contradiction, empty when ok
 * @param warnings   known errata and facts that could not be measured; never fail the run
 * @param error      why the file could not be checked, for status {@code error}
 * @param deployment what the deployment is and why nothing was checked, for status {@code not_applicable}
 */
@JsonPropertyOrder({"handle", "model", "model_sha256", "status", "declared", "actual", "mismatches", "warnings", "error", "deployment"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResult(String handle, String model, @JsonProperty("model_sha256") String modelSha256, String status, Declared declared, Actual actual,
                           List<Mismatch> mismatches, List<String> warnings, String error,
                           DeploymentInfo deployment) {
    /** Status of a model that matches its declaration. */
    public static final String OK = "ok";
    /** Status of a model that contradicts its declaration. */
    public static final String MISMATCH = "mismatch";
    /** Status of a model that could not be checked at all. */
    public static final String ERROR = "error";
    /** Status of a deployment child card (TF.js): it has no ONNX model, so there is nothing to verify. */
    public static final String NOT_APPLICABLE = "not_applicable";

    /**
     * A result about a model file (every status but {@link #NOT_APPLICABLE}).
     *
     * @param handle e.g. {@code google/imagenet/mobilenet_v2_100_224/classification/4}
     * @param model the file checked
     * @param status {@code ok}, {@code mismatch} or {@code error}
     * @param declared what the catalog declares
     * @param actual what the file has (null when it could not be loaded)
     * @param mismatches every contradiction, empty when ok
     * @param warnings known errata and facts that could not be measured; never fail the run
     * @param error why the file could not be checked, for status {@code error}
     */
    public VerifyResult(String handle, String model, String status, Declared declared, Actual actual,
                        List<Mismatch> mismatches, List<String> warnings, String error) {
        this(handle, model, null, status, declared, actual, mismatches, warnings, error, null);
    }

    /**
     * A deployment that verify lists but cannot check.
     *
     * @param format     the deployment format's id, e.g. {@code tfjs}
     * @param formatName its display name, e.g. {@code TF.js}
     * @param parent     the handle of the model it converts
     * @param reason     why nothing was checked
     */
    @JsonPropertyOrder({"format", "format_name", "parent", "reason"})
    public record DeploymentInfo(String format, @JsonProperty("format_name") String formatName, String parent,
                                 String reason) {
    }

    /**
     * The result for a deployment child card: listed, never checked, never a failure.
     *
     * @param d the deployment
     * @return its result
     */
    public static VerifyResult notApplicable(Deployment d) {
        String reason = "a " + d.formatName() + " deployment of " + d.parent().handle() + " has no ONNX model to verify";
        return new VerifyResult(d.handle(), null, null, NOT_APPLICABLE, null, null, List.of(), List.of(), null,
                new DeploymentInfo(d.format(), d.formatName(), d.parent().handle(), reason));
    }

    /** {@return whether the model matches} */
    public boolean ok() {
        return OK.equals(status);
    }

    /** {@return whether this result fails a run: a mismatch or a model that could not be checked} */
    public boolean failed() {
        return MISMATCH.equals(status) || ERROR.equals(status);
    }

    /** {@return whether this is a deployment that has nothing to verify} */
    public boolean notApplicable() {
        return NOT_APPLICABLE.equals(status);
    }
}
