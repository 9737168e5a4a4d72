package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Binds one family file to a {@link FamilySpec}, recording a located diagnostic for every problem. */
final class FamilyReader {
    static final List<String> METRIC_COLUMNS = List.of("multiplier", "resolution", "macs_millions",
            "params_millions", "top1", "top5", "pixel1_ms");
    static final List<String> REQUIRED_METRIC_COLUMNS = List.of("multiplier", "resolution", "macs_millions",
            "params_millions", "top1", "top5");
    /** Most variants (cells) one family may declare: two orders of magnitude above MobileNet's 22. */
    static final int MAX_CELLS = 10_000;
    static final List<String> BLOCK_COLUMNS = List.of("expansion", "width", "repeats", "stride");

    private final NodeReader r;

    FamilyReader(NodeReader r) {
        this.r = r;
    }

    FamilySpec read(Node root) {
        NodeReader.Fields f = r.fields(root, "family file", "family", "name", "paper", "implementation", "checkpoint",
                "variants", "feature_widths", "architecture", "metrics", "unpublished_versions", "versions",
                "external_ids", "errata", "tolerances", "text", "network_architecture", "quantizations",
                "deployments");
        String what = "family file";
        Node idNode = f.required("family", what);
        String id = idNode == null ? null : CatalogLoader.segment(r, idNode, "'family'");
        String name = f.string("name", what);
        FamilySpec.Paper paper = paper(f.required("paper", what));
        String implementation = f.string("implementation", what);
        FamilySpec.Checkpoint checkpoint = checkpoint(f.required("checkpoint", what));
        List<FamilySpec.Cell> cells = cells(f.required("variants", what));
        Map<BigDecimal, Integer> widths = featureWidths(f.required("feature_widths", what));
        Architecture arch = architecture(f.required("architecture", what));
        List<MetricsRow> metrics = metrics(f.required("metrics", what));
        Node unpub = f.optional("unpublished_versions");
        List<Integer> unpublished = unpub == null ? List.of()
                : r.listOf(unpub, "'unpublished_versions'", n -> r.integer(n, "unpublished version", 1, 10_000));
        Node versionsNode = f.required("versions", what);
        List<VersionSpec> versions = versions(versionsNode);
        String architectureTag = f.optString("network_architecture", what);
        Node qNode = f.optional("quantizations");
        List<FamilySpec.Quantization> quantizations = new ArrayList<>();
        if (qNode != null) {
            r.entries(qNode, "'quantizations'").forEach((qid, qn) -> {
                FamilySpec.Quantization q = quantization(qid, qn);
                if (q != null) {
                    quantizations.add(q);
                }
            });
        }
        Node dNode = f.optional("deployments");
        List<FamilySpec.Deployment> deployments = dNode == null ? List.of()
                : r.listOf(dNode, "'deployments'", this::deployment);
        Map<String, Map<String, String>> external = externalIds(f.optional("external_ids"));
        Node errataNode = f.optional("errata");
        List<FamilySpec.Erratum> errata = errataNode == null ? List.of()
                : r.listOf(errataNode, "'errata'", this::erratum);
        Map<String, BigDecimal> tolerances = tolerances(f.optional("tolerances"));
        Map<String, String> text = CatalogLoader.text(r, f.optional("text"), "family");
        if (id == null || name == null || paper == null || implementation == null || checkpoint == null
                || arch == null) {
            return null;
        }
        return new FamilySpec(id, name, paper, implementation, checkpoint, cells, widths, arch, metrics, unpublished,
                versions, external, errata, tolerances, text, architectureTag, List.copyOf(quantizations),
                deployments, r.file(), f.pos());
    }

    /**
     * Multipliers get exactly two decimals, so 0.5, 0.50 and 0.500 are the same map key and print alike.
     * (Fuzzing found that 0.500 kept three, missed its 0.50 feature width and made Variant throw.)
     * Callers have checked that no more than two decimals are significant.
     */
    static BigDecimal normalize(BigDecimal m) {
        return m.stripTrailingZeros().setScale(2, RoundingMode.UNNECESSARY);
    }

    private BigDecimal multiplier(Node n) {
        BigDecimal m = r.decimal(n, "multiplier");
        if (m == null) {
            return null;
        }
        if (m.signum() == 0 || m.compareTo(BigDecimal.TEN) >= 0) {
            r.error(n, "multiplier must be above 0 and below 10; found " + m.toPlainString());
            return null;
        }
        if (m.movePointRight(2).stripTrailingZeros().scale() > 0) {
            r.error(n, "multiplier " + m.toPlainString()
                    + " has more than two decimals; handles spell multiplier × 100 as a whole number");
            return null;
        }
        return normalize(m);
    }

    private FamilySpec.Paper paper(Node n) {
        if (n == null) {
            return null;
        }
        NodeReader.Fields f = r.fields(n, "paper", "title", "authors", "url", "year");
        String title = f.string("title", "paper");
        Node authorsNode = f.required("authors", "paper");
        List<String> authors = authorsNode == null ? List.of() : r.strings(authorsNode, "'authors' of paper");
        String url = f.string("url", "paper");
        Integer year = f.integer("year", "paper", 1900, 2999);
        return title == null || url == null || year == null ? null : new FamilySpec.Paper(title, authors, url, year);
    }

    private FamilySpec.Checkpoint checkpoint(Node n) {
        if (n == null) {
            return null;
        }
        NodeReader.Fields f = r.fields(n, "checkpoint", "path", "source", "url");
        String path = f.string("path", "checkpoint");
        String source = f.string("source", "checkpoint");
        String url = f.string("url", "checkpoint");
        if (path != null && !path.contains("{name}")) {
            r.error(f.required("path", "checkpoint"), "checkpoint 'path' must contain {name}, the checkpoint name");
        }
        return path == null || source == null || url == null ? null : new FamilySpec.Checkpoint(path, source, url);
    }

    private List<FamilySpec.Cell> cells(Node n) {
        List<FamilySpec.Cell> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (Node group : r.list(n, "'variants'")) {
            NodeReader.Fields f = r.fields(group, "variant group", "multipliers", "resolutions", "from_version");
            int fromVersion = f.has("from_version") ? java.util.Objects.requireNonNullElse(
                    f.integer("from_version", "variant group", 1, 10_000), 1) : 1;
            Node ms = f.required("multipliers", "variant group");
            Node rs = f.required("resolutions", "variant group");
            if (ms == null || rs == null) {
                continue;
            }
            List<Node> mNodes = r.list(ms, "'multipliers'");
            List<Node> rNodes = r.list(rs, "'resolutions'");
            List<Integer> resolutions = new ArrayList<>();
            List<Node> resolutionNodes = new ArrayList<>();
            for (Node rn : rNodes) {
                Integer res = r.integer(rn, "resolution", 8, 8192);
                if (res != null) {
                    resolutions.add(res);
                    resolutionNodes.add(rn);
                }
            }
            if ((long) out.size() + (long) mNodes.size() * resolutions.size() > MAX_CELLS) {
                // Aliased lists make the matrix multiply: a 2 kB file could otherwise ask for 25 M variants.
                r.error(group, "variant groups give more than " + MAX_CELLS + " variants (multipliers × resolutions);"
                        + " is a list repeated by mistake (e.g. through aliases)?");
                return Collections.unmodifiableList(out);
            }
            for (Node mn : mNodes) {
                BigDecimal m = multiplier(mn);
                if (m == null) {
                    continue;
                }
                for (int i = 0; i < resolutions.size(); i++) {
                    out.add(new FamilySpec.Cell(m, resolutions.get(i), fromVersion, r.pos(mn)));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Map<BigDecimal, Integer> featureWidths(Node n) {
        Map<BigDecimal, Integer> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof MappingNode)) {
            r.error(n, "'feature_widths' must map each multiplier to its feature width, e.g. {0.50: 1280}");
            return out;
        }
        for (var t : ((MappingNode) n).getValue()) {
            BigDecimal m = multiplier(t.getKeyNode());
            Integer w = r.integer(t.getValueNode(), "feature width", 1, 1_000_000);
            if (m != null && w != null) {
                if (out.containsKey(m)) {
                    r.error(t.getKeyNode(), "duplicate multiplier " + m.toPlainString() + " in 'feature_widths'");
                }
                out.put(m, w);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private Architecture architecture(Node n) {
        if (n == null) {
            return null;
        }
        String what = "architecture";
        NodeReader.Fields f = r.fields(n, what, "width_rule", "stem", "blocks", "last_layer");
        WidthRule rule = null;
        Node ruleNode = f.required("width_rule", what);
        if (ruleNode != null) {
            String id = r.string(ruleNode, "'width_rule'");
            for (WidthRule w : WidthRule.values()) {
                if (w.id().equals(id)) {
                    rule = w;
                }
            }
            if (id != null && rule == null) {
                List<String> ids = java.util.Arrays.stream(WidthRule.values()).map(WidthRule::id).toList();
                r.error(ruleNode, "unknown width_rule '" + id + "'" + Hints.didYouMean(id, ids)
                        + "; expected one of: " + String.join(", ", ids));
            }
        }
        Architecture.Stem stem = null;
        Node stemNode = f.required("stem", what);
        if (stemNode != null) {
            NodeReader.Fields s = r.fields(stemNode, "stem", "kernel", "stride", "width");
            Integer k = s.integer("kernel", "stem", 1, 15);
            Integer st = s.integer("stride", "stem", 1, 8);
            Integer w = s.integer("width", "stem", 1, 100_000);
            stem = k == null || st == null || w == null ? null : new Architecture.Stem(k, st, w);
        }
        String blockType = null;
        List<Architecture.Block> blocks = new ArrayList<>();
        Node blocksNode = f.required("blocks", what);
        if (blocksNode != null) {
            NodeReader.Fields b = r.fields(blocksNode, "blocks", "type", "columns", "rows");
            blockType = b.string("type", "blocks");
            if (blockType != null && !List.of("depthwise_separable", "inverted_residual").contains(blockType)) {
                r.error(b.required("type", "blocks"), "unknown block type '" + blockType
                        + "'; expected depthwise_separable or inverted_residual");
            }
            Node columnsNode = b.required("columns", "blocks");
            List<String> columns = columnsNode == null ? List.of() : r.strings(columnsNode, "'columns' of blocks");
            for (String c : columns) {
                if (!BLOCK_COLUMNS.contains(c)) {
                    r.error(b.required("columns", "blocks"), "unknown block column '" + c + "'"
                            + Hints.didYouMean(c, BLOCK_COLUMNS) + "; expected some of: " + String.join(", ", BLOCK_COLUMNS));
                }
            }
            if (columnsNode != null && !columns.contains("width")) {
                r.error(columnsNode, "block 'columns' must include width");
            }
            Node rows = b.required("rows", "blocks");
            if (rows != null && columns.contains("width")) {
                for (Node row : r.list(rows, "block rows")) {
                    List<Node> cellsOfRow = r.list(row, "block row");
                    if (cellsOfRow.size() != columns.size()) {
                        r.error(row, "block row has " + cellsOfRow.size() + " values; columns are " + columns);
                        continue;
                    }
                    Map<String, Integer> v = new LinkedHashMap<>(Map.of("expansion", 1, "repeats", 1, "stride", 1));
                    boolean ok = true;
                    for (int i = 0; i < columns.size(); i++) {
                        Integer x = r.integer(cellsOfRow.get(i), "block " + columns.get(i), 1, 100_000);
                        if (x == null) {
                            ok = false;
                        } else {
                            v.put(columns.get(i), x);
                        }
                    }
                    if (ok) {
                        blocks.add(new Architecture.Block(v.get("expansion"), v.get("width"), v.get("repeats"),
                                v.get("stride")));
                    }
                }
            }
        }
        Architecture.LastLayer last = null;
        Node lastNode = f.optional("last_layer");
        if (lastNode != null) {
            NodeReader.Fields l = r.fields(lastNode, "last_layer", "width", "scaled_above_multiplier");
            Integer w = l.integer("width", "last_layer", 1, 100_000);
            Node above = l.required("scaled_above_multiplier", "last_layer");
            BigDecimal a = above == null ? null : r.decimal(above, "'scaled_above_multiplier'");
            last = w == null || a == null ? null : new Architecture.LastLayer(w, a);
        }
        if (rule == null || stem == null || blockType == null || blocks.isEmpty()) {
            if (blocksNode != null && blocks.isEmpty() && blockType != null) {
                r.error(blocksNode, "architecture needs at least one block row");
            }
            return null;
        }
        return new Architecture(rule, stem, blockType, List.copyOf(blocks), last);
    }

    private List<MetricsRow> metrics(Node n) {
        List<MetricsRow> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        NodeReader.Fields f = r.fields(n, "metrics", "columns", "rows");
        List<String> columns = f.optStrings("columns", "metrics");
        boolean columnsOk = f.has("columns");
        for (String c : columns) {
            if (!METRIC_COLUMNS.contains(c)) {
                r.error(f.required("columns", "metrics"), "unknown metrics column '" + c + "'"
                        + Hints.didYouMean(c, METRIC_COLUMNS) + "; expected some of: " + String.join(", ", METRIC_COLUMNS));
                columnsOk = false;
            }
        }
        for (String c : REQUIRED_METRIC_COLUMNS) {
            if (columnsOk && !columns.contains(c)) {
                r.error(f.required("columns", "metrics"), "metrics columns must include '" + c + "'");
                columnsOk = false;
            }
        }
        Node rows = f.required("rows", "metrics");
        if (rows == null || !columnsOk) {
            return out;
        }
        for (Node row : r.list(rows, "metrics rows")) {
            List<Node> values = r.list(row, "metrics row");
            if (values.size() != columns.size()) {
                if (!values.isEmpty() || row instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                    r.error(row, "metrics row has " + values.size() + " values; columns are " + columns);
                }
                continue;
            }
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                Node cell = values.get(i);
                BigDecimal x = c.equals("multiplier") ? multiplier(cell) : r.decimal(cell, c);
                if (x == null) {
                    ok = false;
                    continue;
                }
                if ((c.equals("top1") || c.equals("top5")) && x.compareTo(BigDecimal.valueOf(100)) > 0) {
                    r.error(cell, c + " is a percentage and must be at most 100; found " + x.toPlainString());
                    ok = false;
                }
                v.put(c, x);
            }
            if (!ok) {
                continue;
            }
            BigDecimal res = v.get("resolution");
            if (res.stripTrailingZeros().scale() > 0) {
                r.error(values.get(columns.indexOf("resolution")), "resolution must be a whole number of pixels");
                continue;
            }
            out.add(new MetricsRow(v.get("multiplier"), res.intValue(), v.get("macs_millions"),
                    v.get("params_millions"), v.get("top1"), v.get("top5"), v.get("pixel1_ms"), r.pos(row)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The versions of a list, each completed from the one before it: a version entry states what
     * changed, and inherits format, fine-tunability, input size, requirements, batch-norm momentum,
     * metadata and heads it does not state.
     */
    private List<VersionSpec> versions(Node n) {
        if (n == null) {
            return List.of();
        }
        List<VersionSpec> out = new ArrayList<>();
        VersionSpec previous = null;
        for (Node item : r.list(n, "'versions'")) {
            VersionSpec v = version(item, previous);
            if (v != null) {
                out.add(v);
                previous = v;
            }
        }
        return Collections.unmodifiableList(out);
    }

    private VersionSpec version(Node n, VersionSpec previous) {
        String what = "version entry";
        NodeReader.Fields f = r.fields(n, what, "version", "format", "fine_tunable", "requirements",
                "batch_norm_momentum", "variable_input_size", "changelog", "metadata", "heads", "text", "published");
        Integer number = f.integer("version", what, 1, 10_000);
        String format = previous != null && !f.has("format") ? previous.format() : f.string("format", what);
        boolean fineTunable = f.bool("fine_tunable", what, previous != null && previous.fineTunable());
        boolean variableInputSize = f.bool("variable_input_size", what, previous != null && previous.variableInputSize());
        List<String> requirements = previous != null && !f.has("requirements") ? previous.requirements()
                : f.optStrings("requirements", what);
        VersionSpec.BatchNormMomentum bn = previous == null ? null : previous.batchNormMomentum();
        Node bnNode = f.optional("batch_norm_momentum");
        if (bnNode != null) {
            NodeReader.Fields b = r.fields(bnNode, "batch_norm_momentum", "default", "configurable");
            Node d = b.required("default", "batch_norm_momentum");
            BigDecimal dv = d == null ? null : r.decimal(d, "batch norm momentum default");
            if (dv != null && dv.compareTo(BigDecimal.ONE) >= 0) {
                r.error(d, "batch norm momentum must be below 1; found " + dv.toPlainString());
                dv = null;
            }
            bn = dv == null ? null : new VersionSpec.BatchNormMomentum(dv, b.bool("configurable", "batch_norm_momentum", false));
        }
        List<String> changelog = f.optStrings("changelog", what);
        List<VersionSpec.MetadataEntry> metadata = previous != null && !f.has("metadata") ? previous.metadata()
                : metadata(f.optional("metadata"));
        List<String> heads = previous != null && !f.has("heads") ? previous.heads() : f.optStrings("heads", what);
        Map<String, String> text = CatalogLoader.text(r, f.optional("text"), "version");
        String published = f.optString("published", what);
        if (number == null) {
            return null;
        }
        // A missing format is already reported; keeping the entry avoids a second, misleading "gap" error.
        return new VersionSpec(number, format, fineTunable, variableInputSize, requirements, bn, changelog, metadata,
                heads, text, published, f.pos());
    }

    /**
     * A metadata list: each item is a key whose value the template derives ({@code - dataset}), a blank
     * line ({@code - blank}), or a mapping {@code {key: asset-path, value: legacy, since: asset_path}}
     * with an optional literal value (or a map of values per head) and optional {@code since}/{@code until}
     * history edits.
     */
    List<VersionSpec.MetadataEntry> metadata(Node n) {
        return metadata(r, n);
    }

    static List<VersionSpec.MetadataEntry> metadata(NodeReader r, Node n) {
        List<VersionSpec.MetadataEntry> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof org.yaml.snakeyaml.nodes.SequenceNode)) {
            r.error(n, "'metadata' must be a list of lines in card order, e.g. [dataset, {key: asset-path, value: legacy}]");
            return out;
        }
        for (Node item : r.list(n, "'metadata'")) {
            if (item instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
                String key = r.string(item, "metadata key");
                if (key != null) {
                    out.add(new VersionSpec.MetadataEntry(key, null, Map.of(), null, null, r.pos(item)));
                }
                continue;
            }
            NodeReader.Fields f = r.fields(item, "metadata line", "key", "value", "since", "until", "heads");
            String key = f.string("key", "metadata line");
            String since = f.optString("since", "metadata line");
            String until = f.optString("until", "metadata line");
            Node value = f.optional("value");
            List<String> heads = f.optStrings("heads", "metadata line");
            if (key == null) {
                continue;
            }
            if (!heads.isEmpty()) {
                // A line only some heads' cards have (a blank line, or a derived value).
                Map<String, String> perHead = new LinkedHashMap<>();
                String literal = value == null ? "" : r.string(value, "metadata '" + key + "'");
                heads.forEach(h -> perHead.put(h, literal == null ? "" : literal));
                out.add(new VersionSpec.MetadataEntry(key, null, Collections.unmodifiableMap(perHead), since, until,
                        r.pos(item)));
                continue;
            }
            if (value instanceof MappingNode) {
                Map<String, String> perHead = new LinkedHashMap<>();
                r.entries(value, "metadata '" + key + "' per head").forEach((head, v) -> {
                    String s = r.string(v, "metadata '" + key + "' for head " + head);
                    if (s != null) {
                        perHead.put(head, s);
                    }
                });
                out.add(new VersionSpec.MetadataEntry(key, null, Collections.unmodifiableMap(perHead), since, until,
                        r.pos(item)));
            } else {
                String s = value == null ? null : r.string(value, "metadata '" + key + "'");
                out.add(new VersionSpec.MetadataEntry(key, s, Map.of(), since, until, r.pos(item)));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private FamilySpec.Quantization quantization(String id, Node n) {
        String what = "quantization '" + id + "'";
        if (!CatalogLoader.SEGMENT.matcher(id).matches()) {
            r.error(n, what + " is used in handles; its id must match [a-z0-9_.-]+");
            return null;
        }
        NodeReader.Fields f = r.fields(n, what, "checkpoint_suffix", "input_type", "unpublished_versions", "versions",
                "text");
        String suffix = f.string("checkpoint_suffix", what);
        String inputType = f.string("input_type", what);
        Node unpub = f.optional("unpublished_versions");
        List<Integer> unpublished = unpub == null ? List.of()
                : r.listOf(unpub, "'unpublished_versions'", u -> r.integer(u, "unpublished version", 1, 10_000));
        List<VersionSpec> versions = versions(f.required("versions", what));
        Map<String, String> text = CatalogLoader.text(r, f.optional("text"), what);
        if (suffix == null || inputType == null) {
            return null;
        }
        return new FamilySpec.Quantization(id, suffix, inputType, unpublished, versions, text, f.pos());
    }

    private FamilySpec.Deployment deployment(Node n) {
        String what = "deployment";
        NodeReader.Fields f = r.fields(n, what, "format", "versions", "demos");
        String format = f.string("format", what);
        Node vs = f.required("versions", what);
        List<Integer> versions = vs == null ? List.of() : r.listOf(vs, "'versions' of deployment",
                v -> r.integer(v, "version", 1, 10_000));
        Node ds = f.optional("demos");
        List<FamilySpec.Demo> demos = ds == null ? List.of() : r.listOf(ds, "'demos'", d -> {
            NodeReader.Fields df = r.fields(d, "demo", "variant", "url", "since");
            String variant = df.string("variant", "demo");
            String url = df.string("url", "demo");
            String since = df.optString("since", "demo");
            return variant == null || url == null ? null : new FamilySpec.Demo(variant, url, since, df.pos());
        });
        return format == null ? null : new FamilySpec.Deployment(format, versions, demos, f.pos());
    }

    private Map<String, Map<String, String>> externalIds(Node n) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        r.entries(n, "'external_ids'").forEach((scheme, value) -> {
            Map<String, String> ids = new LinkedHashMap<>();
            r.entries(value, "external ids '" + scheme + "'").forEach((handle, id) -> {
                String s = r.string(id, "external id of " + handle);
                if (s != null) {
                    ids.put(handle, s);
                }
            });
            out.put(scheme, Collections.unmodifiableMap(ids));
        });
        return Collections.unmodifiableMap(out);
    }

    private FamilySpec.Erratum erratum(Node n) {
        String what = "erratum";
        NodeReader.Fields f = r.fields(n, what, "multiplier", "resolution", "field", "measured", "note");
        Node mn = f.required("multiplier", what);
        BigDecimal m = mn == null ? null : multiplier(mn);
        Integer res = f.integer("resolution", what, 8, 8192);
        String field = f.string("field", what);
        if (field != null && !List.of("macs_millions", "params_millions").contains(field)) {
            r.error(f.required("field", what), "erratum field must be macs_millions or params_millions; found '"
                    + field + "'");
            field = null;
        }
        Node meas = f.required("measured", what);
        BigDecimal measured = meas == null ? null : r.decimal(meas, "'measured'");
        String note = f.string("note", what);
        if (m == null || res == null || field == null || measured == null || note == null) {
            return null;
        }
        return new FamilySpec.Erratum(m, res, field, measured, note, f.pos());
    }

    private Map<String, BigDecimal> tolerances(Node n) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        r.entries(n, "'tolerances'").forEach((field, value) -> {
            if (!List.of("macs_millions", "params_millions").contains(field)) {
                r.error(value, "tolerance field must be macs_millions or params_millions; found '" + field + "'");
                return;
            }
            BigDecimal t = r.decimal(value, "tolerance of " + field);
            if (t != null) {
                out.put(field, t);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
