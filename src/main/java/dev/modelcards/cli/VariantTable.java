package dev.modelcards.cli;

import dev.modelcards.Variant;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table of variants for the terminal, columns padded to their widest cell. */
final class VariantTable {
    private VariantTable() {
    }

    static String render(List<Variant> variants) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HANDLE", "LATEST", "MACS(M)", "PARAMS(M)", "TOP1", "TOP5", "INPUT", "OUTPUT"});
        for (Variant v : variants) {
            rows.add(new String[] {v.handle(), Integer.toString(v.latest().number()),
                    v.metrics().macsMillions().toPlainString(), v.metrics().paramsMillions().toPlainString(),
                    v.metrics().top1().toPlainString(), v.metrics().top5().toPlainString(),
                    v.inputShape().toString(), v.outputShape().toString()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                boolean numeric = i >= 1 && i <= 5;
                String cell = numeric ? " ".repeat(widths[i] - r[i].length()) + r[i]
                        : r[i] + (i == r.length - 1 ? "" : " ".repeat(widths[i] - r[i].length()));
                b.append(cell).append(i == r.length - 1 ? "\n" : "  ");
            }
        }
        b.append(variants.size()).append(" variant(s)\n");
        return b.toString();
    }
}
