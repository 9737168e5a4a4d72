package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One architecture family as its catalog file describes it: the paper, the variant matrix, the layer
 * stack, the published metrics table and the published versions.
 *
 * @param id                  handle prefix, e.g. {@code mobilenet_v2}
 * @param name                display name, e.g. {@code MobileNet V2}
 * @param paper               the paper that introduced the architecture
 * @param implementation      the implementation the checkpoints come from, e.g. {@code TF-Slim}
 * @param checkpoint          where the checkpoints were downloaded from
 * @param cells               every (multiplier, resolution) pair of the variant matrix, in file order
 * @param featureWidths       declared feature-vector width per multiplier
 * @param architecture        the layer stack and width rules
 * @param metrics             the published metrics table, one row per cell
 * @param unpublishedVersions version numbers that were skipped on purpose
 * @param versions            published versions, increasing
 * @param externalIds         ids used by other publishers: scheme → (handle with version → id)
 * @param errata              published figures known to contradict the architecture
 * @param tolerances          relative tolerance per measured field when checking models against the table
 * @param text                free-form wording for templates (family-specific sentences)
 * @param file                the catalog file this family was read from
 * @param pos                 where the family starts
 */
public record FamilySpec(String id, String name, Paper paper, String implementation, Checkpoint checkpoint,
                         List<Cell> cells, Map<BigDecimal, Integer> featureWidths, Architecture architecture,
                         List<MetricsRow> metrics, List<Integer> unpublishedVersions, List<VersionSpec> versions,
                         Map<String, Map<String, String>> externalIds, List<Erratum> errata,
                         Map<String, BigDecimal> tolerances, Map<String, String> text, String file, SourcePos pos) {

    /** The paper: title, authors, arXiv URL and year. */
    public record Paper(String title, List<String> authors, String url, int year) {
    }

    /**
     * Where checkpoints came from. {@code pathPattern} contains {@code {name}}, replaced by the
     * checkpoint name ({@code mobilenet_v2_0.75_96}).
     */
    public record Checkpoint(String pathPattern, String source, String url) {
        /** The checkpoint file path for one checkpoint name. */
        public String path(String checkpointName) {
            return pathPattern.replace("{name}", checkpointName);
        }
    }

    /** One cell of the variant matrix. */
    public record Cell(BigDecimal multiplier, int resolution, SourcePos pos) {
    }

    /**
     * A published figure that contradicts the architecture it describes.
     *
     * @param multiplier the variant's multiplier
     * @param resolution the variant's resolution
     * @param field      the metrics column, e.g. {@code macs_millions}
     * @param measured   what the architecture actually gives
     * @param note       why it is believed to be an erratum
     */
    public record Erratum(BigDecimal multiplier, int resolution, String field, BigDecimal measured, String note,
                          SourcePos pos) {
    }

    /** The metrics row for one cell, if the table has it. */
    public Optional<MetricsRow> metricsFor(BigDecimal multiplier, int resolution) {
        return metrics.stream()
                .filter(r -> r.multiplier().compareTo(multiplier) == 0 && r.resolution() == resolution)
                .findFirst();
    }

    /** The version with this number, if published. */
    public Optional<VersionSpec> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }
}
