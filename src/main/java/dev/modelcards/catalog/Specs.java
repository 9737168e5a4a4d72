package dev.modelcards.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The catalog entries behind the lookup API's values, for modelcards' own renderer, docs, verifier, diff and
 * CLI. Not part of the API: {@code Registry}, {@code Variant}, {@code ModelVersion} and {@code Deployment}
 * answer users in their own terms and keep the catalog's records out of their signatures; the tools that
 * turn those records into cards and checks ask here instead.
 *
 * <p>The values are typed {@code Object} because this package comes before the API package in the data
 * flow and must not depend on it; the API package installs the one {@link Source} at class initialization.
 */
public final class Specs {
    /** What the API package provides: each method takes one of its values and gives the record behind it. */
    public interface Source {
        /** @param value a registry, variant, model version or deployment @return the catalog it comes from */
        Catalog catalog(Object value);

        /** @param variant a variant or model version @return its family */
        FamilySpec family(Object variant);

        /** @param variant a variant or model version @return its head */
        Catalog.HeadSpec head(Object variant);

        /** @param variant a variant or model version @return its quantization, or null for a float variant */
        FamilySpec.Quantization quantization(Object variant);

        /** @param variant a variant or model version @return its row of the published metrics table */
        MetricsRow metrics(Object variant);

        /** @param model a model version @return the version entry as the catalog declares it */
        VersionSpec version(Object model);

        /** @param model a model version @return its serialization format */
        Catalog.FormatSpec format(Object model);

        /** @param model a model version @return the version entries up to and including its own, oldest first */
        List<VersionSpec> changelog(Object model);

        /** @param deployment a deployment child card @return its deployment format */
        Catalog.DeploymentSpec deployment(Object deployment);
    }

    private static volatile Source source;

    private Specs() {
    }

    /**
     * Installs the API package's source; only the first call counts.
     *
     * @param s the source
     */
    public static synchronized void install(Source s) {
        if (source == null) {
            source = Objects.requireNonNull(s, "source");
        }
    }

    private static Source source() {
        Source s = source;
        if (s == null) {
            throw new IllegalStateException("no lookup values exist yet: load a Registry first");
        }
        return s;
    }

    /** @param value a registry, variant, model version or deployment @return the catalog it comes from */
    public static Catalog catalog(Object value) {
        return source().catalog(value);
    }

    /** @param variant a variant or model version @return its family */
    public static FamilySpec family(Object variant) {
        return source().family(variant);
    }

    /** @param variant a variant or model version @return its head */
    public static Catalog.HeadSpec head(Object variant) {
        return source().head(variant);
    }

    /** @param variant a variant or model version @return its quantization, or null for a float variant */
    public static FamilySpec.Quantization quantization(Object variant) {
        return source().quantization(variant);
    }

    /** @param variant a variant or model version @return its row of the published metrics table */
    public static MetricsRow metrics(Object variant) {
        return source().metrics(variant);
    }

    /** @param model a model version @return the version entry as the catalog declares it */
    public static VersionSpec version(Object model) {
        return source().version(model);
    }

    /** @param model a model version @return its serialization format */
    public static Catalog.FormatSpec format(Object model) {
        return source().format(model);
    }

    /** @param model a model version @return the version entries up to and including its own, oldest first */
    public static List<VersionSpec> changelog(Object model) {
        return source().changelog(model);
    }

    /** @param deployment a deployment child card @return its deployment format */
    public static Catalog.DeploymentSpec deployment(Object deployment) {
        return source().deployment(deployment);
    }
}
