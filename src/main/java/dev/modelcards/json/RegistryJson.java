package dev.modelcards.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelcards.ModelVersion;
import dev.modelcards.Shape;
import dev.modelcards.Variant;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.VersionSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine-readable form of variants, shared by {@code list --format json} and {@code site/index.json}.
 * Key order is fixed by construction, so the same catalog always gives the same bytes.
 */
public final class RegistryJson {
    /** A mapper that pretty-prints with {@code \n} line endings and writes decimals as published. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private RegistryJson() {
    }

    /** Serializes to pretty JSON text ending in a newline, identical on every platform. */
    public static String write(Object node) {
        try {
            var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize registry JSON", e);
        }
    }

    /** An array of {@link #variant} objects. */
    public static ArrayNode variants(List<Variant> variants) {
        ArrayNode a = MAPPER.createArrayNode();
        variants.forEach(v -> a.add(variant(v)));
        return a;
    }

    /** One variant: identity, derived shapes, metrics and versions. */
    public static ObjectNode variant(Variant v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("handle", v.handle());
        o.put("latest_version", v.latest().number());
        o.put("url", v.latest().url());
        o.put("family", v.familyId());
        o.put("multiplier", v.multiplier());
        o.put("resolution", v.resolution());
        o.put("head", v.head());
        o.put("checkpoint", v.checkpointName());
        o.set("input_shape", shape(v.inputShape()));
        ArrayNode range = o.putArray("input_range");
        v.inputRange().forEach(range::add);
        o.set("output_shape", shape(v.outputShape()));
        o.set("metrics", metrics(v.metrics()));
        ArrayNode versions = o.putArray("versions");
        for (ModelVersion m : v.versions()) {
            versions.add(version(m));
        }
        return o;
    }

    /** A shape as an array with {@code null} for the symbolic batch dimension. */
    public static ArrayNode shape(Shape s) {
        ArrayNode a = MAPPER.createArrayNode();
        s.dims().forEach(d -> {
            if (d == Shape.BATCH) {
                a.addNull();
            } else {
                a.add(d);
            }
        });
        return a;
    }

    /** Published metrics; {@code pixel1_ms} is null where not published. */
    public static ObjectNode metrics(MetricsRow m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("macs_millions", m.macsMillions());
        o.put("params_millions", m.paramsMillions());
        o.put("top1", m.top1());
        o.put("top5", m.top5());
        if (m.pixel1Ms() == null) {
            o.putNull("pixel1_ms");
        } else {
            o.put("pixel1_ms", m.pixel1Ms());
        }
        return o;
    }

    /** One published version: handle, URL, format and this version's changelog entries. */
    public static ObjectNode version(ModelVersion m) {
        VersionSpec s = m.spec();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", m.number());
        o.put("handle", m.handle());
        o.put("url", m.url());
        o.put("format", m.format().id());
        o.put("fine_tunable", s.fineTunable());
        o.put("variable_input_size", s.variableInputSize());
        ArrayNode req = o.putArray("requirements");
        s.requirements().forEach(req::add);
        ArrayNode log = o.putArray("changelog");
        s.changelog().forEach(log::add);
        return o;
    }

    /**
     * {@code site/index.json}: every variant as {@link #variant} gives it, plus {@code output_dims} and,
     * on each version, {@code cards}: the path of every rendering of that card inside the site folder.
     */
    public static ObjectNode siteIndex(List<Variant> variants, Function<ModelVersion, Map<String, String>> cardPaths) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("variant_count", variants.size());
        root.put("card_count", variants.stream().mapToInt(v -> v.versions().size()).sum());
        ArrayNode all = root.putArray("variants");
        for (Variant v : variants) {
            ObjectNode o = variant(v);
            o.put("output_dims", v.outputShape().dims().get(v.outputShape().dims().size() - 1));
            ArrayNode versions = (ArrayNode) o.get("versions");
            for (int i = 0; i < versions.size(); i++) {
                ObjectNode cards = ((ObjectNode) versions.get(i)).putObject("cards");
                cardPaths.apply(v.versions().get(i)).forEach(cards::put);
            }
            all.add(o);
        }
        return root;
    }
}
