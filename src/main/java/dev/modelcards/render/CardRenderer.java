package dev.modelcards.render;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.catalog.Specs;
import java.time.LocalDate;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders the documents of one registry with one set of templates: a card in a given rendering, the
 * AI Hub listing and the markdown index. Thread-safe once built; rendering is deterministic.
 */
public final class CardRenderer {
    private final Registry registry;
    private final TemplateEngine engine;
    private final CardModel models;

    /**
     * A renderer for {@code registry} using {@code engine}'s templates.
     *
     * @param registry the registry whose cards are rendered
     * @param engine the templates to render with
     */
    public CardRenderer(Registry registry, TemplateEngine engine) {
        this.registry = registry;
        this.engine = engine;
        this.models = new CardModel(registry);
    }

    /** {@return the templates folder as messages name it} */
    public String templatesRoot() {
        return engine.displayRoot();
    }

    /** {@return the registry rendered} */
    public Registry registry() {
        return registry;
    }

    /**
     * One card.
     *
     * @param m the model version
     * @param r {@link Rendering#TFHUB}, {@link Rendering#AIHUB} or {@link Rendering#TEXT}
     * @return the rendered card
     */
    public String card(ModelVersion m, Rendering r) {
        return card(m, r, null);
    }

    /**
     * One card as it stood at the end of {@code asOf} (null: the publisher's final revision). Renderings
     * that do not follow the publisher's history show the cards as first published, whatever the date.
     *
     * @param m the model version
     * @param r a per-card rendering
     * @param asOf the last day whose edits apply, or null
     * @return the rendered card
     */
    public String card(ModelVersion m, Rendering r, LocalDate asOf) {
        return prepare(m, r, asOf).text();
    }

    /**
     * One card with its data model built once, for both its dependency key and its text ({@code generate}
     * asks for the key first and renders only when the key changed).
     */
    public final class Prepared {
        private final Syntax syntax;
        private final String template;
        private final String what;
        private final Map<String, Object> model;
        private final String entry;

        private Prepared(Rendering r, String template, LocalDate asOf, Map<String, Object> model, String entry) {
            this.syntax = r.syntax();
            this.template = template;
            // A final-revision tfhub card is also checked against the publisher's rules: its key covers what that
            // check reads beyond the card (the tag vocabularies and URL rules), so that generate may skip the check
            // of a card whose key is unchanged. Cards as of a date are never checked, so they do not get that part
            // (their data model also names the date, which keeps their keys apart as well).
            String checked = r == Rendering.TFHUB && asOf == null ? ":checked " + rulesInputs() : "";
            this.what = r.name() + ":" + template + checked;
            this.model = model;
            this.entry = entry;
        }

        /** {@return the card's dependency key ({@link RenderKey})} */
        public String key() {
            return RenderKey.of(engine.fingerprint(), what, model);
        }

        /** {@return the card's text} */
        public String text() {
            String out = engine.render(syntax, template, Map.of("c", model), entry);
            return syntax == Syntax.PLAIN ? PlainText.tidy(out) : out;
        }
    }

    /**
     * {@link #card(ModelVersion, Rendering, LocalDate)}, prepared: the data model is built now, the
     * template runs on {@link Prepared#text()}.
     *
     * @param m the model version
     * @param r a per-card rendering
     * @param asOf the last day whose edits apply, or null
     * @return the prepared card
     */
    public Prepared prepare(ModelVersion m, Rendering r, LocalDate asOf) {
        if (r == Rendering.AIHUB_LISTING || r == Rendering.INDEX) {
            throw new IllegalArgumentException(r + " is not a per-card rendering");
        }
        return new Prepared(r, r.template(), asOf, models.card(m, era(r, asOf)), entry(m));
    }

    /**
     * {@link #child(Deployment, Rendering, LocalDate)}, prepared.
     *
     * @param d the deployment
     * @param r a rendering with child cards
     * @param asOf the last day whose edits apply, or null
     * @return the prepared child card
     */
    public Prepared prepare(Deployment d, Rendering r, LocalDate asOf) {
        if (r.childTemplate() == null) {
            throw new IllegalArgumentException(r + " has no deployment cards");
        }
        return new Prepared(r, r.childTemplate(), asOf, models.card(d, era(r, asOf)), childEntry(d));
    }

    /**
     * The dependency key of {@link #card(ModelVersion, Rendering, LocalDate)}: equal keys, equal cards
     * ({@link RenderKey}). Builds the card's data model, but does not run the template.
     *
     * @param m the model version
     * @param r a per-card rendering
     * @param asOf the last day whose edits apply, or null
     * @return the key
     */
    public String cardKey(ModelVersion m, Rendering r, LocalDate asOf) {
        return prepare(m, r, asOf).key();
    }

    /**
     * The dependency key of {@link #child(Deployment, Rendering, LocalDate)}.
     *
     * @param d the deployment
     * @param r a rendering with child cards
     * @param asOf the last day whose edits apply, or null
     * @return the key
     */
    public String childKey(Deployment d, Rendering r, LocalDate asOf) {
        return prepare(d, r, asOf).key();
    }

    /**
     * A deployment child card (TF.js) in a rendering that has them, as of {@code asOf} (null: final).
     *
     * @param d the deployment
     * @param r a rendering with child cards
     * @param asOf the last day whose edits apply, or null
     * @return the rendered child card
     */
    public String child(Deployment d, Rendering r, LocalDate asOf) {
        return prepare(d, r, asOf).text();
    }

    /**
     * Whether a model's card existed at the end of {@code asOf}: its version was published by then
     * (versions without a {@code published} edit predate the recorded history).
     *
     * @param m the model version
     * @param asOf a day, or null for the final revision
     * @return whether its card existed then
     */
    public boolean publishedBy(ModelVersion m, LocalDate asOf) {
        if (asOf == null || Specs.version(m).published() == null) {
            return true;
        }
        return Specs.catalog(registry).edit(Specs.version(m).published()).map(e -> !e.date().isAfter(asOf)).orElse(true);
    }

    private volatile String rulesInputs;

    /**
     * A digest of what {@link PublisherRules} reads from the catalog besides the card (tag vocabularies, URL
     * rules), written canonically (keys sorted) so the same catalog gives the same digest on every run; a digest,
     * not the text, because it goes into the key of every card.
     */
    private String rulesInputs() {
        String r = rulesInputs;
        if (r == null) {
            StringBuilder b = new StringBuilder();
            new java.util.TreeMap<>(Specs.catalog(registry).tags()).forEach((key, tags) -> {
                b.append(key).append('=');
                tags.forEach(t -> b.append(t.id()).append('\u0001').append(t.displayName()).append('\u0002'));
                b.append('\n');
            });
            new java.util.TreeMap<>(Specs.catalog(registry).urlTags()).forEach((key, domain) ->
                    b.append(key).append("~").append(domain).append('\n'));
            try {
                r = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            rulesInputs = r;
        }
        return r;
    }

    private static LocalDate era(Rendering r, LocalDate asOf) {
        return r.followsHistory() ? asOf : LocalDate.MIN;
    }

    /** {@return the cards the AI Hub listing holds: those with an {@code aihub} external id, sorted by handle} */
    public List<ModelVersion> aihubCards() {
        List<ModelVersion> out = new ArrayList<>();
        for (ModelVersion m : registry.models()) {
            Map<String, String> ids = Specs.family(m.variant()).externalIds().getOrDefault("aihub", Map.of());
            if (ids.containsKey(m.handle())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(ModelVersion::handle));
        return out;
    }

    /** {@return the AI Hub listing: every card with an AI Hub id, numbered, in one document} */
    public String aihubListing() {
        List<Map<String, Object>> cards = aihubCards().stream().map(m -> models.card(m, LocalDate.MIN)).toList();
        return engine.render(Rendering.AIHUB_LISTING, Map.of("cards", cards), "the AI Hub listing");
    }

    /**
     * The markdown index of every variant.
     *
     * @param cardPath where the tfhub card of a model lives, relative to the site folder
     * @return the rendered index
     */
    public String index(Function<ModelVersion, String> cardPath) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Variant v : registry.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("handle", v.handle());
            m.put("latest", v.latest().number());
            m.put("latestUrl", v.latest().url());
            m.put("familyName", Specs.family(v).name());
            m.put("multiplier", v.multiplier().setScale(2).toPlainString());
            m.put("resolution", v.resolution());
            m.put("channels", Specs.catalog(v).input().channels());
            m.put("outputDims", v.isClassifier() ? v.numClasses() : v.featureWidth());
            m.put("metrics", CardModel.metrics(Specs.metrics(v)));
            m.put("cardPath", cardPath.apply(v.latest()));
            variants.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("catalog", Map.of("publisher", Specs.catalog(registry).publisher(), "collection", Specs.catalog(registry).collection()));
        model.put("variants", variants);
        model.put("cardCount", registry.models().size());
        return engine.render(Rendering.INDEX, model, "the index");
    }

    private static String childEntry(Deployment d) {
        return d.handle() + " (" + d.formatName() + " deployment of " + d.parent().handle() + ")";
    }

    private static String entry(ModelVersion m) {
        return m.handle() + " from " + Specs.version(m).pos() + " (version " + m.number() + " of " + m.variant().familyId() + ")";
    }
}
