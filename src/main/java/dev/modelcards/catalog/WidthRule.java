package dev.modelcards.catalog;

import java.math.BigDecimal;

/** How a depth multiplier scales a layer's width (number of channels). */
public enum WidthRule {
    /** MobileNet V1: {@code max(int(width × multiplier), 8)}. */
    TRUNCATE_MIN_8("truncate_min_8") {
        @Override
        public int apply(int width, BigDecimal multiplier) {
            return Math.max(multiplier.multiply(BigDecimal.valueOf(width)).intValue(), 8);
        }
    },
    /**
     * MobileNet V2: round to the nearest multiple of 8 ({@code make_divisible(v, 8)}), never below 8,
     * and add 8 when rounding down lost more than 10 %.
     */
    MAKE_DIVISIBLE_8("make_divisible_8") {
        @Override
        public int apply(int width, BigDecimal multiplier) {
            return makeDivisible(multiplier.doubleValue() * width, 8);
        }
    };

    private final String id;

    WidthRule(String id) {
        this.id = id;
    }

    /** {@return the catalog spelling, e.g. {@code make_divisible_8}} */
    public String id() {
        return id;
    }

    /**
     * The scaled width.
     *
     * @param width the width at multiplier 1.0, in channels
     * @param multiplier a depth multiplier
     * @return the scaled width, in channels
     */
    public abstract int apply(int width, BigDecimal multiplier);

    /**
     * TF-Slim's {@code _make_divisible(v, divisor, min_value=None)}.
     *
     * @param v the scaled width before rounding
     * @param divisor what the result must be a multiple of
     * @return {@code v} rounded to a multiple of {@code divisor}, never below {@code divisor} nor 10% below {@code v}
     */
    public static int makeDivisible(double v, int divisor) {
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * v) {
            rounded += divisor;
        }
        return rounded;
    }
}
