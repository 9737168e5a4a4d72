package dev.modelcards.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Shape;
import dev.modelcards.Variant;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine-readable form of variants, shared by {@code list --format json} and {@code site/index.json}.
 * Key order is fixed by construction, so the same catalog always gives the same bytes.
 *
 * <p>One variant ({@link #variant}; {@code list --format json} prints an array of them):
 * <pre>
 * {"handle": "google/imagenet/mobilenet_v1_050_128/quantops/classification", "latest_version": 3,
 *  "url": "https://tfhub.dev/google/imagenet/mobilenet_v1_050_128/quantops/classification/3",
 *  "family": "mobilenet_v1", "multiplier": 0.50, "resolution": 128, "head": "classification",
 *  "quantization": "quantops",                  // null for a float variant
 *  "checkpoint": "mobilenet_v1_0.5_128_quant", "input_shape": [null, 128, 128, 3], "input_range": [0, 1],
 *  "output_shape": [null, 1001],
 *  "metrics": {"macs_millions": 49, "params_millions": 1.34, "top1": 56.3, "top5": 79.4, "pixel1_ms": null},
 *  "versions": [{"version": 1, "handle": ".../1", "url": "https://tfhub.dev/.../1", "format": "tf1_hub",
 *                "fine_tunable": false, "variable_input_size": false, "requirements": [], "changelog": ["..."],
 *                "deployments": []}, ...]}
 * </pre>
 * A quantized variant's {@code metrics} are its float model's (the only ones published). Each version's
 * {@code deployments} lists its child cards in other formats, e.g. for
 * {@code google/imagenet/mobilenet_v1_050_128/classification/1}:
 * {@code [{"format": "tfjs", "handle": "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1"}]}
 * (empty where there are none). {@link #siteIndex} adds the site paths: {@code cards} on each version and
 * {@code card} on each deployment. {@code list --deployments --format json} prints the deployments alone
 * ({@link #deployments}).
 */
public final class RegistryJson {
    /** A mapper that pretty-prints with {@code \n} line endings and writes decimals as published. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private RegistryJson() {
    }

    /**
     * Serializes to pretty JSON text ending in a newline, identical on every platform.
     *
     * @param node a Jackson node (or any object Jackson serializes)
     * @return the JSON text
     */
    public static String write(Object node) {
        try {
            var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize registry JSON", e);
        }
    }

    /**
     * An array of {@link #variant} objects.
     *
     * @param variants the variants, in the order to print
     * @return the array
     */
    public static ArrayNode variants(List<Variant> variants) {
        ArrayNode a = MAPPER.createArrayNode();
        variants.forEach(v -> a.add(variant(v)));
        return a;
    }

    /**
     * One variant: identity, derived shapes, metrics and versions.
     *
     * @param v the variant
     * @return its JSON object
     */
    public static ObjectNode variant(Variant v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("handle", v.handle());
        o.put("latest_version", v.latest().number());
        o.put("url", v.latest().url());
        o.put("family", v.familyId());
        o.put("multiplier", v.multiplier());
        o.put("resolution", v.resolution());
        o.put("head", v.head());
        if (v.quantization().isPresent()) {
            o.put("quantization", v.quantization().get());
        } else {
            o.putNull("quantization");
        }
        o.put("checkpoint", v.checkpointName());
        o.set("input_shape", shape(v.inputShape()));
        ArrayNode range = o.putArray("input_range");
        v.inputRange().forEach(range::add);
        o.set("output_shape", shape(v.outputShape()));
        o.set("metrics", metrics(Specs.metrics(v)));
        ArrayNode versions = o.putArray("versions");
        for (ModelVersion m : v.versions()) {
            versions.add(version(m));
        }
        return o;
    }

    /**
     * A shape as an array with {@code null} for the symbolic batch dimension.
     *
     * @param s the shape
     * @return its JSON array
     */
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

    /**
     * Published metrics; {@code pixel1_ms} is null where not published.
     *
     * @param m the metrics row
     * @return its JSON object
     */
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

    /**
     * One published version: handle, URL, format, this version's changelog entries and its deployment children.
     *
     * @param m the model version
     * @return its JSON object
     */
    public static ObjectNode version(ModelVersion m) {
        VersionSpec s = Specs.version(m);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", m.number());
        o.put("handle", m.handle());
        o.put("url", m.url());
        o.put("format", m.format());
        o.put("fine_tunable", s.fineTunable());
        o.put("variable_input_size", s.variableInputSize());
        ArrayNode req = o.putArray("requirements");
        s.requirements().forEach(req::add);
        ArrayNode log = o.putArray("changelog");
        s.changelog().forEach(log::add);
        ArrayNode children = o.putArray("deployments");
        m.deployments().forEach(d -> children.add(deployment(d)));
        return o;
    }

    /**
     * One model version's facts, as {@code show --facts --format json} prints them: the {@link #variant}
     * object with {@code version} set to this model's {@link #version} object in place of the list.
     *
     * @param m the model version
     * @return its facts as a JSON object
     */
    public static ObjectNode model(ModelVersion m) {
        ObjectNode o = variant(m.variant());
        o.remove("versions");
        o.remove("latest_version");
        o.remove("url");
        o.put("handle", m.handle());
        o.put("url", m.url());
        o.put("latest", m.isLatest());
        o.set("version", version(m));
        return o;
    }

    /**
     * One deployment child card, as a version lists it: {@code {"format": "tfjs", "handle": ...}}.
     *
     * @param d the deployment
     * @return its JSON object
     */
    public static ObjectNode deployment(Deployment d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", d.format());
        o.put("handle", d.handle());
        return o;
    }

    /**
     * One deployment on its own (as {@code show --facts --format json} prints it): see {@link #deployments}.
     *
     * @param d the deployment
     * @return its JSON object, with parent, format name and demo URL
     */
    public static ObjectNode standalone(Deployment d) {
        return (ObjectNode) deployments(List.of(d)).get(0);
    }

    /**
     * Deployment child cards listed on their own: {@link #deployment} plus {@code parent} (the converted
     * model version's handle), {@code format_name} and {@code demo_url} (null where none is linked).
     *
     * @param deployments the deployments, in the order to print
     * @return the array
     */
    public static ArrayNode deployments(List<Deployment> deployments) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Deployment d : deployments) {
            ObjectNode o = deployment(d);
            o.put("format_name", d.formatName());
            o.put("parent", d.parent().handle());
            if (d.demoUrl().isPresent()) {
                o.put("demo_url", d.demoUrl().get());
            } else {
                o.putNull("demo_url");
            }
            a.add(o);
        }
        return a;
    }

    /**
     * Where one model version's cards live inside the site folder.
     *
     * @param renderings  rendering name ({@code tfhub}, {@code aihub}, {@code text}) → path
     * @param deployments each deployment child of the version → the path of its card
     */
    public record CardPaths(Map<String, String> renderings, Map<Deployment, String> deployments) {
        /**
         * Copies both maps, keeping their order.
         *
         * @param renderings rendering name → path
         * @param deployments each deployment child → the path of its card
         */
        public CardPaths {
            renderings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renderings));
            deployments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deployments));
        }
    }

    /**
     * {@code site/index.json}: {@code variant_count}, {@code card_count} (model versions, float and
     * quantized), {@code deployment_count} (deployment child cards) and {@code variants}: every variant as
     * {@link #variant} gives it, plus {@code output_dims}; on each version {@code cards}, the path of every
     * rendering of that card inside the site folder ({@code {"tfhub": ..., "aihub": ..., "text": ...}}),
     * and on each of its {@code deployments} {@code card}, the path of the child's card:
     * <pre>
     * "deployments": [{"format": "tfjs",
     *                  "handle": "google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1",
     *                  "card": "tfhub/google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1.md"}]
     * </pre>
     *
     * @param variants the variants, in the order to print
     * @param cardPaths where each model version's cards are in the site folder
     * @return the index object
     */
    public static ObjectNode siteIndex(List<Variant> variants, Function<ModelVersion, CardPaths> cardPaths) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("variant_count", variants.size());
        root.put("card_count", variants.stream().mapToInt(v -> v.versions().size()).sum());
        root.put("deployment_count", variants.stream().flatMap(v -> v.versions().stream())
                .mapToInt(m -> m.deployments().size()).sum());
        ArrayNode all = root.putArray("variants");
        for (Variant v : variants) {
            all.add(siteIndexVariant(v, cardPaths));
        }
        return root;
    }

    /**
     * Writes {@link #siteIndex} to {@code out} as {@link #write} would print it, byte for byte, one variant at
     * a time: the whole tree of a 100× catalog is hundreds of MiB, one variant's a few KiB.
     *
     * @param variants the variants, in the order to print
     * @param cardPaths where each model version's cards are in the site folder
     * @param out where the UTF-8 text goes (not closed)
     * @throws java.io.IOException if {@code out} fails
     */
    public static void writeSiteIndex(List<Variant> variants, Function<ModelVersion, CardPaths> cardPaths,
                                      java.io.OutputStream out) throws java.io.IOException {
        var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(
                new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws java.io.IOException {
                        flush(); // the caller owns the stream
                    }
                })) {
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeNumberField("variant_count", variants.size());
            g.writeNumberField("card_count", variants.stream().mapToInt(v -> v.versions().size()).sum());
            g.writeNumberField("deployment_count", variants.stream().flatMap(v -> v.versions().stream())
                    .mapToInt(m -> m.deployments().size()).sum());
            g.writeArrayFieldStart("variants");
            for (Variant v : variants) {
                MAPPER.writeTree(g, siteIndexVariant(v, cardPaths));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static ObjectNode siteIndexVariant(Variant v, Function<ModelVersion, CardPaths> cardPaths) {
        ObjectNode o = variant(v);
        o.put("output_dims", v.outputShape().dims().get(v.outputShape().dims().size() - 1));
        ArrayNode versions = (ArrayNode) o.get("versions");
        for (int i = 0; i < versions.size(); i++) {
            ModelVersion m = v.versions().get(i);
            ObjectNode version = (ObjectNode) versions.get(i);
            CardPaths paths = cardPaths.apply(m);
            ObjectNode cards = version.putObject("cards");
            paths.renderings().forEach(cards::put);
            ArrayNode children = (ArrayNode) version.get("deployments");
            for (int j = 0; j < children.size(); j++) {
                Deployment d = m.deployments().get(j);
                String card = paths.deployments().get(d);
                if (card == null) {
                    throw new IllegalStateException("no card path for the deployment " + d.handle());
                }
                ((ObjectNode) children.get(j)).put("card", card);
            }
        }
        return o;
    }
}
