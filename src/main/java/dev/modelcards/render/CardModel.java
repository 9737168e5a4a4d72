package dev.modelcards.render;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the data a template sees for one card, as plain maps, lists, strings, integers and booleans
 * (the object wrapper exposes nothing else). Decimals are pre-formatted strings exactly as the cards
 * print them, so FreeMarker's locale-aware number formatting never touches them.
 *
 * <p>{@code text} is the wording for this card, merged from the catalog's {@code text:} maps in order
 * of increasing specificity: catalog-wide keys, catalog keys prefixed with this card's format id
 * ({@code tf2_saved_model.noun} becomes {@code noun}), the head, the family, then every published
 * version up to this one (so wording introduced at version N holds until a later version replaces it).
 */
public final class CardModel {
    private final Registry registry;
    private final Map<String, Object> catalogMap;
    /** Cards are rendered in parallel: the shared family maps are built once, thread-safely. */
    private final Map<String, Map<String, Object>> familyMaps = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A model builder for the cards of one registry.
     *
     * @param registry the registry whose cards are built
     */
    public CardModel(Registry registry) {
        this.registry = registry;
        this.catalogMap = catalog(Specs.catalog(registry));
    }

    /**
     * The data for one card at the publisher's final revision (every history edit applied).
     *
     * @param m the model version
     * @return the template's data model for its card
     */
    public Map<String, Object> card(ModelVersion m) {
        return card(m, null);
    }

    /**
     * The data for one card as it stood at the end of {@code asOf}: history edits dated later are not
     * applied ({@code null}: all are; {@link java.time.LocalDate#MIN}: none, the cards as first published).
     *
     * @param m the model version
     * @param asOf the last day whose edits apply, or null
     * @return the template's data model for its card
     */
    public Map<String, Object> card(ModelVersion m, java.time.LocalDate asOf) {
        Variant v = m.variant();
        VersionSpec s = Specs.version(m);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("handle", m.handle());
        c.put("url", m.url());
        c.put("variantHandle", v.handle());
        c.put("handleSegments", List.of(v.handle().split("/")));
        c.put("publisher", Specs.catalog(v).publisher());
        c.put("collection", Specs.catalog(v).collection());
        c.put("name", v.name());
        c.put("head", v.head());
        c.put("classifier", v.isClassifier());
        c.put("output", Specs.head(v).output());
        c.put("version", m.number());
        c.put("latest", m.isLatest());
        c.put("multiplier", v.multiplier().setScale(2).toPlainString());
        c.put("slimMultiplier", dev.modelcards.catalog.Names.slimMultiplier(v.multiplier()));
        c.put("unitMultiplier", v.multiplier().compareTo(BigDecimal.ONE) == 0);
        c.put("resolution", v.resolution());
        c.put("checkpointName", v.checkpointName());
        c.put("checkpointPath", v.checkpointPath());
        c.put("numClasses", v.numClasses());
        c.put("featureWidth", v.featureWidth());
        c.put("outputDims", v.isClassifier() ? v.numClasses() : v.featureWidth());
        c.put("format", Map.of("id", m.format(), "name", m.formatName(), "api", Specs.format(m).api(),
                "tfhubFormat", Specs.format(m).tfhubFormat()));
        c.put("fineTunable", s.fineTunable());
        c.put("variableInputSize", s.variableInputSize());
        if (s.batchNormMomentum() != null) {
            c.put("batchNormMomentum", Map.of("default", s.batchNormMomentum().defaultValue().toPlainString(),
                    "configurable", s.batchNormMomentum().configurable()));
        }
        c.put("requirements", s.requirements());
        Map<String, Boolean> edits = edits(Specs.catalog(v), asOf);
        c.put("edit", edits);
        c.put("asOf", asOf == null || asOf.equals(java.time.LocalDate.MIN) ? "" : asOf.toString());
        c.put("metadata", metadataLines(s.metadata(), v.head(), edits));
        c.put("task", Specs.head(v).moduleType());
        c.put("tags", tags(v));
        c.put("quantization", v.quantization().orElse(""));
        Map<String, String> text = text(m);
        String slim = text.getOrDefault("slim_function", v.familyId());
        String suffix = text.getOrDefault("slim_function_suffix", "");
        boolean unit = v.multiplier().compareTo(BigDecimal.ONE) == 0;
        c.put("slimFunction", slim + (unit ? "" : suffix.replace("{mmm}",
                dev.modelcards.catalog.Names.multiplierDigits(v.multiplier()))));
        List<Map<String, Object>> log = new ArrayList<>();
        for (VersionSpec past : Specs.changelog(m)) {
            log.add(Map.of("version", past.version(), "entries", past.changelog()));
        }
        c.put("changelog", log);
        List<Map<String, String>> others = new ArrayList<>();
        for (Catalog.HeadSpec h : Specs.catalog(v).heads().values()) {
            m.otherHead(h.id()).ifPresent(o -> others.add(Map.of("head", h.id(), "handle", o.handle(), "url", o.url())));
        }
        c.put("otherHeads", others);
        Map<String, String> ids = new LinkedHashMap<>();
        Specs.family(v).externalIds().forEach((scheme, byHandle) -> {
            if (byHandle.containsKey(m.handle())) {
                ids.put(scheme, byHandle.get(m.handle()));
            }
        });
        c.put("externalIds", ids);
        c.put("metrics", metrics(Specs.metrics(v)));
        c.put("text", text);
        c.put("family", familyMaps.computeIfAbsent(v.familyId(), k -> family(Specs.family(v))));
        c.put("catalog", catalogMap);
        return c;
    }

    /**
     * The data for a deployment child card (TF.js): its parent's card data plus the child's own handle,
     * URL, metadata and wording.
     *
     * @param d the deployment
     * @param asOf the last day whose edits apply, or null
     * @return the template's data model for its child card
     */
    public Map<String, Object> card(Deployment d, java.time.LocalDate asOf) {
        ModelVersion parent = d.parent();
        Catalog cat = Specs.catalog(parent.variant());
        Map<String, Object> c = new LinkedHashMap<>(card(parent, asOf));
        Map<String, Boolean> edits = edits(cat, asOf);
        // The publisher names the child by its parent plus "default/1" and serves it from a tfjs-model collection.
        String publisherPath = Specs.deployment(d).path().replace("/" + d.format() + "/", "/");
        Map<String, String> text = new LinkedHashMap<>(text(parent));
        text.putAll(Specs.deployment(d).text());
        c.put("text", text);
        c.put("handle", d.handle());
        c.put("parentHandle", parent.handle());
        c.put("parentUrl", parent.url());
        c.put("publisherHandle", parent.handle() + "/" + publisherPath);
        c.put("url", cat.hubUrl() + "/" + cat.publisher() + "/" + text.getOrDefault("model_collection", d.format())
                + "/" + parent.handle().substring(cat.publisher().length() + 1) + "/" + publisherPath);
        List<Map<String, String>> lines = new ArrayList<>();
        for (Map<String, String> line : metadataLines(Specs.deployment(d).metadata(), parent.variant().head(), edits)) {
            if (line.get("key").equals("demo")) {
                if (d.demoUrl().isEmpty() || !demoShown(Specs.family(parent.variant()), parent, edits)) {
                    continue;
                }
                line = Map.of("key", "demo", "value", d.demoUrl().get());
            }
            lines.add(line);
        }
        c.put("metadata", lines);
        return c;
    }

    private static boolean demoShown(FamilySpec f, ModelVersion parent, Map<String, Boolean> edits) {
        return f.deployments().stream().flatMap(x -> x.demos().stream())
                .filter(x -> parent.variant().handle().endsWith("/" + x.variant()))
                .allMatch(x -> x.since() == null || edits.getOrDefault(x.since(), false));
    }

    /** Every history edit of the catalog: applied (true) when dated on or before {@code asOf}. */
    static Map<String, Boolean> edits(Catalog cat, java.time.LocalDate asOf) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Catalog.Edit e : cat.history()) {
            out.put(e.id(), asOf == null || !e.date().isAfter(asOf));
        }
        return out;
    }

    /** The metadata lines a card of {@code head} has with these edits applied, in catalog order. */
    private static List<Map<String, String>> metadataLines(List<VersionSpec.MetadataEntry> entries, String head,
                                                           Map<String, Boolean> edits) {
        List<Map<String, String>> out = new ArrayList<>();
        for (VersionSpec.MetadataEntry e : entries) {
            if (!e.appliesTo(head)
                    || (e.since() != null && !edits.getOrDefault(e.since(), false))
                    || (e.until() != null && edits.getOrDefault(e.until(), false))) {
                continue;
            }
            Map<String, String> line = new LinkedHashMap<>();
            line.put("key", e.key());
            line.put("value", e.valueFor(head) == null ? "" : e.valueFor(head));
            out.add(line);
        }
        return out;
    }

    /** The publisher's tags for this variant's dataset and architecture: vocabulary id and display name. */
    private static Map<String, Object> tags(Variant v) {
        Catalog cat = Specs.catalog(v);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", tag(cat, "dataset", cat.dataset().id(), cat.dataset().name()));
        String arch = Specs.family(v).networkArchitecture();
        out.put("architecture", tag(cat, "network-architecture", arch == null ? "" : arch, Specs.family(v).name()));
        return out;
    }

    private static Map<String, String> tag(Catalog cat, String key, String id, String fallbackName) {
        String name = cat.tag(key, id).map(Catalog.Tag::displayName).orElse(fallbackName);
        return Map.of("id", id, "displayName", name);
    }

    /** The wording for one card; see the class comment for the merge order. */
    static Map<String, String> text(ModelVersion m) {
        Catalog cat = Specs.catalog(m.variant());
        Map<String, String> t = new LinkedHashMap<>();
        String prefix = m.format() + ".";
        cat.text().forEach((k, val) -> {
            if (!k.contains(".")) {
                t.put(k, val);
            }
        });
        cat.text().forEach((k, val) -> {
            if (k.startsWith(prefix)) {
                t.put(k.substring(prefix.length()), val);
            }
        });
        t.putAll(Specs.head(m.variant()).text());
        t.putAll(Specs.family(m.variant()).text());
        if (Specs.quantization(m.variant()) != null) {
            t.putAll(Specs.quantization(m.variant()).text());
        }
        for (VersionSpec past : Specs.changelog(m)) {
            t.putAll(past.text());
        }
        return t;
    }

    /** Published metrics as printed: decimals exactly as the table has them, null-free. */
    static Map<String, Object> metrics(MetricsRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macsMillions", r.macsMillions().toPlainString());
        m.put("paramsMillions", r.paramsMillions().toPlainString());
        m.put("top1", r.top1().toPlainString());
        m.put("top5", r.top5().toPlainString());
        m.put("pixel1Ms", r.pixel1Ms() == null ? "" : r.pixel1Ms().toPlainString());
        return m;
    }

    private static Map<String, Object> family(FamilySpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("implementation", f.implementation());
        m.put("paper", Map.of("title", f.paper().title(), "authors", f.paper().authors(), "url", f.paper().url(),
                "year", f.paper().year()));
        m.put("checkpoint", Map.of("source", f.checkpoint().source(), "url", f.checkpoint().url()));
        m.put("file", f.file());
        return m;
    }

    private static Map<String, Object> catalog(Catalog c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("publisher", c.publisher());
        m.put("collection", c.collection());
        m.put("hubUrl", c.hubUrl());
        Catalog.Dataset d = c.dataset();
        m.put("dataset", Map.of("name", d.name(), "id", d.id(), "classes", d.classes(),
                "backgroundClass", d.backgroundClass(), "labelsUrl", d.labelsUrl()));
        m.put("input", Map.of("channels", c.input().channels(), "min", c.input().min().toPlainString(),
                "max", c.input().max().toPlainString()));
        return m;
    }
}
