package dev.modelcards;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A published figure the catalog records as wrong, with the value the architecture gives.
 *
 * @param quantity  which figure, e.g. {@link Quantity#MACS}
 * @param published the figure as published, millions
 * @param corrected the value the architecture gives, millions
 * @param note      why they differ, one sentence
 */
public record Erratum(Quantity quantity, BigDecimal published, BigDecimal corrected, String note) {
    /** Checks that every part is present. */
    public Erratum {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(corrected, "corrected");
        Objects.requireNonNull(note, "note");
    }
}
