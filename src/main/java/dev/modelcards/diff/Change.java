package dev.modelcards.diff;

import dev.modelcards.catalog.SourcePos;

/**
 * One typed difference between two catalogs, for one published handle.
 *
 * @param kind      whether it breaks users of a published version, adds something, or only changes text
 * @param handle    the handle (with version) it concerns
 * @param what      the field, e.g. {@code output}, {@code format}, {@code removed}, {@code changelog}
 * @param before    the old value as users read it ({@code ""} where there was none)
 * @param after     the new value ({@code ""} where there is none)
 * @param pos       where the new value is written in the working catalog (or the entry that lost it)
 * @param withdrawn the reviewed reason from the catalog's {@code withdrawn:} list that allows a breaking
 *                  change, or null
 */
public record Change(Kind kind, String handle, String what, String before, String after, SourcePos pos,
                     String withdrawn) {

    /** How a change affects users of published versions. */
    public enum Kind {
        /** A published version's interface, format or existence changed. */
        BREAKING,
        /** Something new was published; nothing published changed. */
        COMPATIBLE,
        /** Only wording, changelog or published figures changed. */
        DOCS;

        /** The lower-case name used in reports. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the gate must fail on this change: breaking and not withdrawn on purpose. */
    public boolean blocks() {
        return kind == Kind.BREAKING && withdrawn == null;
    }
}
