package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A family's layer stack as data, after TF-Slim's {@code mobilenet_v1.py} and {@code mobilenet_v2.py}.
 *
 * @param widthRule how a multiplier scales a layer width
 * @param stem      the first, full convolution
 * @param blockType {@code depthwise_separable} (V1) or {@code inverted_residual} (V2)
 * @param blocks    the block table; a row with {@code repeats} n stands for n blocks, the first with the stride
 * @param lastLayer the final 1×1 convolution, or null where the last block is the feature layer (V1)
 */
public record Architecture(WidthRule widthRule, Stem stem, String blockType, List<Block> blocks, LastLayer lastLayer) {

    /** The stem convolution. */
    public record Stem(int kernel, int stride, int width) {
    }

    /**
     * One row of the block table.
     *
     * @param expansion expansion factor t (1 where the block type has none)
     * @param width     output width c before the multiplier
     * @param repeats   n
     * @param stride    stride s of the first repeat; the others have stride 1
     */
    public record Block(int expansion, int width, int repeats, int stride) {
    }

    /** The last 1×1 convolution: its width is scaled only for multipliers above {@code scaledAboveMultiplier}. */
    public record LastLayer(int width, BigDecimal scaledAboveMultiplier) {
    }

    /**
     * Width of the feature vector (the last convolution) for a multiplier, by this family's rules.
     *
     * @param multiplier a depth multiplier
     * @return the feature width in channels
     */
    public int featureWidth(BigDecimal multiplier) {
        if (lastLayer != null) {
            return multiplier.compareTo(lastLayer.scaledAboveMultiplier()) > 0
                    ? widthRule.apply(lastLayer.width(), multiplier)
                    : lastLayer.width();
        }
        return widthRule.apply(blocks.get(blocks.size() - 1).width(), multiplier);
    }
}
