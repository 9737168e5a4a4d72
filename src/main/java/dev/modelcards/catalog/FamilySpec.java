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
 * @param networkArchitecture the publisher's tag id of the architecture, e.g. {@code mobilenet-v1}
 * @param quantizations       quantized variants published beside the float ones (V1's quantops)
 * @param deployments         child deployment cards (TF.js) published for some versions
 * @param file                the catalog file this family was read from
 * @param pos                 where the family starts
 */
public record FamilySpec(String id, String name, Paper paper, String implementation, Checkpoint checkpoint,
                         List<Cell> cells, Map<BigDecimal, Integer> featureWidths, Architecture architecture,
                         List<MetricsRow> metrics, List<Integer> unpublishedVersions, List<VersionSpec> versions,
                         Map<String, Map<String, String>> externalIds, List<Erratum> errata,
                         Map<String, BigDecimal> tolerances, Map<String, String> text, String networkArchitecture,
                         List<Quantization> quantizations, List<Deployment> deployments, String file, SourcePos pos) {

    /**
     * A quantization of every variant of the family, published under its own handle segment
     * ({@code mobilenet_v1_050_128/quantops/classification}) with its own versions.
     *
     * @param id                  the handle segment, e.g. {@code quantops}
     * @param checkpointSuffix    appended to the checkpoint name, e.g. {@code _quant}
     * @param inputType           the element type of an exported model's input ({@code uint8})
     * @param unpublishedVersions version numbers skipped on purpose
     * @param versions            published versions, increasing
     * @param text                wording for its cards
     */
    public record Quantization(String id, String checkpointSuffix, String inputType, List<Integer> unpublishedVersions,
                               List<VersionSpec> versions, Map<String, String> text, SourcePos pos) {
    }

    /**
     * Child cards of one deployment format for some versions of the family's float variants.
     *
     * @param format   a {@link Catalog.DeploymentSpec} id
     * @param versions the parent versions that have such a child
     * @param demos    demo links of particular parents
     */
    public record Deployment(String format, List<Integer> versions, List<Demo> demos, SourcePos pos) {
    }

    /**
     * A demo linked from the child cards of one variant.
     *
     * @param variant the variant's handle below the collection, e.g. {@code mobilenet_v1_025_224/classification}
     * @param url     the demo
     * @param since   the history edit that added it
     */
    public record Demo(String variant, String url, String since, SourcePos pos) {
    }

    /** The paper: title, authors, arXiv URL and year. */
    public record Paper(String title, List<String> authors, String url, int year) {
    }

    /**
     * Where checkpoints came from. {@code pathPattern} contains {@code {name}}, replaced by the
     * checkpoint name ({@code mobilenet_v2_0.75_96}).
     */
    public record Checkpoint(String pathPattern, String source, String url) {
        /**
         * The checkpoint file path for one checkpoint name.
         *
         * @param checkpointName a TF-Slim checkpoint name, e.g. {@code mobilenet_v2_0.75_96}
         * @return the checkpoint file's path
         */
        public String path(String checkpointName) {
            return pathPattern.replace("{name}", checkpointName);
        }
    }

    /**
     * One cell of the variant matrix.
     *
     * @param fromVersion the first version published for this cell (a variant added later starts there)
     */
    public record Cell(BigDecimal multiplier, int resolution, int fromVersion, SourcePos pos) {
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

    /**
     * The version with this number, if published.
     *
     * @param number a version number
     * @return the version, or empty
     */
    public Optional<VersionSpec> version(int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst();
    }
}
