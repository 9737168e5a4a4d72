package dev.modelcards.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.hardening.SyntheticCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON result into the markdown table of {@code bench/README.md}: each benchmark at each
 * scale, the cost per operation at ×10 and ×100 relative to ×1 in the same run (10 and 100 mean
 * linear growth; 1 means flat), and the growth of the size-dependent part alone (10 when linear).
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        // benchmark → scale → score
        Map<String, Map<Integer, double[]>> table = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replace("dev.modelcards.bench.", "");
            int scale = r.get("params").get("scale").asInt();
            JsonNode m = r.get("primaryMetric");
            table.computeIfAbsent(name, k -> new TreeMap<>())
                    .put(scale, new double[] {m.get("score").asDouble(), m.get("scoreError").asDouble()});
            units.put(name, m.get("scoreUnit").asText() + ("thrpt".equals(r.get("mode").asText()) ? " (higher is faster)" : ""));
        }
        System.out.printf(Locale.ROOT, "| benchmark | unit | ×1 (%d variants) | ×10 (%d) | ×100 (%d) | cost ×10/×1 | cost ×100/×1 | growth |%n",
                SyntheticCatalog.variantCount(1), SyntheticCatalog.variantCount(10), SyntheticCatalog.variantCount(100));
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        table.forEach((name, byScale) -> {
            boolean throughput = units.get(name).startsWith("ops/");
            StringBuilder row = new StringBuilder("| " + name + " | " + units.get(name) + " |");
            for (int s : new int[] {1, 10, 100}) {
                double[] v = byScale.get(s);
                row.append(v == null ? " – |" : String.format(Locale.ROOT, " %s ± %s |", fmt(v[0]), fmt(v[1])));
            }
            for (int s : new int[] {10, 100}) {
                double[] base = byScale.get(1);
                double[] v = byScale.get(s);
                // Cost per operation: time per op, or the inverse of throughput.
                double ratio = base == null || v == null ? Double.NaN : throughput ? base[0] / v[0] : v[0] / base[0];
                row.append(String.format(Locale.ROOT, " %.1f |", ratio));
            }
            // Growth of the part that depends on size: (c100 − c10) / (c10 − c1), 10 when linear
            // (90 more units of variants against 9), whatever the fixed cost per operation is.
            double[] c = new double[3];
            int i = 0;
            for (int s : new int[] {1, 10, 100}) {
                double[] v = byScale.get(s);
                c[i++] = v == null ? Double.NaN : throughput ? 1 / v[0] : v[0];
            }
            row.append(String.format(Locale.ROOT, " %.1f |", (c[2] - c[1]) / (c[1] - c[0])));
            System.out.println(row);
        });
    }

    private static String fmt(double d) {
        return d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.3g", d);
    }
}
