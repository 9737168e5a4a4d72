package dev.modelcards.cli;

import dev.modelcards.site.SiteLayout;
import java.util.EnumSet;
import java.util.Set;

/** The values of {@code generate --format}: one template set, or all of them. */
enum SiteFormat {
    tfhub, aihub, text, all;

    /** The file sets this choice writes (the index is always added by the plan). */
    Set<SiteLayout.Set> sets() {
        return switch (this) {
            case tfhub -> EnumSet.of(SiteLayout.Set.TFHUB);
            case aihub -> EnumSet.of(SiteLayout.Set.AIHUB);
            case text -> EnumSet.of(SiteLayout.Set.TEXT);
            case all -> EnumSet.of(SiteLayout.Set.TFHUB, SiteLayout.Set.AIHUB, SiteLayout.Set.TEXT);
        };
    }
}
