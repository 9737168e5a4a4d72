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
    void everyPublishedHandleAndVersionIsThere() throws Exception {
        List<Variant> floats = REGISTRY.variants().stream().filter(v -> !v.isQuantized()).toList();
        List<Variant> quantized = REGISTRY.variants().stream().filter(Variant::isQuantized).toList();
        int heads = REGISTRY.catalog().heads().size();
        // Every cell of every family with both heads, and nothing else, as float variants.
        assertThat(floats).hasSize(REGISTRY.catalog().families().stream().mapToInt(f -> f.cells().size()).sum() * heads);
        assertThat(REGISTRY.models()).hasSize(REGISTRY.variants().stream().mapToInt(v -> v.versions().size()).sum());
        Map<String, List<Integer>> versions = new TreeMap<>();
        floats.forEach(v -> versions.merge(v.familyId(),
                v.versions().stream().map(ModelVersion::number).toList(), (a, b) -> {
                    assertThat(b).isEqualTo(a);
                    return a;
                }));
        assertThat(versions).containsExactly(Map.entry("mobilenet_v1", List.of(1, 3, 4, 5)),
                Map.entry("mobilenet_v2", List.of(1, 2, 3, 4, 5)));
        assertThat(REGISTRY.query().family("mobilenet_v1").list()).hasSize(32);
        assertThat(REGISTRY.query().family("mobilenet_v2").list()).hasSize(44);
        // The reference table lists the float cells: exactly those the float variants cover.
        List<String> cells = Files.readAllLines(SharedFiles.require("reference/mobilenet-published.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .map(c -> c[0] + " " + new BigDecimal(c[1]).stripTrailingZeros().toPlainString() + " " + c[2]).sorted().toList();
        assertThat(floats.stream().filter(v -> v.head().equals("classification")).map(CatalogMatchesReferenceTest::cell)
                .sorted().toList()).isEqualTo(cells);

        // quantops mirrors V1's float cells, both heads, at versions 1 and 3, with the float model's metrics.
        List<Variant> v1 = floats.stream().filter(v -> v.familyId().equals("mobilenet_v1")).toList();
        assertThat(quantized).allSatisfy(q -> {
            assertThat(q.quantization()).contains("quantops");
            assertThat(q.versions()).extracting(ModelVersion::number).containsExactly(1, 3);
            Variant twin = REGISTRY.get(q.handle().replace("/quantops/", "/")).variant();
            assertThat(twin.isQuantized()).isFalse();
            assertThat(q.metrics()).isEqualTo(twin.metrics());
            assertThat(q.checkpointName()).isEqualTo(twin.checkpointName() + "_quant");
            assertThat(q.outputShape()).isEqualTo(twin.outputShape());
        });
        assertThat(quantized.stream().map(q -> cell(q) + " " + q.head()).toList())
                .containsExactlyInAnyOrderElementsOf(v1.stream().map(v -> cell(v) + " " + v.head()).toList());

        // TF.js children: one per float model of V1 versions 1 and 3 and V2 versions 1-3, none for quantized ones.
        for (ModelVersion m : REGISTRY.models()) {
            boolean expected = !m.variant().isQuantized() && (m.variant().familyId().equals("mobilenet_v1")
                    ? List.of(1, 3) : List.of(1, 2, 3)).contains(m.number());
            assertThat(m.deployments()).as(m.handle()).hasSize(expected ? 1 : 0)
                    .allSatisfy(d -> assertThat(d.handle()).isEqualTo(m.handle() + "/default/tfjs/1"));
        }

        // The publisher's tree (its final revision) holds exactly these cards: models and TF.js children.
        List<String> ours = new java.util.ArrayList<>();
        REGISTRY.models().forEach(m -> ours.add(m.handle()));
        REGISTRY.deployments().forEach(d -> ours.add(d.handle()));
        assertThat(ours).containsExactlyInAnyOrderElementsOf(publisherCards());
    }

    private static String cell(Variant v) {
        return v.familyId() + " " + v.multiplier().stripTrailingZeros().toPlainString() + " " + v.resolution();
    }

    /** The handles of the card files in the publisher's final revision, replayed from the recorded history. */
    static java.util.Set<String> publisherCards() throws java.io.IOException {
        java.util.Set<String> files = new java.util.TreeSet<>();
        try (var in = CatalogMatchesReferenceTest.class.getResourceAsStream("/dev/modelcards/publisher/tfhub-history.tsv")) {
            assertThat(in).as("tfhub-history.tsv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                String handle = REGISTRY.catalog().publisher() + "/" + REGISTRY.catalog().collection() + "/"
                        + c[3].substring(0, c[3].length() - ".md".length());
                if (c[2].equals("D")) {
                    files.remove(handle);
                } else {
                    files.add(handle);
                }
            }
        }
        return files;
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
                for (String entry : spec.entries()) {
                    // The reference table writes each entry on one line.
                    assertThat(reference).as(m + " version " + spec.version()).contains(entry.replace("\n", " "));
                }
            }
        }
        assertThat(REGISTRY.get("google/imagenet/mobilenet_v2_100_224/feature_vector/3").changelog())
                .extracting(s -> s.version()).containsExactly(1, 2, 3);
    }
}
