package dev.modelcards.onnx;

/**
 * Size and cost of an ONNX graph as {@link ShapeWalk} measures it.
 *
 * @param params      weights of convolutions and matrix products (kernels and fully connected matrices);
 *                    biases are not included because folding batch norm into them makes their number
 *                    depend on the export, not on the architecture
 * @param biases      bias elements of convolutions and Gemm (includes folded batch norm)
 * @param macs        multiply-accumulates of one image (batch 1) in convolutions and matrix products, or
 *                    -1 when a shape could not be inferred
 * @param unknownOps  why {@code macs} is unknown (the first operator the walk could not follow), or null
 * @param largestTensor elements of the largest activation a node computes (for one image), among those whose
 *                    shape the walk inferred (constants such as dequantized weights are not counted); what one
 *                    inference needs at least, as one buffer
 */
public record GraphStats(long params, long biases, long macs, String unknownOps, long largestTensor) {
    /** Counts without the largest tensor (0). */
    public GraphStats(long params, long biases, long macs, String unknownOps) {
        this(params, biases, macs, unknownOps, 0);
    }

    /** Whether the MACs figure is complete. */
    public boolean macsKnown() {
        return macs >= 0;
    }
}
