package dev.modelcards;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.VersionSpec;
import java.util.List;
import java.util.Optional;

/**
 * One published model: a {@link Variant} at one version, i.e. one card. Immutable; equal when the
 * handles are equal.
 */
public final class ModelVersion {
    private final Variant variant;
    private final VersionSpec spec;
    private final Catalog.FormatSpec format;

    ModelVersion(Variant variant, VersionSpec spec, Catalog.FormatSpec format) {
        this.variant = variant;
        this.spec = spec;
        this.format = format;
    }

    /** {@return the variant this is a version of} */
    public Variant variant() {
        return variant;
    }

    /** {@return the version as the catalog declares it (changelog entries, metadata, requirements)} */
    VersionSpec spec() {
        return spec;
    }

    /** {@return the serialization format's id, e.g. {@code tf2_saved_model}} */
    public String format() {
        return format.id();
    }

    /** {@return the serialization format's name, e.g. {@code TF2 SavedModel}} */
    public String formatName() {
        return format.name();
    }

    Catalog.FormatSpec formatSpec() {
        return format;
    }

    /** {@return the version number} */
    public int number() {
        return spec.version();
    }

    /** {@return the handle with version, e.g. {@code google/imagenet/mobilenet_v2_075_96/feature_vector/4}} */
    public String handle() {
        return variant.handle() + "/" + number();
    }

    /** {@return the URL, e.g. {@code https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/4}} */
    public String url() {
        return variant.hubUrl() + "/" + handle();
    }

    /** {@return the child cards of this version in other deployment formats (TF.js), in catalog order} */
    public List<Deployment> deployments() {
        if (variant.isQuantized()) {
            return List.of();
        }
        List<Deployment> out = new java.util.ArrayList<>();
        Catalog catalog = variant.catalog();
        for (dev.modelcards.catalog.FamilySpec.Deployment d : variant.family().deployments()) {
            Catalog.DeploymentSpec spec = catalog.deployments().get(d.format());
            if (spec == null || !d.versions().contains(number())) {
                continue;
            }
            String below = variant.handle().substring(catalog.publisher().length() + catalog.collection().length() + 2);
            String demo = d.demos().stream().filter(x -> x.variant().equals(below)).map(x -> x.url()).findFirst()
                    .orElse(null);
            out.add(new Deployment(this, spec, demo));
        }
        return List.copyOf(out);
    }

    /**
     * This version of the same model with another head: the classifier of a feature extractor or the
     * reverse.
     *
     * @param headId a head id, e.g. {@code classification}
     * @return that model at this version number, or empty when it is not published
     */
    public Optional<ModelVersion> otherHead(String headId) {
        return variant.withHead(headId).flatMap(o -> o.version(number()));
    }

    /** {@return whether no later version of this variant is published} */
    public boolean isLatest() {
        return variant.latest().number() == number();
    }

    /**
     * The changelog a card of this version prints: every published version up to and including this
     * one, oldest first.
     *
     * @return this version's changelog and those of every version before it, oldest first
     */
    public List<ChangelogEntry> changelog() {
        return changelogSpecs().stream().map(v -> new ChangelogEntry(v.version(), v.changelog())).toList();
    }

    List<VersionSpec> changelogSpecs() {
        return variant.versions().stream().filter(v -> v.number() <= number()).map(ModelVersion::spec).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelVersion m && m.handle().equals(handle());
    }

    @Override
    public int hashCode() {
        return handle().hashCode();
    }

    @Override
    public String toString() {
        return handle();
    }
}
