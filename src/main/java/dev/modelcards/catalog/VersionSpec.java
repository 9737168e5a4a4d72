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
 * @param pos               where the version entry starts
 */
public record VersionSpec(int version, String format, boolean fineTunable, boolean variableInputSize,
                          List<String> requirements,
                          BatchNormMomentum batchNormMomentum, List<String> changelog, List<MetadataEntry> metadata,
                          List<String> heads, Map<String, String> text, SourcePos pos) {

    /** Batch-norm momentum: its default and whether callers can set another value. */
    public record BatchNormMomentum(BigDecimal defaultValue, boolean configurable) {
    }

    /**
     * One {@code <!-- key: value -->} metadata line. The value is either the same for every head or
     * given per head.
     */
    public record MetadataEntry(String key, String value, Map<String, String> perHead) {
        /** The value for one head. */
        public String valueFor(String head) {
            return value != null ? value : perHead.get(head);
        }
    }
}
