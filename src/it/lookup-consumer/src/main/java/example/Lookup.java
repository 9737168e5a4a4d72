package example;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;

/** What a lookup-only user of modelcards does: load the bundled catalog and ask it questions. */
public final class Lookup {
    private Lookup() {
    }

    /**
     * Prints the answers verify.groovy expects, one {@code key: value} line each.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Registry registry = Registry.load();
        Variant best = registry.query().head("feature_vector").resolution(128).maxMacs(100).best();
        System.out.println("best: " + best.handle());

        ModelVersion m = registry.get("https://tfhub.dev/google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        System.out.println("shapes: " + m.variant().inputShape() + " -> " + m.variant().outputShape());
        System.out.println("latest quantops: "
                + registry.find("google/imagenet/mobilenet_v1_050_128/quantops/classification").orElseThrow().handle());
        System.out.println("deployments: " + registry.get("google/imagenet/mobilenet_v1_050_128/classification/1").deployments());
        System.out.println("tfjs parent: " + registry
                .deployment("google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1").orElseThrow()
                .parent().handle());
    }
}
