package dev.modelcards.render;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.MetricsRow;
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

    /** A model builder for the cards of one registry. */
    public CardModel(Registry registry) {
        this.registry = registry;
        this.catalogMap = catalog(registry.catalog());
    }

    /** The data for one card. */
    public Map<String, Object> card(ModelVersion m) {
        Variant v = m.variant();
        VersionSpec s = m.spec();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("handle", m.handle());
        c.put("url", m.url());
        c.put("variantHandle", v.handle());
        c.put("handleSegments", List.of(v.handle().split("/")));
        c.put("publisher", v.catalog().publisher());
        c.put("collection", v.catalog().collection());
        c.put("name", v.name());
        c.put("head", v.head());
        c.put("classifier", v.isClassifier());
        c.put("output", v.headSpec().output());
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
        c.put("format", Map.of("id", m.format().id(), "name", m.format().name(), "api", m.format().api()));
        c.put("fineTunable", s.fineTunable());
        c.put("variableInputSize", s.variableInputSize());
        if (s.batchNormMomentum() != null) {
            c.put("batchNormMomentum", Map.of("default", s.batchNormMomentum().defaultValue().toPlainString(),
                    "configurable", s.batchNormMomentum().configurable()));
        }
        c.put("requirements", s.requirements());
        List<Map<String, String>> metadata = new ArrayList<>();
        for (VersionSpec.MetadataEntry e : s.metadata()) {
            String value = e.valueFor(v.head());
            if (value != null) {
                metadata.add(Map.of("key", e.key(), "value", value));
            }
        }
        c.put("metadata", metadata);
        List<Map<String, Object>> log = new ArrayList<>();
        for (VersionSpec past : m.changelog()) {
            log.add(Map.of("version", past.version(), "entries", past.changelog()));
        }
        c.put("changelog", log);
        List<Map<String, String>> others = new ArrayList<>();
        for (Catalog.HeadSpec h : v.catalog().heads().values()) {
            if (!h.id().equals(v.head())) {
                String other = v.catalog().publisher() + "/" + v.catalog().collection() + "/" + v.name() + "/" + h.id()
                        + "/" + m.number();
                registry.find(other).ifPresent(o -> others.add(Map.of("head", h.id(), "handle", o.handle(), "url", o.url())));
            }
        }
        c.put("otherHeads", others);
        Map<String, String> ids = new LinkedHashMap<>();
        v.family().externalIds().forEach((scheme, byHandle) -> {
            if (byHandle.containsKey(m.handle())) {
                ids.put(scheme, byHandle.get(m.handle()));
            }
        });
        c.put("externalIds", ids);
        c.put("metrics", metrics(v.metrics()));
        c.put("errata", errata(v));
        c.put("text", text(m));
        c.put("family", familyMaps.computeIfAbsent(v.familyId(), k -> family(v.family())));
        c.put("catalog", catalogMap);
        return c;
    }

    /** The wording for one card; see the class comment for the merge order. */
    static Map<String, String> text(ModelVersion m) {
        Catalog cat = m.variant().catalog();
        Map<String, String> t = new LinkedHashMap<>();
        String prefix = m.format().id() + ".";
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
        t.putAll(m.variant().headSpec().text());
        t.putAll(m.variant().family().text());
        for (VersionSpec past : m.changelog()) {
            t.putAll(past.text());
        }
        return t;
    }

    /** Published figures of this variant known to contradict its architecture, as the card prints them. */
    private static List<Map<String, Object>> errata(Variant v) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FamilySpec.Erratum e : v.errata()) {
            boolean macs = e.field().equals("macs_millions");
            BigDecimal published = macs ? v.metrics().macsMillions() : v.metrics().paramsMillions();
            out.add(Map.of("quantity", macs ? "multiply-accumulates" : "parameters",
                    "unit", macs ? "M MACs" : "M parameters",
                    "published", published.toPlainString(), "measured", e.measured().toPlainString(),
                    "note", e.note()));
        }
        return List.copyOf(out);
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
