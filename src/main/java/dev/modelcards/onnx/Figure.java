package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.modelcards.Erratum;
import java.math.BigDecimal;

/**
 * A declared count (parameters or MACs) and how far a model may be from it.
 *
 * @param expected          the count this model should have: the published figure (or a recorded erratum's
 *                          measured one) × 10⁶, minus the classifier for feature-vector models
 * @param allowed           the largest difference accepted: tolerance × published figure plus one unit of the
 *                          published figure's last digit (the table rounds or truncates)
 * @param publishedMillions the figure as TF-Slim published it (classification model)
 * @param tolerance         the family's relative tolerance for this field
 * @param erratumMillions   the measured value a catalog erratum records instead, or null
 * @param erratumNote       the erratum's explanation, or null
 */
@JsonPropertyOrder({"expected", "allowed", "published_millions", "tolerance", "erratum_millions", "erratum_note"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(long expected, long allowed,
                     @JsonProperty("published_millions") BigDecimal publishedMillions,
                     BigDecimal tolerance,
                     @JsonProperty("erratum_millions") BigDecimal erratumMillions,
                     @JsonProperty("erratum_note") String erratumNote) {

    /**
     * The figure for a model whose published value is {@code published} millions.
     *
     * @param classifier how much of the published figure belongs to the classifier a feature-vector model lacks
     */
    static Figure of(BigDecimal published, BigDecimal tolerance, Erratum erratum, long classifier) {
        BigDecimal base = erratum != null ? erratum.corrected() : published;
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(base.scale(), 0));
        BigDecimal allowed = tolerance.multiply(base).add(unit).movePointRight(6);
        return new Figure(base.movePointRight(6).longValue() - classifier, allowed.longValue(), published, tolerance,
                erratum == null ? null : erratum.corrected(), erratum == null ? null : erratum.note());
    }

    /**
     * Whether {@code actual} is within {@link #allowed} of {@link #expected}.
     *
     * @param actual the measured figure
     * @return whether it is close enough
     */
    public boolean accepts(long actual) {
        return Math.abs(actual - expected) <= allowed;
    }

    /** {@code 3.471 M ± 0.081 M}. */
    String text() {
        return millions(expected) + " ± " + millions(allowed);
    }

    /** Millions with three decimals, e.g. {@code 3.471 M}. */
    static String millions(long n) {
        return BigDecimal.valueOf(n).movePointLeft(6).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString()
                + " M";
    }
}
