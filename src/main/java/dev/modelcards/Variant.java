package dev.modelcards;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.Names;
import dev.modelcards.catalog.VersionSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published model variant: a family at one depth multiplier, input resolution and head, with all
 * its versions and the facts derived from the catalog. Immutable; equal when the handles are equal.
 *
 * <pre>{@code
 * Variant v = Registry.load().get("google/imagenet/mobilenet_v2_075_96/feature_vector").variant();
 * v.inputShape();    // [batch, 96, 96, 3]
 * v.outputShape();   // [batch, 1280]
 * v.checkpointName() // mobilenet_v2_0.75_96
 * }</pre>
 */
public final class Variant {
    private final Catalog catalog;
    private final FamilySpec family;
    private final BigDecimal multiplier;
    private final int resolution;
    private final Catalog.HeadSpec head;
    private final MetricsRow metrics;
    private final FamilySpec.Quantization quantization;
    private final String handle;
    private final List<ModelVersion> versions;
    private List<Variant> siblings;

    Variant(Catalog catalog, FamilySpec family, FamilySpec.Cell cell, Catalog.HeadSpec head,
            MetricsRow metrics, FamilySpec.Quantization quantization) {
        this.catalog = catalog;
        this.family = family;
        this.multiplier = cell.multiplier();
        this.resolution = cell.resolution();
        this.head = head;
        this.metrics = metrics;
        this.quantization = quantization;
        this.handle = catalog.publisher() + "/" + catalog.collection() + "/" + name() + "/"
                + (quantization == null ? "" : quantization.id() + "/") + head.id();
        List<ModelVersion> vs = new ArrayList<>();
        for (VersionSpec v : quantization == null ? family.versions() : quantization.versions()) {
            // A cell added to the matrix later is published from its from_version on.
            if (v.version() >= cell.fromVersion() && (v.heads().isEmpty() || v.heads().contains(head.id()))) {
                vs.add(new ModelVersion(this, v, catalog.formats().get(v.format())));
            }
        }
        this.versions = List.copyOf(vs);
    }

    /** {@return the catalog this variant comes from (dataset, heads, formats); for modelcards' tools via Specs} */
    Catalog catalog() {
        return catalog;
    }

    /** {@return the family as the catalog declares it (paper, architecture, wording)} */
    FamilySpec family() {
        return family;
    }

    /** {@return the family id, e.g. {@code mobilenet_v2}} */
    public String familyId() {
        return family.id();
    }

    /** {@return the depth multiplier with two decimals, e.g. {@code 0.75}, {@code 1.00}} */
    public BigDecimal multiplier() {
        return multiplier;
    }

    /** {@return the input height and width in pixels} */
    public int resolution() {
        return resolution;
    }

    /** {@return the head id: {@code classification} or {@code feature_vector}} */
    public String head() {
        return head.id();
    }

    /** {@return the head as the catalog declares it} */
    Catalog.HeadSpec headSpec() {
        return head;
    }

    /** {@return whether this variant outputs class logits} */
    public boolean isClassifier() {
        return "logits".equals(head.output());
    }

    /** {@return the handle segment, e.g. {@code mobilenet_v2_075_96}} */
    public String name() {
        return Names.variantName(family.id(), multiplier, resolution);
    }

    /** {@return the handle without version, e.g. {@code google/imagenet/mobilenet_v2_075_96/feature_vector}} */
    public String handle() {
        return handle;
    }

    /** {@return the hub's base URL, e.g. {@code https://tfhub.dev}} */
    public String hubUrl() {
        return catalog.hubUrl();
    }

    /** {@return the TF-Slim checkpoint name, e.g. {@code mobilenet_v2_0.75_96}} */
    public String checkpointName() {
        return Names.checkpointName(family.id(), multiplier, resolution)
                + (quantization == null ? "" : quantization.checkpointSuffix());
    }

    /**
     * The quantization this variant is published under ({@code quantops}), or empty for the float
     * model. A quantized variant has its own handle ({@code .../mobilenet_v1_050_128/quantops/classification})
     * and versions, and the float variant's architecture and published metrics.
     *
     * @return the quantization id, or empty for a float variant
     */
    public Optional<String> quantization() {
        return Optional.ofNullable(quantization).map(FamilySpec.Quantization::id);
    }

    /** {@return whether this is a quantized variant} */
    public boolean isQuantized() {
        return quantization != null;
    }

    /** {@return the quantization spec, or null for float variants (for the renderer and exporter)} */
    FamilySpec.Quantization quantizationSpec() {
        return quantization;
    }

    /** {@return the checkpoint file the published model was exported from} */
    public String checkpointPath() {
        return family.checkpoint().path(checkpointName());
    }

    /** {@return the input shape {@code [batch, H, W, 3]}, NHWC, float values in {@link #inputRange()}} */
    public Shape inputShape() {
        return Shape.batchOf(resolution, resolution, catalog.input().channels());
    }

    /** {@return the range input values are expected in, {@code [0, 1]}} */
    public List<BigDecimal> inputRange() {
        return List.of(catalog.input().min(), catalog.input().max());
    }

    /** {@return the width of the feature vector: the last convolution's channels} */
    public int featureWidth() {
        return family.featureWidths().get(multiplier);
    }

    /** {@return the number of classes of the classification head (1001: background plus 1000)} */
    public int numClasses() {
        return catalog.dataset().classes();
    }

    /** {@return the output shape: {@code [batch, 1001]} for classification, {@code [batch, F]} for feature vectors} */
    public Shape outputShape() {
        return Shape.batchOf(isClassifier() ? numClasses() : featureWidth());
    }

    /** {@return the published metrics (MACs, parameters, top-1, top-5; those of the classification model)} */
    MetricsRow metrics() {
        return metrics;
    }

    /** {@return the published versions, oldest first} */
    public List<ModelVersion> versions() {
        return versions;
    }

    /** {@return the newest published version} */
    public ModelVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The given version, if published.
     *
     * @param number the version number
     * @return that version, or empty
     */
    public Optional<ModelVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * A figure as published (for a feature-vector variant: that of the classification model, as the
     * publisher's table gives it).
     *
     * @param quantity which figure
     * @return the figure, millions, as published (see {@link #erratum(Quantity)} for known errors)
     */
    public BigDecimal published(Quantity quantity) {
        return switch (Objects.requireNonNull(quantity, "quantity")) {
            case MACS -> metrics.macsMillions();
            case PARAMS -> metrics.paramsMillions();
        };
    }

    /** {@return ImageNet top-1 accuracy in percent, as published} */
    public BigDecimal top1() {
        return metrics.top1();
    }

    /** {@return ImageNet top-5 accuracy in percent, as published} */
    public BigDecimal top5() {
        return metrics.top5();
    }

    /** {@return the published latency on a Pixel 1 phone in milliseconds, where the table gives one} */
    public Optional<BigDecimal> pixel1LatencyMs() {
        return Optional.ofNullable(metrics.pixel1Ms());
    }

    /**
     * What the published figures count that this variant's model lacks: the classification layer's weights,
     * which are also its multiply-accumulates per image (feature width × classes) for a feature-vector
     * variant, 0 for a classifier. The publisher's table describes the classification model only.
     *
     * @return the classifier's weights (= MACs) missing from this model, 0 for a classification variant
     */
    public long missingClassifier() {
        return isClassifier() ? 0 : (long) featureWidth() * numClasses();
    }

    /**
     * The erratum the catalog records for a published figure of this variant.
     *
     * @param quantity which figure
     * @return the erratum, or empty when the figure is not known to be wrong
     */
    public Optional<Erratum> erratum(Quantity quantity) {
        Objects.requireNonNull(quantity, "quantity");
        return errata().stream().filter(e -> e.quantity() == quantity).findFirst();
    }

    /** {@return the errata recorded for this variant's published figures, in catalog order} */
    public List<Erratum> errata() {
        List<Erratum> out = new ArrayList<>();
        for (FamilySpec.Erratum e : family.errata()) {
            if (e.multiplier().compareTo(multiplier) == 0 && e.resolution() == resolution) {
                Quantity q = e.field().equals(Quantity.MACS.column()) ? Quantity.MACS : Quantity.PARAMS;
                out.add(new Erratum(q, published(q), e.measured(), e.note()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The variant of the same family, multiplier, resolution and quantization with another head.
     *
     * @param headId a head id, e.g. {@code feature_vector}
     * @return that variant, or empty when it is not published (or {@code headId} is this one's head)
     */
    public Optional<Variant> withHead(String headId) {
        Objects.requireNonNull(headId, "headId");
        return siblings().stream().filter(s -> s != this && s.head().equals(headId)
                && s.quantization().equals(quantization())).findFirst();
    }

    /**
     * The variant of the same family, multiplier, resolution and head under another quantization.
     *
     * @param quantizationId a quantization id such as {@code quantops}, or empty for the float variant
     * @return that variant, or empty when it is not published (or is this one)
     */
    public Optional<Variant> withQuantization(Optional<String> quantizationId) {
        Objects.requireNonNull(quantizationId, "quantizationId");
        return siblings().stream().filter(s -> s != this && s.head().equals(head())
                && s.quantization().equals(quantizationId)).findFirst();
    }

    private List<Variant> siblings() {
        return siblings == null ? List.of() : siblings;
    }

    /** Set once by the registry that built this variant, before it is shared: every variant of the same cell. */
    void siblings(List<Variant> cell) {
        if (siblings != null) {
            throw new IllegalStateException("siblings of " + handle + " are already set");
        }
        siblings = List.copyOf(cell);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variant v && v.handle.equals(handle);
    }

    @Override
    public int hashCode() {
        return handle.hashCode();
    }

    @Override
    public String toString() {
        return handle;
    }
}
