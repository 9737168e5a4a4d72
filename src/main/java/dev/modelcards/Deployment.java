package dev.modelcards;

import dev.modelcards.catalog.Catalog;
import java.util.Optional;

/**
 * A deployment of one published model in another format, published as a child card of its parent
 * version: the TF.js conversion {@code google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1}.
 * A deployment has no ONNX model of its own; {@code verify} reports it as not applicable. Immutable.
 */
public final class Deployment {
    private final ModelVersion parent;
    private final Catalog.DeploymentSpec spec;
    private final String demoUrl;

    Deployment(ModelVersion parent, Catalog.DeploymentSpec spec, String demoUrl) {
        this.parent = parent;
        this.spec = spec;
        this.demoUrl = demoUrl;
    }

    /** {@return the model version this deployment converts} */
    public ModelVersion parent() {
        return parent;
    }

    /** {@return the deployment format's id, e.g. {@code tfjs}} */
    public String format() {
        return spec.id();
    }

    /** {@return the deployment format's display name, e.g. {@code TF.js}} */
    public String formatName() {
        return spec.name();
    }

    /** {@return the handle, which is also the card's path: the parent's handle, then e.g. {@code default/tfjs/1}} */
    public String handle() {
        return parent.handle() + "/" + spec.path();
    }

    /** {@return the catalog's description of the format (metadata lines and wording of the child card)} */
    Catalog.DeploymentSpec spec() {
        return spec;
    }

    /** {@return a demo that uses this deployment, if the catalog links one} */
    public Optional<String> demoUrl() {
        return Optional.ofNullable(demoUrl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deployment d && d.handle().equals(handle());
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
