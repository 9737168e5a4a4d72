package dev.modelcards.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads a catalog directory ({@code catalog.yaml} plus the family files it lists) and validates it,
 * reporting every problem at once.
 *
 * <pre>{@code
 * Catalog catalog = CatalogLoader.load(Path.of("catalog"));   // throws CatalogException listing all problems
 * }</pre>
 */
public final class CatalogLoader {
    /** The file every catalog directory starts from. */
    public static final String ROOT_FILE = "catalog.yaml";
    /** Where the bundled catalog lives on the classpath. */
    public static final String BUNDLED_ROOT = "modelcards/catalog";

    static final Pattern SEGMENT = Pattern.compile("[a-z0-9_.-]+");
    /** What {@code hub_url} may be: scheme and host (and port), as {@code HandleRef} strips from URLs. */
    static final Pattern HUB_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?");

    private CatalogLoader() {
    }

    /**
     * Loads and validates the catalog in {@code dir}; throws {@link CatalogException} listing every error.
     *
     * @param dir the catalog folder, holding {@code catalog.yaml}
     * @return the loaded catalog
     */
    public static Catalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(SourcePos.ofFile(dir.toString()),
                    "catalog directory not found; expected a folder holding " + ROOT_FILE);
        }
        return load(CatalogSource.directory(dir));
    }

    /** {@return the catalog bundled in the jar, loaded} */
    public static Catalog loadBundled() {
        return load(CatalogSource.classpath(BUNDLED_ROOT));
    }

    /**
     * Loads and validates, returning the catalog together with every diagnostic (warnings included).
     *
     * @param dir the catalog folder, holding {@code catalog.yaml}
     * @return the catalog, if usable, and every diagnostic
     */
    public static Result check(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Result(null, List.of(new Diagnostic(SourcePos.ofFile(dir.toString()), Diagnostic.Severity.ERROR,
                    "catalog directory not found; expected a folder holding " + ROOT_FILE)));
        }
        return check(CatalogSource.directory(dir));
    }

    /**
     * Loads and validates a catalog held in memory: {@code files} maps file names ({@code catalog.yaml}
     * and the family files it lists) to their bytes; messages name them {@code label/name}. Lets fuzzers
     * and tests feed arbitrary bytes without touching the disk.
     *
     * @param label the name messages give the catalog's folder
     * @param files file name to content
     * @return the catalog, if usable, and every diagnostic
     */
    public static Result check(String label, Map<String, byte[]> files) {
        return check(CatalogSource.memory(label, files));
    }

    /**
     * The outcome of loading: the catalog (null when there were errors) and every diagnostic.
     *
     * @param catalog     the catalog, or null if any diagnostic is an error
     * @param diagnostics every problem, sorted by file, line and column
     */
    public record Result(Catalog catalog, List<Diagnostic> diagnostics) {
        /** {@return whether the catalog is usable} */
        public boolean ok() {
            return catalog != null;
        }
    }

    static Catalog load(CatalogSource source) {
        Result r = check(source);
        if (!r.ok()) {
            throw new CatalogException(r.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        }
        return r.catalog();
    }

    static Result check(CatalogSource source) {
        Diagnostics diags = new Diagnostics();
        Catalog catalog = read(source, diags);
        if (catalog != null) {
            CatalogValidator.validate(catalog, diags);
        }
        return new Result(diags.hasErrors() ? null : catalog, diags.sorted());
    }

    private static Node parseFile(CatalogSource source, String name, Diagnostics diags, SourcePos referencedAt) {
        byte[] bytes;
        try {
            bytes = source.read(name);
        } catch (IOException e) {
            diags.error(SourcePos.ofFile(source.display(name)), "cannot read file: " + e.getMessage());
            return null;
        } catch (UncheckedIOException e) {
            diags.error(SourcePos.ofFile(source.display(name)), "cannot read file: " + e.getCause().getMessage());
            return null;
        }
        if (bytes == null) {
            diags.error(referencedAt != null ? referencedAt : SourcePos.ofFile(source.display(name)),
                    "file '" + source.display(name) + "' not found");
            return null;
        }
        return SafeYaml.parse(bytes, source.display(name), diags);
    }

    private static Catalog read(CatalogSource source, Diagnostics diags) {
        Node root = parseFile(source, ROOT_FILE, diags, null);
        if (root == null) {
            return null;
        }
        NodeReader r = new NodeReader(source.display(ROOT_FILE), diags);
        NodeReader.Fields f = r.fields(root, ROOT_FILE, "publisher", "collection", "hub_url", "families", "dataset",
                "input", "heads", "formats", "text", "deployments", "history", "tags", "withdrawn", "license");
        String publisher = segment(r, f, "publisher");
        String collection = segment(r, f, "collection");
        String hubUrl = f.string("hub_url", ROOT_FILE);
        if (hubUrl != null && !HUB_URL.matcher(hubUrl).matches()) {
            // Found while fuzzing: with a path or no scheme, Registry.get(model.url()) could not parse the
            // URLs this catalog's models print.
            r.error(f.required("hub_url", ROOT_FILE), "'hub_url' '" + Hints.printable(hubUrl) + "' must be a base URL "
                    + "without path, e.g. https://tfhub.dev; handles are appended to it");
            hubUrl = null;
        }
        Catalog.Dataset dataset = dataset(r, f.required("dataset", ROOT_FILE));
        Catalog.InputSpec input = input(r, f.required("input", ROOT_FILE));
        Map<String, Catalog.HeadSpec> heads = heads(r, f.required("heads", ROOT_FILE));
        Map<String, Catalog.FormatSpec> formats = formats(r, f.required("formats", ROOT_FILE));
        Map<String, String> text = text(r, f.optional("text"), ROOT_FILE);
        Map<String, Catalog.DeploymentSpec> deployments = deployments(r, f.optional("deployments"));
        List<Catalog.Edit> history = history(r, f.optional("history"));
        Map<String, String> withdrawn = withdrawn(r, f.optional("withdrawn"));
        Map<String, List<Catalog.Tag>> tags = Map.of();
        Map<String, String> urlTags = new LinkedHashMap<>();
        String tagsFile = f.optString("tags", ROOT_FILE);
        if (tagsFile != null) {
            if (!tagsFile.matches("[A-Za-z0-9_.-]+\\.ya?ml") || tagsFile.equals(ROOT_FILE)) {
                r.error(f.required("tags", ROOT_FILE), "'tags' must name a .yaml file in the catalog folder");
            } else {
                Node tagsRoot = parseFile(source, tagsFile, diags, f.keyPos("tags"));
                if (tagsRoot != null) {
                    tags = tags(new NodeReader(source.display(tagsFile), diags), tagsRoot, urlTags);
                }
            }
        }

        List<FamilySpec> families = new ArrayList<>();
        Node familiesNode = f.required("families", ROOT_FILE);
        if (familiesNode != null) {
            List<Node> items = r.list(familiesNode, "'families' of " + ROOT_FILE);
            if (items.isEmpty() && familiesNode instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
                // Found by fuzzing: an empty list gave a catalog without variants, which lookups cannot use.
                r.error(familiesNode, "'families' lists no family file; a catalog needs at least one");
            }
            for (Node item : items) {
                String name = r.string(item, "family file name");
                if (name == null) {
                    continue;
                }
                if (!name.matches("[A-Za-z0-9_.-]+\\.ya?ml") || name.equals(ROOT_FILE)) {
                    r.error(item, "family file '" + Hints.printable(name) + "' must be a .yaml file name in the catalog folder");
                    continue;
                }
                Node familyRoot = parseFile(source, name, diags, r.pos(item));
                if (familyRoot != null) {
                    FamilySpec fam = new FamilyReader(new NodeReader(source.display(name), diags)).read(familyRoot);
                    if (fam != null) {
                        families.add(fam);
                    }
                }
            }
        }
        if (publisher == null || collection == null || hubUrl == null || dataset == null || input == null) {
            return null;
        }
        Catalog.License license = license(r, f.optional("license"), tags);
        return new Catalog(publisher, collection, stripSlash(hubUrl), dataset, input, heads, formats,
                List.copyOf(families), text, deployments, history, tags, Collections.unmodifiableMap(urlTags), withdrawn,
                license);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String segment(NodeReader r, NodeReader.Fields f, String key) {
        Node n = f.required(key, ROOT_FILE);
        return n == null ? null : segment(r, n, "'" + key + "'");
    }

    /** A string used as a handle segment: lower-case letters, digits, '_', '.', '-' only. */
    static String segment(NodeReader r, Node n, String what) {
        String s = r.string(n, what);
        if (s == null) {
            return null;
        }
        if (!SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
            r.error(n, what + " '" + Hints.printable(s) + "' is used in handles and paths; it must match [a-z0-9_.-]+ and not be '.' or '..'");
            return null;
        }
        return s;
    }

    /** The models' license: a tag id of the publisher's vocabulary (when the catalog has one), a name, an https URL. */
    private static Catalog.License license(NodeReader r, Node n, Map<String, List<Catalog.Tag>> tags) {
        if (n == null) {
            return null;
        }
        NodeReader.Fields f = r.fields(n, "license", "id", "name", "url");
        String id = f.string("id", "license");
        String name = f.string("name", "license");
        String url = f.string("url", "license");
        if (id != null && tags.containsKey("license")
                && tags.get("license").stream().noneMatch(t -> t.id().equals(id))) {
            r.error(f.required("id", "license"), "license id '" + Hints.printable(id) + "' is not a license tag of "
                    + "the publisher's vocabulary" + Hints.didYouMean(id, tags.get("license").stream()
                    .map(Catalog.Tag::id).toList()));
            return null;
        }
        if (url != null && !url.matches("https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~/%-]*)?")) {
            r.error(f.required("url", "license"), "license url must be an https URL; found '" + Hints.printable(url) + "'");
            return null;
        }
        return id == null || name == null || url == null ? null : new Catalog.License(id, name, url);
    }

    private static Catalog.Dataset dataset(NodeReader r, Node n) {
        if (n == null) {
            return null;
        }
        NodeReader.Fields f = r.fields(n, "dataset", "name", "id", "classes", "background_class", "labels_url");
        String name = f.string("name", "dataset");
        String id = f.string("id", "dataset");
        Integer classes = f.integer("classes", "dataset", 1, 1_000_000);
        Integer background = f.integer("background_class", "dataset", 0, 1_000_000);
        String labels = f.string("labels_url", "dataset");
        if (name == null || id == null || classes == null || background == null || labels == null) {
            return null;
        }
        return new Catalog.Dataset(name, id, classes, background, labels);
    }

    private static Catalog.InputSpec input(NodeReader r, Node n) {
        if (n == null) {
            return null;
        }
        NodeReader.Fields f = r.fields(n, "input", "channels", "value_range");
        Integer channels = f.integer("channels", "input", 1, 4);
        Node range = f.required("value_range", "input");
        List<BigDecimal> values = range == null ? List.of()
                : r.listOf(range, "'value_range' of input", i -> r.decimal(i, "value_range bound"));
        boolean twoItems = range instanceof org.yaml.snakeyaml.nodes.SequenceNode seq && seq.getValue().size() == 2;
        if (range != null && !twoItems && values.size() != 2) {
            r.error(range, "'value_range' must be [min, max]");
            return null;
        }
        return channels == null || values.size() != 2 ? null : new Catalog.InputSpec(channels, values.get(0), values.get(1));
    }

    private static Map<String, Catalog.HeadSpec> heads(NodeReader r, Node n) {
        Map<String, Catalog.HeadSpec> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        Map<String, Node> entries = r.entries(n, "heads");
        if (entries.isEmpty() && n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            // Was checked by the validator, which named the file "catalog.yaml" without its folder (fuzzing).
            r.error(n, "'heads' declares no head; expected e.g. classification and feature_vector");
        }
        entries.forEach((id, value) -> {
            NodeReader.Fields f = r.fields(value, "head '" + id + "'", "output", "module_type", "text");
            if (!SEGMENT.matcher(id).matches()) {
                r.error(value, "head id '" + id + "' must match [a-z0-9_.-]+");
                return;
            }
            String output = f.string("output", "head '" + id + "'");
            String moduleType = f.string("module_type", "head '" + id + "'");
            if (output != null && moduleType != null) {
                out.put(id, new Catalog.HeadSpec(id, output, moduleType, text(r, f.optional("text"), "head " + id), f.pos()));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Catalog.FormatSpec> formats(NodeReader r, Node n) {
        Map<String, Catalog.FormatSpec> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        r.entries(n, "formats").forEach((id, value) -> {
            NodeReader.Fields f = r.fields(value, "format '" + id + "'", "name", "api", "tfhub_format");
            String name = f.string("name", "format '" + id + "'");
            String api = f.string("api", "format '" + id + "'");
            String tfhub = f.string("tfhub_format", "format '" + id + "'");
            if (name != null && api != null && tfhub != null) {
                out.put(id, new Catalog.FormatSpec(id, name, api, tfhub, f.pos()));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Catalog.DeploymentSpec> deployments(NodeReader r, Node n) {
        Map<String, Catalog.DeploymentSpec> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        r.entries(n, "deployments").forEach((id, value) -> {
            String what = "deployment format '" + id + "'";
            if (!SEGMENT.matcher(id).matches()) {
                r.error(value, what + " is used in paths; its id must match [a-z0-9_.-]+");
                return;
            }
            NodeReader.Fields f = r.fields(value, what, "name", "path", "metadata", "text");
            String name = f.string("name", what);
            String path = f.string("path", what);
            if (path != null && !path.matches("[a-z0-9_.-]+(/[a-z0-9_.-]+)*")) {
                r.error(f.required("path", what), "'path' of " + what + " must be a relative path like default/tfjs/1");
                path = null;
            }
            List<VersionSpec.MetadataEntry> metadata = FamilyReader.metadata(r, f.optional("metadata"));
            Map<String, String> text = text(r, f.optional("text"), what);
            if (name != null && path != null) {
                out.put(id, new Catalog.DeploymentSpec(id, name, path, metadata, text, f.pos()));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The escape hatch of the breaking-change gate: {@code withdrawn: [{handle: .../4, reason: ...}]}. */
    private static Map<String, String> withdrawn(NodeReader r, Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return Map.of();
        }
        for (Node item : r.list(n, "'withdrawn'")) {
            NodeReader.Fields f = r.fields(item, "withdrawn entry", "handle", "reason");
            String handle = f.string("handle", "withdrawn entry");
            String reason = f.string("reason", "withdrawn entry");
            if (handle != null && reason != null) {
                out.put(handle, reason);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Catalog.Edit> history(NodeReader r, Node n) {
        if (n == null) {
            return List.of();
        }
        return r.listOf(n, "'history'", item -> {
            NodeReader.Fields f = r.fields(item, "history entry", "id", "date", "commit", "note");
            String id = f.string("id", "history entry");
            Node dateNode = f.required("date", "history entry");
            String date = dateNode == null ? null : r.string(dateNode, "'date' of history entry");
            String commit = f.optString("commit", "history entry");
            String note = f.string("note", "history entry");
            java.time.LocalDate d = null;
            if (date != null) {
                try {
                    d = java.time.LocalDate.parse(date);
                } catch (java.time.format.DateTimeParseException e) {
                    r.error(dateNode, "'date' of history entry must be YYYY-MM-DD; found '" + Hints.printable(date) + "'");
                }
            }
            return id == null || d == null || note == null ? null : new Catalog.Edit(id, d, commit, note, f.pos());
        });
    }

    private static Map<String, List<Catalog.Tag>> tags(NodeReader r, Node root, Map<String, String> urlTags) {
        Map<String, List<Catalog.Tag>> out = new LinkedHashMap<>();
        r.entries(root, "tag vocabulary").forEach((key, list) -> {
            if (list instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                // A URL rule (colab, demo): {format: url, required_domain: ...}.
                NodeReader.Fields f = r.fields(list, "URL tag '" + key + "'", "format", "required_domain");
                String format = f.string("format", "URL tag '" + key + "'");
                if (format != null && !format.equals("url")) {
                    r.error(f.required("format", "URL tag"), "tag '" + key + "' must be a list of ids or a URL rule "
                            + "(format: url); found format '" + format + "'");
                }
                String domain = f.optString("required_domain", "URL tag '" + key + "'");
                urlTags.put(key, domain == null ? "" : domain);
                return;
            }
            List<Catalog.Tag> tags = r.listOf(list, "tags of '" + key + "'", item -> {
                Map<String, Node> e = r.entries(item, "tag of '" + key + "'");
                String id = e.containsKey("id") ? r.string(e.get("id"), "tag id") : null;
                String display = e.containsKey("display_name") ? r.string(e.get("display_name"), "tag display_name") : id;
                if (id == null) {
                    r.error(item, "a tag of '" + key + "' needs an 'id'");
                }
                return id == null ? null : new Catalog.Tag(id, display);
            });
            out.put(key, tags);
        });
        return Collections.unmodifiableMap(out);
    }

    /** A free-form map of named wording for templates; values are strings. */
    static Map<String, String> text(NodeReader r, Node n, String owner) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return Map.of();
        }
        r.entries(n, "'text' of " + owner).forEach((k, v) -> {
            String s = r.string(v, "text '" + k + "' of " + owner);
            if (s != null) {
                out.put(k, s);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
