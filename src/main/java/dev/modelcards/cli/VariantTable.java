package dev.modelcards.cli;

import dev.modelcards.Quantity;
import dev.modelcards.Deployment;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plain-text tables of variants and of deployment cards for the terminal, columns padded to their widest cell. */
final class VariantTable {
    private VariantTable() {
    }

    /**
     * One row per variant: handle, latest version, quantization ({@code -} for float), metrics, shapes, and
     * per deployment format of the catalog the versions that have such a child card ({@code -} for none).
     */
    static String render(List<Variant> variants, Collection<Catalog.DeploymentSpec> deploymentFormats) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("HANDLE", "LATEST", "MACS(M)", "PARAMS(M)", "TOP1", "TOP5",
                "INPUT", "OUTPUT", "QUANT"));
        deploymentFormats.forEach(f -> header.add(f.name().toUpperCase(Locale.ROOT)));
        rows.add(header.toArray(String[]::new));
        for (Variant v : variants) {
            List<String> row = new ArrayList<>(List.of(v.handle(), Integer.toString(v.latest().number()),
                    v.published(Quantity.MACS).toPlainString(), v.published(Quantity.PARAMS).toPlainString(),
                    v.top1().toPlainString(), v.top5().toPlainString(),
                    v.inputShape().toString(), v.outputShape().toString(), v.quantization().orElse("-")));
            for (Catalog.DeploymentSpec f : deploymentFormats) {
                String versions = v.versions().stream()
                        .filter(m -> m.deployments().stream().anyMatch(d -> d.format().equals(f.id())))
                        .map(m -> Integer.toString(m.number())).collect(Collectors.joining(","));
                row.add(versions.isEmpty() ? "-" : versions);
            }
            rows.add(row.toArray(String[]::new));
        }
        return layout(rows, 1, 5) + variants.size() + " variant(s)\n";
    }

    /** One row per deployment card: its handle, format and the model version it converts. */
    static String deployments(List<Deployment> deployments) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HANDLE", "FORMAT", "PARENT"});
        for (Deployment d : deployments) {
            rows.add(new String[] {d.handle(), d.formatName(), d.parent().handle()});
        }
        return layout(rows, -1, -1) + deployments.size() + " deployment card(s)\n";
    }

    /** Pads every column to its widest cell; columns {@code firstNumeric..lastNumeric} are right-aligned. */
    private static String layout(List<String[]> rows, int firstNumeric, int lastNumeric) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                boolean numeric = i >= firstNumeric && i <= lastNumeric;
                String cell = numeric ? " ".repeat(widths[i] - r[i].length()) + r[i]
                        : r[i] + (i == r.length - 1 ? "" : " ".repeat(widths[i] - r[i].length()));
                b.append(cell).append(i == r.length - 1 ? "\n" : "  ");
            }
        }
        return b.toString();
    }
}
