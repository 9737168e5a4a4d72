package dev.modelcards.docs;

import dev.modelcards.Quantity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data the search and compare pages embed: the fields of the site's {@code index.json} that people
 * search and compare by, one entry per card (search) or per variant (compare). Pages embed it as inline
 * JSON, because a browser refuses to fetch a file next to a page opened from {@code file://}. Keys are in
 * a fixed order, so the output is byte-identical across runs.
 */
final class SiteData {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{2,}");

    private SiteData() {
    }

    /**
     * One entry per card (model version and TF.js child): handle, page, family, multiplier, resolution,
     * head, quantization, version, format, whether it is the latest, top-1, and the words of its card that
     * tell it apart (words every card has are left out: they match everything).
     *
     * @param registry the models
     * @param cards    the markdown text of a card by handle, if it was generated
     * @return {@code {"texts": [...], "cards": [...]}}: each card's {@code text} is the index of its words in
     *         {@code texts}, as most cards share their words with many others (same family, head and version)
     */
    static Map<String, Object> searchEntries(Registry registry, Function<String, Optional<String>> cards) {
        Map<String, Set<String>> words = new LinkedHashMap<>();
        for (ModelVersion m : registry.models()) {
            words.put(m.handle(), words(cards.apply(m.handle()).orElse("")));
            for (Deployment d : m.deployments()) {
                words.put(d.handle(), words(cards.apply(d.handle()).orElse("")));
            }
        }
        Set<String> common = null;
        for (Set<String> w : words.values()) {
            if (common == null) {
                common = new TreeSet<>(w);
            } else {
                common.retainAll(w);
            }
        }
        Set<String> everywhere = common == null ? Set.of() : common;
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, Integer> texts = new LinkedHashMap<>();
        for (ModelVersion m : registry.models()) {
            entries.add(entry(m.variant(), m.handle(), SitePaths.card(m), m.number(), m.formatName(), m.isLatest(),
                    text(texts, words.get(m.handle()), everywhere)));
            for (Deployment d : m.deployments()) {
                entries.add(entry(m.variant(), d.handle(), SitePaths.card(d), m.number(), d.formatName(), m.isLatest(),
                        text(texts, words.get(d.handle()), everywhere)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("texts", List.copyOf(texts.keySet()));
        data.put("cards", entries);
        return data;
    }

    private static int text(Map<String, Integer> texts, Set<String> words, Set<String> everywhere) {
        String own = String.join(" ", words.stream().filter(w -> !everywhere.contains(w)).toList());
        return texts.computeIfAbsent(own, k -> texts.size());
    }

    private static Map<String, Object> entry(Variant v, String handle, String page, int version, String format,
                                             boolean latest, int text) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("handle", handle);
        e.put("page", page);
        e.put("family", Specs.family(v).name());
        e.put("multiplier", v.multiplier().toPlainString());
        e.put("resolution", v.resolution());
        e.put("head", v.head());
        e.put("quantization", v.quantization().orElse(""));
        e.put("version", version);
        e.put("format", format);
        e.put("latest", latest);
        e.put("top1", v.top1().toPlainString());
        e.put("text", text);
        return e;
    }

    /** The distinct lower-case words of a card's text (markdown syntax and URLs are split into words too). */
    static Set<String> words(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(markdown.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * One entry per variant, with what the compare page shows side by side.
     *
     * @param registry the models
     * @return the entries, in the index's order
     */
    static List<Map<String, Object>> compareEntries(Registry registry) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Variant v : registry.variants()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("handle", v.handle());
            e.put("page", SitePaths.card(v.latest()));
            e.put("name", Specs.family(v).name() + " " + v.multiplier().toPlainString() + "/" + v.resolution() + " "
                    + v.head().replace('_', ' ') + v.quantization().map(q -> " (" + q + ")").orElse(""));
            e.put("family", Specs.family(v).name());
            e.put("multiplier", v.multiplier().toPlainString());
            e.put("resolution", v.resolution());
            e.put("head", v.head());
            e.put("quantization", v.quantization().orElse("float"));
            e.put("input", v.resolution() + "×" + v.resolution() + "×" + v.inputShape().dims().get(3));
            List<Long> out = v.outputShape().dims();
            e.put("output", out.get(out.size() - 1));
            e.put("macs", v.published(Quantity.MACS).toPlainString());
            e.put("params", v.published(Quantity.PARAMS).toPlainString());
            e.put("top1", v.top1().toPlainString());
            e.put("top5", v.top5().toPlainString());
            e.put("latency", v.pixel1LatencyMs().map(java.math.BigDecimal::toPlainString).orElse(null));
            e.put("versions", v.versions().stream().map(ModelVersion::number).toList());
            e.put("latest", v.latest().number());
            e.put("formats", v.versions().stream().map(m -> m.formatName()).distinct().toList());
            e.put("tfjs", v.versions().stream().anyMatch(m -> !m.deployments().isEmpty()));
            entries.add(e);
        }
        return entries;
    }

    /**
     * JSON for an inline {@code <script type="application/json">}: no {@code <}, {@code >} or {@code &}
     * (they can only occur inside strings, where a JSON escape means the same), so the page also parses as XML
     * and no string can close the script element.
     *
     * @param value what to serialize
     * @return the JSON text
     */
    static String inlineJson(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("site data is not serializable", e);
        }
    }
}
