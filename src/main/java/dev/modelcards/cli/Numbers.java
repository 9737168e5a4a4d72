package dev.modelcards.cli;

import java.math.BigDecimal;
import picocli.CommandLine;

/** Typed converters for numeric options: a usage error (exit 2) saying what was expected, not a Java exception. */
final class Numbers {
    private Numbers() {
    }

    /** A depth multiplier: a positive decimal such as 0.75 or 1.4. */
    static final class Multiplier implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            try {
                BigDecimal m = new BigDecimal(value.strip());
                if (m.signum() > 0) {
                    return m;
                }
            } catch (NumberFormatException e) {
                // reported below, in the user's terms
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a depth multiplier; expected a positive decimal such as 0.75");
        }
    }

    /** A bound in millions or percent: a number at least 0. */
    static final class NonNegative implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double d = Double.parseDouble(value.strip());
                if (d >= 0 && Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below, in the user's terms
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number at least 0, such as 100 or 2.5");
        }
    }
}
