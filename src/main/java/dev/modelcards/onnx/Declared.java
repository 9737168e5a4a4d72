package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.modelcards.Erratum;
import dev.modelcards.Quantity;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog declares about one variant's model file, in the verifier's terms.
 *
 * @param inputShape  {@code [-1, H, W, 3]} (-1: symbolic batch, {@code null} in JSON; 1 also accepted)
 * @param inputTypes  accepted input element types: for a float variant float32, or uint8 for an integer
 *                    deployment of it; for a quantized variant ({@code quantops}) only the catalog's
 *                    {@code input_type} (uint8: raw pixels 0–255)
 * @param outputShape {@code [-1, 1001]} or {@code [-1, F]}
 * @param outputTypes accepted output element types: float32 (uint8 or int8 when an integer deployment keeps its
 *                    output quantized); for a quantized variant uint8, the input's type (TF-Lite's quantized
 *                    logits or softmax), or float32 where the graph dequantizes its output
 * @param params      parameter count (weights, see {@link GraphStats#params()})
 * @param macs        multiply-accumulates for one image
 * @param warnings    known errata that apply to this variant
 */
@JsonPropertyOrder({"input_shape", "input_types", "output_shape", "output_types", "params", "macs"})
public record Declared(@JsonProperty("input_shape") @JsonSerialize(contentUsing = SymbolicDims.class) List<Long> inputShape,
                       @JsonProperty("input_types") List<String> inputTypes,
                       @JsonProperty("output_shape") @JsonSerialize(contentUsing = SymbolicDims.class) List<Long> outputShape,
                       @JsonProperty("output_types") List<String> outputTypes,
                       Figure params, Figure macs,
                       @com.fasterxml.jackson.annotation.JsonIgnore List<String> warnings) {

    /** The input element types a model of a float variant may have, and the ones the verifier can feed a run. */
    public static final List<String> INPUT_TYPES = List.of("float32", "uint8");
    /** The output element types a model of a float variant may have. */
    public static final List<String> OUTPUT_TYPES = List.of("float32", "uint8", "int8");

    /**
     * The declaration for {@code v}.
     *
     * @param v a catalog variant
     * @return what the catalog declares about its model
     */
    public static Declared of(Variant v) {
        FamilySpec f = Specs.family(v);
        // The published table describes the classification model; a feature-vector model lacks its classifier.
        long classifierWeights = v.missingClassifier();
        long classifierMacs = classifierWeights;
        List<String> warnings = new ArrayList<>();
        Erratum pe = erratum(v, Quantity.PARAMS, warnings);
        Erratum me = erratum(v, Quantity.MACS, warnings);
        List<String> inputTypes = INPUT_TYPES;
        List<String> outputTypes = OUTPUT_TYPES;
        if (v.isQuantized()) {
            String type = Specs.quantization(v).inputType();
            inputTypes = List.of(type);
            outputTypes = type.equals("float32") ? List.of(type) : List.of(type, "float32");
        }
        return new Declared(v.inputShape().dims(), inputTypes, v.outputShape().dims(), outputTypes,
                Figure.of(v.published(Quantity.PARAMS), tolerance(f, Quantity.PARAMS), pe, classifierWeights),
                Figure.of(v.published(Quantity.MACS), tolerance(f, Quantity.MACS), me, classifierMacs),
                List.copyOf(warnings));
    }

    private static Erratum erratum(Variant v, Quantity q, List<String> warnings) {
        Optional<Erratum> e = v.erratum(q);
        e.ifPresent(x -> warnings.add(q.column() + ": published " + x.published().toPlainString() + " is a known"
                + " erratum; the architecture gives " + x.corrected().toPlainString() + " (" + x.note() + ")"));
        return e.orElse(null);
    }

    private static BigDecimal tolerance(FamilySpec f, Quantity q) {
        return f.tolerances().getOrDefault(q.column(), BigDecimal.ZERO);
    }
}
