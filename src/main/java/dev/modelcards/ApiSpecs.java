package dev.modelcards;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.util.List;

/** The lookup values' catalog records, handed to {@link Specs} for modelcards' own tools. */
final class ApiSpecs implements Specs.Source {
    static void install() {
        Specs.install(new ApiSpecs());
    }

    private static Variant variant(Object o) {
        if (o instanceof Variant v) {
            return v;
        }
        if (o instanceof ModelVersion m) {
            return m.variant();
        }
        throw new IllegalArgumentException("expected a Variant or ModelVersion, got " + describe(o));
    }

    private static ModelVersion model(Object o) {
        if (o instanceof ModelVersion m) {
            return m;
        }
        throw new IllegalArgumentException("expected a ModelVersion, got " + describe(o));
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName() + " " + o;
    }

    @Override
    public Catalog catalog(Object value) {
        if (value instanceof Registry r) {
            return r.catalog();
        }
        if (value instanceof Deployment d) {
            return d.parent().variant().catalog();
        }
        return variant(value).catalog();
    }

    @Override
    public FamilySpec family(Object variant) {
        return variant(variant).family();
    }

    @Override
    public Catalog.HeadSpec head(Object variant) {
        return variant(variant).headSpec();
    }

    @Override
    public FamilySpec.Quantization quantization(Object variant) {
        return variant(variant).quantizationSpec();
    }

    @Override
    public MetricsRow metrics(Object variant) {
        return variant(variant).metrics();
    }

    @Override
    public VersionSpec version(Object model) {
        return model(model).spec();
    }

    @Override
    public Catalog.FormatSpec format(Object model) {
        return model(model).formatSpec();
    }

    @Override
    public List<VersionSpec> changelog(Object model) {
        return model(model).changelogSpecs();
    }

    @Override
    public Catalog.DeploymentSpec deployment(Object deployment) {
        if (deployment instanceof Deployment d) {
            return d.spec();
        }
        throw new IllegalArgumentException("expected a Deployment, got " + describe(deployment));
    }
}
