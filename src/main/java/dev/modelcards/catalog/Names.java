package dev.modelcards.catalog;

import java.math.BigDecimal;

/** How TF Hub and TF-Slim spell a variant: handle segment and checkpoint name. */
public final class Names {
    private Names() {
    }

    /**
     * The handle segment, e.g. {@code mobilenet_v2_075_96}: multiplier × 100 on three digits (ASCII digits
     * whatever the default locale: an Arabic locale would otherwise print ٠٧٥).
     *
     * @param family a family id, e.g. {@code mobilenet_v2}
     * @param multiplier a depth multiplier
     * @param resolution an input resolution in pixels
     * @return the handle segment
     */
    public static String variantName(String family, BigDecimal multiplier, int resolution) {
        return family + "_" + multiplierDigits(multiplier) + "_" + resolution;
    }

    /**
     * The multiplier × 100 on (at least) three ASCII digits, as handles write it: {@code 075}, {@code 100}, {@code 140}.
     * Built by hand rather than with String.format, which sets up locale symbols on every call and is run
     * for every card.
     *
     * @param multiplier a depth multiplier
     * @return its digits
     */
    public static String multiplierDigits(BigDecimal multiplier) {
        String d = Integer.toString(multiplier.movePointRight(2).intValueExact());
        return d.length() >= 3 ? d : "0".repeat(3 - d.length()) + d;
    }

    /**
     * The TF-Slim checkpoint name, e.g. {@code mobilenet_v2_0.75_96}, {@code mobilenet_v1_1.0_128}.
     *
     * @param family a family id, e.g. {@code mobilenet_v2}
     * @param multiplier a depth multiplier
     * @param resolution an input resolution in pixels
     * @return the checkpoint name
     */
    public static String checkpointName(String family, BigDecimal multiplier, int resolution) {
        return family + "_" + slimMultiplier(multiplier) + "_" + resolution;
    }

    /**
     * The multiplier as TF-Slim writes it: {@code 1.0}, {@code 0.5}, {@code 0.35}, {@code 1.4}.
     *
     * @param multiplier a depth multiplier
     * @return the multiplier as TF-Slim writes it
     */
    public static String slimMultiplier(BigDecimal multiplier) {
        BigDecimal m = multiplier.stripTrailingZeros();
        if (m.scale() < 1) {
            m = m.setScale(1);
        }
        return m.toPlainString();
    }
}
