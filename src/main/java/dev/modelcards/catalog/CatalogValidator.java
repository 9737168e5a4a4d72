package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cross-field and cross-file checks that a single value cannot make on its own. */
final class CatalogValidator {
    private CatalogValidator() {
    }

    static void validate(Catalog catalog, Diagnostics diags) {
        Map<String, FamilySpec> byId = new HashMap<>();
        for (FamilySpec f : catalog.families()) {
            FamilySpec earlier = byId.putIfAbsent(f.id(), f);
            if (earlier != null) {
                diags.error(f.pos(), "duplicate family '" + f.id() + "' (also in " + earlier.file()
                        + "); every handle must be unique");
            }
            validateFamily(catalog, f, diags);
        }
    }

    private static void validateFamily(Catalog catalog, FamilySpec f, Diagnostics diags) {
        if (f.cells().isEmpty()) {
            diags.error(f.pos(), "family '" + f.id() + "' declares no variants; 'variants' needs at least one "
                    + "multiplier and resolution");
        }
        Set<String> cells = new HashSet<>();
        for (FamilySpec.Cell c : f.cells()) {
            String key = key(c.multiplier(), c.resolution());
            if (!cells.add(key)) {
                diags.error(c.pos(), "duplicate handle: " + f.id() + " at multiplier " + c.multiplier().toPlainString()
                        + " and resolution " + c.resolution() + " is listed twice in 'variants'");
            }
        }
        Set<String> withMetrics = new HashSet<>();
        for (MetricsRow row : f.metrics()) {
            String key = key(row.multiplier(), row.resolution());
            if (!cells.contains(key)) {
                diags.error(row.pos(), "metrics for a variant that does not exist: " + f.id() + " "
                        + row.multiplier().toPlainString() + " at " + row.resolution()
                        + " is not in 'variants'");
            } else if (!withMetrics.add(key)) {
                diags.error(row.pos(), "duplicate metrics row for " + row.multiplier().toPlainString() + " at "
                        + row.resolution());
            }
        }
        Set<String> reported = new HashSet<>();
        for (FamilySpec.Cell c : f.cells()) {
            String key = key(c.multiplier(), c.resolution());
            if (!withMetrics.contains(key) && reported.add(key)) {
                diags.error(c.pos(), "variant without metrics: " + f.id() + " " + c.multiplier().toPlainString()
                        + " at " + c.resolution() + " has no row in 'metrics'");
            }
        }
        checkFeatureWidths(f, diags);
        checkVersions(catalog, f, diags);
        checkExternalIds(catalog, f, diags);
        for (FamilySpec.Erratum e : f.errata()) {
            if (!cells.contains(key(e.multiplier(), e.resolution()))) {
                diags.error(e.pos(), "erratum for a variant that does not exist: " + e.multiplier().toPlainString()
                        + " at " + e.resolution());
            }
        }
    }

    private static void checkFeatureWidths(FamilySpec f, Diagnostics diags) {
        Set<BigDecimal> multipliers = new java.util.TreeSet<>();
        f.cells().forEach(c -> multipliers.add(c.multiplier()));
        for (BigDecimal m : multipliers) {
            Integer declared = f.featureWidths().get(m);
            int rule = f.architecture().featureWidth(m);
            if (declared == null) {
                diags.error(f.pos(), "no feature width declared for multiplier " + m.toPlainString()
                        + " in 'feature_widths'; the family rule gives " + rule);
            } else if (declared != rule) {
                diags.error(f.pos(), "declared feature width " + declared + " for multiplier " + m.toPlainString()
                        + " contradicts the family rule (" + f.architecture().widthRule().id() + "), which gives "
                        + rule);
            }
        }
    }

    private static void checkVersions(Catalog catalog, FamilySpec f, Diagnostics diags) {
        if (f.versions().isEmpty()) {
            diags.error(f.pos(), "family '" + f.id() + "' has no versions; at least one must be published");
            return;
        }
        Set<Integer> unpublished = new HashSet<>(f.unpublishedVersions());
        int previous = 0;
        for (VersionSpec v : f.versions()) {
            if (unpublished.contains(v.version())) {
                diags.error(v.pos(), "version " + v.version() + " is listed in 'unpublished_versions' but also published");
            }
            if (v.version() <= previous) {
                diags.error(v.pos(), "version numbers must increase; " + v.version() + " follows " + previous);
            } else {
                for (int gap = previous + 1; gap < v.version(); gap++) {
                    if (!unpublished.contains(gap)) {
                        diags.error(v.pos(), "version " + v.version() + " follows " + previous + " but version " + gap
                                + " is neither published nor declared in 'unpublished_versions'");
                    }
                }
                previous = v.version();
            }
            if (v.changelog().isEmpty()) {
                diags.error(v.pos(), "version " + v.version() + " has no changelog; every published version says what changed");
            }
            if (v.format() != null && !catalog.formats().containsKey(v.format())) {
                diags.error(v.pos(), "version " + v.version() + " has unknown format '" + v.format() + "'"
                        + Hints.didYouMean(v.format(), catalog.formats().keySet()) + "; expected one of: "
                        + String.join(", ", catalog.formats().keySet()));
            }
            for (String h : v.heads()) {
                if (!catalog.heads().containsKey(h)) {
                    diags.error(v.pos(), "version " + v.version() + " names unknown head '" + h + "'"
                            + Hints.didYouMean(h, catalog.heads().keySet()));
                }
            }
            checkMetadata(catalog, v.metadata(), "version " + v.version(), diags);
            if (v.published() != null && catalog.edit(v.published()).isEmpty()) {
                diags.error(v.pos(), "version " + v.version() + " is published by unknown history edit '" + v.published()
                        + "'" + Hints.didYouMean(v.published(), editIds(catalog)) + "; 'published' names an id of "
                        + "catalog.yaml's history");
            }
        }
    }

    private static List<String> editIds(Catalog catalog) {
        return catalog.history().stream().map(Catalog.Edit::id).toList();
    }

    /** Metadata lines: per-head values name known heads; since/until name history edits. */
    static void checkMetadata(Catalog catalog, List<VersionSpec.MetadataEntry> lines, String owner, Diagnostics diags) {
        for (VersionSpec.MetadataEntry m : lines) {
            for (String h : m.perHead().keySet()) {
                if (!catalog.heads().containsKey(h)) {
                    diags.error(m.pos(), "metadata '" + m.key() + "' of " + owner + " names unknown head '" + h + "'"
                            + Hints.didYouMean(h, catalog.heads().keySet()));
                }
            }
            for (String edit : java.util.Arrays.asList(m.since(), m.until())) {
                if (edit != null && catalog.edit(edit).isEmpty()) {
                    diags.error(m.pos(), "metadata '" + m.key() + "' of " + owner + " names unknown history edit '"
                            + edit + "'" + Hints.didYouMean(edit, editIds(catalog)) + "; expected an id of catalog.yaml's history");
                }
            }
        }
    }

    private static void checkExternalIds(Catalog catalog, FamilySpec f, Diagnostics diags) {
        String prefix = catalog.publisher() + "/" + catalog.collection() + "/";
        f.externalIds().forEach((scheme, ids) -> ids.keySet().forEach(handle -> {
            if (!existing(catalog, f, prefix, handle)) {
                diags.error(f.pos(), "external id '" + scheme + "' for '" + handle
                        + "', which is not a published handle and version of " + f.id());
            }
        }));
    }

    private static boolean existing(Catalog catalog, FamilySpec f, String prefix, String handle) {
        if (!handle.startsWith(prefix)) {
            return false;
        }
        String[] parts = handle.substring(prefix.length()).split("/");
        if (parts.length != 3 || !catalog.heads().containsKey(parts[1])) {
            return false;
        }
        int version;
        try {
            version = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (f.version(version).isEmpty()) {
            return false;
        }
        for (FamilySpec.Cell c : f.cells()) {
            if (Names.variantName(f.id(), c.multiplier(), c.resolution()).equals(parts[0])) {
                return true;
            }
        }
        return false;
    }

    private static String key(BigDecimal multiplier, int resolution) {
        return multiplier.stripTrailingZeros().toPlainString() + "@" + resolution;
    }

}
