package dev.modelcards.onnx;

import dev.modelcards.catalog.Architecture;
import dev.modelcards.catalog.WidthRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The concrete layer stack of one family at one depth multiplier: every convolution with its kernel,
 * stride, channel counts and grouping, derived from the catalog's {@link Architecture} exactly as TF-Slim's
 * {@code mobilenet_v1.py} / {@code mobilenet_v2.py} + {@code conv_blocks.py} build it. Resolution-free:
 * the builder adds padding and spatial sizes.
 *
 * @param units        stem, blocks and last layer, in order
 * @param featureWidth channels of the last unit (the feature vector)
 */
public record LayerPlan(List<Unit> units, int featureWidth) {

    /**
     * One convolution (batch norm already folded into its bias).
     *
     * @param name   stable node name, e.g. {@code block3_depthwise}
     * @param kernel square kernel size
     * @param stride stride in both directions
     * @param in     input channels
     * @param out    output channels
     * @param groups 1 for a full convolution, {@code in} for a depthwise one
     * @param relu6  whether ReLU6 follows (false for V2's linear projection)
     */
    public record Conv(String name, int kernel, int stride, int in, int out, int groups, boolean relu6) {
    }

    /**
     * A unit whose input may be added to its output.
     *
     * @param convs    the convolutions, applied in order
     * @param residual whether the unit's input is added to its output (V2: stride 1 and same width)
     */
    public record Unit(List<Conv> convs, boolean residual) {
    }

    /**
     * The plan for {@code arch} at {@code multiplier}; input images have 3 channels.
     *
     * @param arch the family's layer stack
     * @param multiplier a depth multiplier
     * @return the plan
     */
    public static LayerPlan of(Architecture arch, BigDecimal multiplier) {
        WidthRule rule = arch.widthRule();
        List<Unit> units = new ArrayList<>();
        Architecture.Stem stem = arch.stem();
        // TF-Slim scales the stem too (V1: depth(32); V2: the stem op goes through depth_multiplier).
        int width = rule.apply(stem.width(), multiplier);
        units.add(new Unit(List.of(new Conv("stem", stem.kernel(), stem.stride(), 3, width, 1, true)), false));
        int index = 0;
        for (Architecture.Block row : arch.blocks()) {
            int out = rule.apply(row.width(), multiplier);
            for (int r = 0; r < row.repeats(); r++) {
                index++;
                int stride = r == 0 ? row.stride() : 1;
                units.add(switch (arch.blockType()) {
                    case "depthwise_separable" -> separable("block" + index, width, out, stride);
                    case "inverted_residual" -> invertedResidual("block" + index, width, out, stride, row.expansion());
                    default -> throw new IllegalArgumentException("unknown block type " + arch.blockType());
                });
                width = out;
            }
        }
        if (arch.lastLayer() != null) {
            int last = arch.featureWidth(multiplier);
            units.add(new Unit(List.of(new Conv("last", 1, 1, width, last, 1, true)), false));
            width = last;
        }
        return new LayerPlan(List.copyOf(units), width);
    }

    /** V1: 3×3 depthwise then 1×1 pointwise, both followed by batch norm and ReLU6. */
    private static Unit separable(String name, int in, int out, int stride) {
        return new Unit(List.of(
                new Conv(name + "_depthwise", 3, stride, in, in, in, true),
                new Conv(name + "_pointwise", 1, 1, in, out, 1, true)), false);
    }

    /**
     * V2 ({@code conv_blocks.expanded_conv}): the inner width is {@code make_divisible(in × t, 8)}
     * ({@code expand_input_by_factor}); the first block uses {@code divisible_by=1}, so t = 1 gives the input
     * width and no expansion convolution at all. The projection is linear; the input is added back when the
     * stride is 1 and the widths match.
     */
    private static Unit invertedResidual(String name, int in, int out, int stride, int expansion) {
        int inner = expansion == 1 ? in : WidthRule.makeDivisible((double) in * expansion, 8);
        List<Conv> convs = new ArrayList<>();
        if (inner > in) {
            convs.add(new Conv(name + "_expand", 1, 1, in, inner, 1, true));
        }
        convs.add(new Conv(name + "_depthwise", 3, stride, inner, inner, inner, true));
        convs.add(new Conv(name + "_project", 1, 1, inner, out, 1, false));
        return new Unit(List.copyOf(convs), stride == 1 && in == out);
    }
}
