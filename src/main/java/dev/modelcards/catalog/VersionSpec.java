package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One published version of a family's models.
 *
 * @param version           the version number in the handle
 * @param format            id of a {@link Catalog.FormatSpec}
 * @param fineTunable       whether the published model can be fine-tuned
 * @param variableInputSize whether the model accepts other input sizes than its resolution
 * @param requirements      pip requirements, e.g. {@code tensorflow-hub>=0.2.0}
 * @param batchNormMomentum the batch-norm momentum behaviour, or null where fixed and undocumented
 * @param changelog         the changelog entries this version added, as markdown
 * @param metadata          tfhub.dev metadata lines in card order
 * @param heads             the heads published at this version
 * @param text              free-form wording for templates
 * @param published         the history edit (catalog.yaml {@code history:}) that published this version, or
 *                          null when it predates the recorded history
 * @param pos               where the version entry starts
 *
 * <p>A version entry states only what changed: every field it leaves out (except changelog, text and
 * published) is inherited from the version before it, so the reader hands out complete entries.
 */
public record VersionSpec(int version, String format, boolean fineTunable, boolean variableInputSize,
                          List<String> requirements,
                          BatchNormMomentum batchNormMomentum, List<String> changelog, List<MetadataEntry> metadata,
                          List<String> heads, Map<String, String> text, String published, SourcePos pos) {

    /** Batch-norm momentum: its default and whether callers can set another value. */
    public record BatchNormMomentum(BigDecimal defaultValue, boolean configurable) {
    }

    /**
     * One {@code <!-- key: value -->} metadata line of the tfhub.dev card, or a blank line where the
     * publisher's card has one ({@link #BLANK}). The value is a literal for every head, a literal per head
     * (a head without one has no such line), or null where the template derives it from the card's facts
     * (dataset, network-architecture, task, format, ...).
     *
     * @param since the history edit that added the line (null: always there)
     * @param until the history edit that removed it (null: never removed)
     */
    public record MetadataEntry(String key, String value, Map<String, String> perHead, String since, String until,
                                SourcePos pos) {
        /** The key of a blank line in the metadata block. */
        public static final String BLANK = "blank";

        /**
         * The literal value for one head; null when derived or when this head has no such line.
         *
         * @param head a head id
         * @return the literal value, or null
         */
        public String valueFor(String head) {
            return value != null ? value : perHead.get(head);
        }

        /**
         * Whether cards of {@code head} have this line.
         *
         * @param head a head id
         * @return whether the line appears on that head's cards
         */
        public boolean appliesTo(String head) {
            return perHead.isEmpty() || perHead.containsKey(head);
        }
    }
}
