package dev.modelcards.docs;

import dev.modelcards.Quantity;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Top-1 accuracy against MACs and against parameters, both on log scales, for every float
 * classification variant: one series per family, each point labelled with multiplier and resolution and
 * linked to the variant's latest card. Quantized variants are left out: they share their float
 * variant's published figures, so their points would sit exactly on the float ones.
 */
final class ChartsPage {
    private final Registry registry;
    private final PageLayout layout;

    ChartsPage(Registry registry, PageLayout layout) {
        this.registry = registry;
        this.layout = layout;
    }

    String render() {
        String path = SitePaths.CHARTS;
        List<Variant> classifiers = plotted(registry);
        List<String> series = Specs.catalog(registry).families().stream().map(FamilySpec::name).toList();
        return layout.page(path, "Accuracy charts", w -> {
            w.open("p");
            w.text("ImageNet top-1 accuracy of the " + classifiers.size() + " classification variants as published "
                    + "by TF-Slim, against cost. Each point is labelled multiplier/resolution and links to the "
                    + "variant's latest card; feature-vector variants share these figures, and so do the quantized "
                    + "variants, which are not plotted.");
            w.close("p");
            w.element("h2", "Top-1 accuracy against multiply-accumulates");
            chart("chart-macs", "Top-1 accuracy against MACs (log scale)", "Multiply-accumulates (millions)",
                    path, classifiers, series, v -> v.published(Quantity.MACS).doubleValue()).write(w);
            w.element("h2", "Top-1 accuracy against parameters");
            chart("chart-params", "Top-1 accuracy against parameters (log scale)", "Parameters (millions)",
                    path, classifiers, series, v -> v.published(Quantity.PARAMS).doubleValue()).write(w);
            List<Variant> timed = classifiers.stream().filter(v -> v.pixel1LatencyMs().isPresent()).toList();
            if (!timed.isEmpty()) {
                w.element("h2", "Top-1 accuracy against latency on a Pixel 1");
                w.element("p", "Only the " + timed.size() + " variants whose family publishes a Pixel 1 latency ("
                        + String.join(", ", timed.stream().map(v -> Specs.family(v).name()).distinct().toList())
                        + "): TF-Slim's figures, one large core, float TF-Lite.", "class", "muted");
                chart("chart-latency", "Top-1 accuracy against Pixel 1 latency (log scale)",
                        "Latency on a Pixel 1 (ms)", path, timed, series, v -> v.pixel1LatencyMs().orElseThrow().doubleValue())
                        .write(w);
            }
        });
    }

    /** The variants with a point: the float classifiers. */
    static List<Variant> plotted(Registry registry) {
        return registry.variants().stream().filter(v -> v.isClassifier() && !v.isQuantized()).toList();
    }

    private ScatterChart chart(String id, String title, String xTitle, String path, List<Variant> variants,
                               List<String> series, ToDoubleFunction<Variant> x) {
        List<String> familyIds = Specs.catalog(registry).families().stream().map(FamilySpec::id).toList();
        List<ScatterChart.Point> points = variants.stream().map(v -> new ScatterChart.Point(
                familyIds.indexOf(v.familyId()), x.applyAsDouble(v), v.top1().doubleValue(),
                v.multiplier().toPlainString() + "/" + v.resolution(),
                Links.relative(path, SitePaths.card(v.latest())),
                Specs.family(v).name() + " " + v.multiplier().toPlainString() + " at " + v.resolution() + " px: top-1 "
                        + v.top1().toPlainString() + " %, " + v.published(Quantity.MACS).toPlainString()
                        + " M MACs, " + v.published(Quantity.PARAMS).toPlainString() + " M parameters"
                        + v.pixel1LatencyMs().map(ms -> ", " + ms.toPlainString() + " ms on a Pixel 1").orElse(""))).toList();
        return new ScatterChart(id, title, xTitle, "Top-1 accuracy (%)", true, series, points);
    }
}
