package dev.modelcards.hardening;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.FamilySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * Writes a catalog like the bundled one but with {@code scale} times as many variants per family:
 * the bundled header, paper, architecture and versions are kept; the variant matrix, feature widths
 * and metrics table are generated (more multipliers, each at {@value #RESOLUTIONS} resolutions), with
 * seeded pseudo-random accuracy figures that deliberately tie, so tie-breaking gets exercised. Used by
 * the property tests and by the benchmarks in {@code bench/} to show how cost grows with catalog size;
 * {@link #main} lets {@code bench/run-all.sh} write one for whole-process timings.
 */
public final class SyntheticCatalog {
    /** Resolutions per multiplier: 96, 112, … 336. */
    static final int RESOLUTIONS = 16;
    /** Sections of a family file that are generated instead of copied. */
    private static final Set<String> GENERATED = Set.of("variants", "feature_widths", "metrics", "external_ids", "errata");

    private SyntheticCatalog() {
    }

    /**
     * Command line for scripts: {@code SyntheticCatalog DIR SCALE} writes the catalog into DIR and prints its
     * variant count (both heads). Run it with the test classes and the shaded jar on the class path.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SyntheticCatalog DIR SCALE");
            System.exit(2);
        }
        int scale;
        try {
            scale = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            scale = 0; // rejected just below, with the same message as any other bad scale
        }
        if (scale < 1) {
            System.err.println("SyntheticCatalog: SCALE must be a whole number of at least 1; got " + args[1]);
            System.exit(2);
        }
        write(Path.of(args[0]), scale);
        System.out.println(variantCount(scale));
    }

    /**
     * Writes the catalog into {@code dir} (created if needed) and returns it.
     *
     * @param scale how many times the bundled catalog's variant count each family gets (1, 10, 100…)
     */
    public static Path write(Path dir, int scale) throws IOException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1; got " + scale);
        }
        Files.createDirectories(dir);
        Catalog bundled = CatalogLoader.loadBundled();
        Files.write(dir.resolve(CatalogLoader.ROOT_FILE), CatalogFiles.read(CatalogLoader.ROOT_FILE));
        for (String other : CatalogFiles.OTHERS) {
            Files.write(dir.resolve(other), CatalogFiles.read(other));
        }
        for (int i = 0; i < bundled.families().size(); i++) {
            FamilySpec f = bundled.families().get(i);
            String fileName = f.id() + ".yaml";
            String kept = withoutGeneratedSections(CatalogFiles.text(fileName));
            String generated = matrix(f, f.cells().size() * scale, new SplittableRandom(31L * scale + i));
            Files.writeString(dir.resolve(fileName), kept + generated, StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** How many variants (both heads, float and quantized) {@link #write} gives at this scale. */
    public static int variantCount(int scale) {
        Catalog bundled = CatalogLoader.loadBundled();
        return bundled.families().stream().mapToInt(f -> f.cells().size() * (1 + f.quantizations().size())).sum()
                * scale * bundled.heads().size();
    }

    /** Drops each generated top-level section: from its key line to the next top-level key. */
    private static String withoutGeneratedSections(String text) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : text.split("\n", -1)) {
            if (line.matches("[a-z_]+:.*")) {
                skipping = GENERATED.contains(line.substring(0, line.indexOf(':')));
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n\n";
    }

    private static String matrix(FamilySpec f, int cells, SplittableRandom random) {
        int multipliers = (cells + RESOLUTIONS - 1) / RESOLUTIONS;
        StringBuilder variants = new StringBuilder("# Generated: ").append(cells).append(" variants.\nvariants:\n");
        StringBuilder widths = new StringBuilder("feature_widths: {");
        StringBuilder rows = new StringBuilder("metrics:\n  columns: [multiplier, resolution, macs_millions, "
                + "params_millions, top1, top5]\n  rows:\n");
        int left = cells;
        for (int mi = 0; mi < multipliers; mi++) {
            BigDecimal m = BigDecimal.valueOf(25 + mi, 2); // 0.25, 0.26, …: distinct, two decimals
            int here = Math.min(RESOLUTIONS, left);
            left -= here;
            List<Integer> resolutions = java.util.stream.IntStream.range(0, here).map(r -> 96 + 16 * r).boxed().toList();
            variants.append("  - {multipliers: [").append(m.toPlainString()).append("], resolutions: ")
                    .append(resolutions).append("}\n");
            widths.append(mi == 0 ? "" : ", ").append(m.toPlainString()).append(": ")
                    .append(f.architecture().featureWidth(m));
            double params = 4.2 * m.doubleValue() * m.doubleValue() + 0.5;
            for (int res : resolutions) {
                double macs = 570.0 * m.doubleValue() * m.doubleValue() * res * res / (224.0 * 224.0) + 1;
                int top1Tenths = 450 + random.nextInt(300); // 45.0–74.9 %: plenty of ties
                rows.append(String.format(Locale.ROOT, "    - [%s, %d, %.0f, %.2f, %.1f, %.1f]\n", m.toPlainString(),
                        res, macs, params, top1Tenths / 10.0,
                        Math.min(999, top1Tenths + 150 + random.nextInt(50)) / 10.0));
            }
        }
        return variants + "\n" + widths.append("}\n\n") + rows;
    }
}
