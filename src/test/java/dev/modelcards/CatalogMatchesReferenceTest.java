package dev.modelcards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.catalog.MetricsRow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog holds exactly what TF Hub and TF-Slim published (shared/reference). */
class CatalogMatchesReferenceTest {
    static final Registry REGISTRY = Registry.load(Path.of("catalog"));

    @Test
    void everyPublishedHandleAndVersionIsThere() {
        assertThat(REGISTRY.variants()).hasSize(76);
        assertThat(REGISTRY.models()).hasSize(348);
        Map<String, List<Integer>> versions = new TreeMap<>();
        REGISTRY.variants().forEach(v -> versions.merge(v.familyId(),
                v.versions().stream().map(ModelVersion::number).toList(), (a, b) -> {
                    assertThat(b).isEqualTo(a);
                    return a;
                }));
        assertThat(versions).containsExactly(Map.entry("mobilenet_v1", List.of(1, 3, 4, 5)),
                Map.entry("mobilenet_v2", List.of(1, 2, 3, 4, 5)));
        assertThat(REGISTRY.query().family("mobilenet_v1").list()).hasSize(32);
        assertThat(REGISTRY.query().family("mobilenet_v2").list()).hasSize(44);
    }

    @Test
    void metricsEqualThePublishedTable() throws Exception {
        Path csv = SharedFiles.require("reference/mobilenet-published.csv");
        List<String> rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(38);
        for (String row : rows) {
            String[] c = row.split(",", -1);
            Variant v = REGISTRY.query().family(c[0]).multiplier(new BigDecimal(c[1]))
                    .resolution(Integer.parseInt(c[2])).head("classification").best();
            MetricsRow m = v.metrics();
            assertThat(m.macsMillions()).as(row).isEqualByComparingTo(c[3]);
            assertThat(m.paramsMillions()).as(row).isEqualByComparingTo(c[4]);
            assertThat(m.top1()).as(row).isEqualByComparingTo(c[5]);
            assertThat(m.top5()).as(row).isEqualByComparingTo(c[6]);
            if (c[7].isEmpty()) {
                assertThat(m.pixel1Ms()).as(row).isNull();
            } else {
                assertThat(m.pixel1Ms()).as(row).isEqualByComparingTo(c[7]);
            }
        }
    }

    @Test
    void featureWidthsFollowTheReference() {
        Map<String, Integer> widths = REGISTRY.query().head("feature_vector").list().stream()
                .collect(Collectors.toMap(v -> v.familyId() + " " + v.multiplier(), Variant::featureWidth, (a, b) -> a,
                        TreeMap::new));
        assertThat(widths).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "mobilenet_v1 0.25", 256, "mobilenet_v1 0.50", 512, "mobilenet_v1 0.75", 768, "mobilenet_v1 1.00", 1024,
                "mobilenet_v2 0.35", 1280, "mobilenet_v2 0.50", 1280, "mobilenet_v2 0.75", 1280,
                "mobilenet_v2 1.00", 1280, "mobilenet_v2 1.30", 1664, "mobilenet_v2 1.40", 1792)));
    }

    @Test
    void changelogEntriesAreThePublishedOnes() throws Exception {
        String reference = Files.readString(SharedFiles.require("reference/README.md"));
        for (ModelVersion m : List.of(REGISTRY.get("google/imagenet/mobilenet_v1_100_224/classification/5"),
                REGISTRY.get("google/imagenet/mobilenet_v2_100_224/feature_vector/5"))) {
            for (var spec : m.changelog()) {
                for (String entry : spec.changelog()) {
                    // The reference table writes each entry on one line.
                    assertThat(reference).as(m + " version " + spec.version()).contains(entry.replace("\n", " "));
                }
            }
        }
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_100_224/feature_vector/3").changelog())
                .extracting(s -> s.version()).containsExactly(1, 2, 3);
    }
}
