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

    /** A count or size that must be at least 1: {@code --top}, {@code --runs}, a resolution, a version. */
    static final class Positive implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, in the user's terms
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number at least 1");
        }
    }

    /**
     * One part of a run split into {@code count} disjoint parts.
     *
     * @param index this part, from 1
     * @param count how many parts there are
     */
    record Shard(int index, int count) {
        /** The whole run: part 1 of 1. */
        static final Shard ALL = new Shard(1, 1);
    }

    /** {@code I/N} with {@code 1 <= I <= N}, e.g. {@code 2/4}. */
    static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            String[] p = value.split("/", -1);
            try {
                if (p.length == 2) {
                    int i = Integer.parseInt(p[0].strip());
                    int n = Integer.parseInt(p[1].strip());
                    if (n >= 1 && i >= 1 && i <= n) {
                        return new Shard(i, n);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below, in the user's terms
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a shard; expected I/N with"
                    + " 1 <= I <= N, e.g. 2/4");
        }
    }
}
