package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The charts' label placement on the real catalog: every point labelled, and no label box intersecting
 * another label, any point's marker or the legend; the legend touches no marker either.
 */
class ChartLayoutTest {
    static Registry registry;

    @BeforeAll
    static void load() {
        DocsGeneratorTest.load();
        registry = DocsGeneratorTest.registry;
    }

    private static ScatterChart chart(List<Variant> variants, ToDoubleFunction<Variant> x) {
        List<String> families = Specs.catalog(registry).families().stream().map(f -> f.id()).toList();
        List<ScatterChart.Point> points = variants.stream().map(v -> new ScatterChart.Point(
                families.indexOf(v.familyId()), x.applyAsDouble(v), Specs.metrics(v).top1().doubleValue(),
                v.multiplier().toPlainString() + "/" + v.resolution(), "x.html", v.handle())).toList();
        return new ScatterChart("c", "t", "x", "y", true, families, points);
    }

    static List<String> overlaps(ScatterChart.Layout layout) {
        List<String> problems = new ArrayList<>();
        List<ScatterChart.Placed> placed = layout.placed();
        for (int i = 0; i < placed.size(); i++) {
            ScatterChart.Placed a = placed.get(i);
            String name = a.point().title();
            if (a.label() == null) {
                problems.add(name + ": no place for its label");
                continue;
            }
            if (a.label().intersects(layout.legend())) {
                problems.add(name + ": label covers the legend");
            }
            for (int j = 0; j < placed.size(); j++) {
                ScatterChart.Placed b = placed.get(j);
                if (a.label().intersects(b.marker())) {
                    problems.add(name + ": label covers the point of " + b.point().title());
                }
                if (j > i && b.label() != null && a.label().intersects(b.label())) {
                    problems.add(name + ": label overlaps the label of " + b.point().title());
                }
            }
        }
        for (ScatterChart.Placed p : placed) {
            if (layout.legend().intersects(p.marker())) {
                problems.add("the legend covers the point of " + p.point().title());
            }
        }
        return problems;
    }

    @Test
    void labelsOfTheThreeChartsOverlapNothing() {
        List<Variant> plotted = ChartsPage.plotted(registry);
        assertThat(plotted).hasSize(38);
        List<Variant> timed = plotted.stream().filter(v -> Specs.metrics(v).pixel1Ms() != null).toList();
        assertThat(timed).hasSize(22);
        assertThat(overlaps(chart(plotted, v -> Specs.metrics(v).macsMillions().doubleValue()).layout())).isEmpty();
        assertThat(overlaps(chart(plotted, v -> Specs.metrics(v).paramsMillions().doubleValue()).layout())).isEmpty();
        assertThat(overlaps(chart(timed, v -> Specs.metrics(v).pixel1Ms().doubleValue()).layout())).isEmpty();
    }

    @Test
    void theCheckFindsOverlapsWhereThereAreSome() {
        // two points at the same place: their markers cover each other's first choice of label box, and a
        // crowd of identical points runs out of places
        List<Variant> same = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            same.add(ChartsPage.plotted(registry).get(0));
        }
        assertThat(overlaps(chart(same, v -> 10).layout())).isNotEmpty();
    }
}
