package dev.modelcards;

import java.util.List;
import java.util.Objects;

/**
 * What one published version changed, as its card's changelog prints it.
 *
 * @param version the version number
 * @param entries the changelog lines (markdown text), in catalog order
 */
public record ChangelogEntry(int version, List<String> entries) {
    /** Copies the entries. */
    public ChangelogEntry {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }
}
