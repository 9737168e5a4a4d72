package dev.modelcards.render;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.Diagnostic;
import dev.modelcards.catalog.SourcePos;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks tfhub.dev's own validator ({@code tools/validator.py} of tensorflow/tfhub.dev) makes of a
 * card, applied to the cards this catalog and these templates render at the final revision, so a catalog
 * or template change that the publisher would reject fails {@code validate} (and {@code generate}) here.
 * Each problem is reported where it comes from: the catalog line of the metadata entry or version, or
 * the template, with the number of cards it affects and one of them named.
 *
 * <p>What is checked, per kind of card (see bench/publisher/VALIDATOR-RULES.md): the first line
 * ({@code # Module <handle>} or {@code # Tfjs <handle>}, naming the card's own handle), a one-line
 * description, a metadata block of {@code <!-- key: value -->} lines and blank lines only up to the first
 * heading, required and supported keys, no conflicting repeated keys, task values of a known modality,
 * vocabulary ids for tag keys ({@code catalog/tfhub_tags.yaml}), URL tags, the {@code format} enum, and a
 * TF.js card's parent-model naming its parent. Not checked: the asset-path URL rules, which the publisher
 * applies only to a changed asset-path line and which its own cards ({@code legacy}, {@code internal}) fail.
 */
public final class PublisherRules {
    private static final Pattern MODULE_TITLE = Pattern.compile("# Module ([a-z\\d-]+)/([\\w.-]+(?:/[\\w.-]+)*)/(\\d+)");
    private static final Pattern TFJS_TITLE = Pattern.compile("# Tfjs ([a-z\\d-]+)/([\\w.-]+(?:/[\\w.-]+)*)/(\\d+)");
    // the validator's pattern, (?:\w|\s|-)+, as one character class: the same language without a group per character
    private static final Pattern META = Pattern.compile("^<!--(?<key>[\\w\\s-]+):(?<value>.+)-->$");
    private static final Set<String> MODULE_REQUIRED = Set.of("asset-path", "fine-tunable", "format", "task");
    private static final Set<String> MODULE_OPTIONAL = Set.of("network-architecture", "colab", "dataset", "language",
            "license", "interactive-visualizer");
    private static final Set<String> TFJS_REQUIRED = Set.of("asset-path", "parent-model");
    private static final Set<String> TFJS_OPTIONAL = Set.of("colab", "demo", "interactive-visualizer");
    private static final Set<String> REPEATABLE = Set.of("dataset", "language", "task", "network-architecture");
    private static final Set<String> FORMATS = Set.of("hub", "saved_model", "saved_model_2");
    private static final List<String> MODALITIES = List.of("image-", "text-", "audio-", "video-");

    private PublisherRules() {
    }

    /**
     * Every problem of the final-revision tfhub cards, grouped by where it comes from, sorted.
     *
     * @param renderer the renderer of the cards to check
     * @return the problems; empty when tfhub.dev's validator would accept every card
     */
    public static List<Diagnostic> check(CardRenderer renderer) {
        return check(renderer, m -> renderer.card(m, Rendering.TFHUB, null), d -> renderer.child(d, Rendering.TFHUB, null));
    }

    /**
     * The same, for final-revision tfhub cards already rendered ({@code generate} renders each card once and
     * checks the text it is about to write).
     *
     * @param cards    a model's final-revision tfhub card, or null for one known to pass
     * @param children a deployment's final-revision tfhub child card, or null for one known to pass
     */
    public static List<Diagnostic> check(CardRenderer renderer, java.util.function.Function<ModelVersion, String> cards,
                                         java.util.function.Function<Deployment, String> children) {
        Collector c = new Collector(renderer);
        // on every core: rendering the cards is most of validate's time, and the collector's report does not
        // depend on the order
        renderer.registry().models().parallelStream().forEach(m -> {
            String card = cards.apply(m);
            if (card != null) {
                c.card(m, card);
            }
            for (Deployment d : m.deployments()) {
                String child = children.apply(d);
                if (child != null) {
                    c.child(d, child);
                }
            }
        });
        return c.problems();
    }

    /**
     * Checks final-revision tfhub cards one at a time as they are rendered ({@code generate} streams them to
     * disk and keeps none), collecting the problems grouped by where they come from. Thread-safe: the
     * rendering threads check their cards concurrently; what it reports does not depend on their order.
     */
    public static final class Collector {
        private final CardRenderer renderer;
        private final Catalog catalog;
        private final Map<String, Group> groups = new LinkedHashMap<>();

        /** @param renderer the renderer of the cards to check (for the catalog and the templates folder) */
        public Collector(CardRenderer renderer) {
            this.renderer = renderer;
            this.catalog = Specs.catalog(renderer.registry());
        }

        /** Checks one model's final-revision tfhub card. */
        public void card(ModelVersion m, String card) {
            for (Problem p : PublisherRules.problems(card, m.handle(), false, catalog, null)) {
                add(locate(p, Specs.version(m).metadata(), Specs.version(m).pos(), renderer), generic(p.message, m.handle()), m.handle());
            }
        }

        /** Checks one deployment's final-revision tfhub child card. */
        public void child(Deployment d, String child) {
            for (Problem p : PublisherRules.problems(child, d.parent().handle() + "/" + Specs.deployment(d).path().replace("/" + d.format() + "/", "/"),
                    true, catalog, d.parent().handle())) {
                add(locate(p, Specs.deployment(d).metadata(), Specs.deployment(d).pos(), renderer),
                        generic(p.message, d.parent().handle()), d.handle());
            }
        }

        private synchronized void add(SourcePos pos, String message, String card) {
            PublisherRules.add(groups, pos, message, card);
        }

        /** {@return every problem seen so far, one per cause, sorted by where it comes from} */
        public synchronized List<Diagnostic> problems() {
            List<Diagnostic> out = new ArrayList<>();
            List<Group> sorted = new ArrayList<>(groups.values());
            sorted.sort(java.util.Comparator.comparing((Group g) -> g.pos.file()).thenComparingInt(g -> g.pos.line())
                    .thenComparingInt(g -> g.pos.column()).thenComparing(g -> g.message));
            for (Group g : sorted) {
                String which = g.cards.size() == 1 ? "card " + g.cards.iterator().next()
                        : g.cards.size() + " cards, e.g. " + g.cards.iterator().next();
                out.add(new Diagnostic(g.pos, Diagnostic.Severity.ERROR,
                        "tfhub.dev's validator would reject the rendered card: " + g.message + " (" + which + ")"));
            }
            return out;
        }
    }

    /**
     * The validator's complaints about one rendered card.
     *
     * @param handle the handle the first line must name (for TF.js cards the publisher's form, {@code .../3/default/1})
     * @param parent the parent model a TF.js card must name, or null for module cards
     */
    static List<Problem> problems(String card, String handle, boolean tfjs, Catalog catalog, String parent) {
        List<Problem> out = new ArrayList<>();
        String[] lines = card.split("\n", -1);
        String title = lines[0].replace("&zwnj;", "");
        Matcher t = (tfjs ? TFJS_TITLE : MODULE_TITLE).matcher(title);
        if (!t.matches()) {
            out.add(new Problem(null, "first line '" + title + "' must read '# " + (tfjs ? "Tfjs" : "Module") + " " + handle + "'"));
            return out;
        }
        if (!(t.group(1) + "/" + t.group(2) + "/" + t.group(3)).equals(handle)) {
            out.add(new Problem(null, "first line names '" + t.group(1) + "/" + t.group(2) + "/" + t.group(3)
                    + "', but the card is at " + handle));
        }
        int i = 1;
        if (i < lines.length && lines[i].isEmpty()) {
            i++;
        }
        if (i >= lines.length || lines[i].isBlank() || lines[i].startsWith("<!--")) {
            out.add(new Problem(null, "the second line must be a short description"));
            return out;
        }
        while (i < lines.length && !lines[i].isEmpty() && !lines[i].startsWith("<!--")) {
            i++;
        }
        Map<String, Set<String>> meta = new LinkedHashMap<>();
        for (; i < lines.length && !lines[i].startsWith("#"); i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("[![Icon URL]]")) {
                continue;
            }
            Matcher m = META.matcher(line);
            if (!m.matches()) {
                out.add(new Problem(null, "unexpected line in the metadata block: '" + line + "'"));
                return out;
            }
            meta.computeIfAbsent(m.group("key").strip(), k -> new LinkedHashSet<>()).add(m.group("value").strip());
        }
        Set<String> required = tfjs ? TFJS_REQUIRED : MODULE_REQUIRED;
        Set<String> optional = tfjs ? TFJS_OPTIONAL : MODULE_OPTIONAL;
        for (String key : required) {
            if (!meta.containsKey(key)) {
                out.add(new Problem(null, "missing required metadata '" + key + "'"));
            }
        }
        meta.forEach((key, values) -> {
            if (!required.contains(key) && !optional.contains(key)) {
                out.add(new Problem(key, "unsupported metadata '" + key + "' on a " + (tfjs ? "TF.js" : "module")
                        + " card; supported: " + String.join(", ", new java.util.TreeSet<>(union(required, optional)))));
                return;
            }
            if (values.size() > 1 && !REPEATABLE.contains(key)) {
                out.add(new Problem(key, "metadata '" + key + "' has several values " + values + "; only "
                        + String.join(", ", new java.util.TreeSet<>(REPEATABLE)) + " may"));
            }
            for (String v : values) {
                String bad = badValue(key, v, catalog, parent);
                if (bad != null) {
                    out.add(new Problem(key, bad));
                }
            }
        });
        return out;
    }

    private static String badValue(String key, String value, Catalog catalog, String parent) {
        if (key.equals("task") && MODALITIES.stream().noneMatch(value::startsWith)) {
            return "task '" + value + "' must start with one of " + MODALITIES;
        }
        if (key.equals("format") && !FORMATS.contains(value)) {
            return "format '" + value + "' must be one of " + new java.util.TreeSet<>(FORMATS);
        }
        if (key.equals("parent-model") && parent != null && !value.equals(parent)) {
            return "parent-model '" + value + "' must name the parent model " + parent;
        }
        if (catalog.tags().containsKey(key)) {
            List<Catalog.Tag> ids = catalog.tags().get(key);
            if (ids.stream().noneMatch(x -> x.id().equals(value))) {
                String hint = ids.stream().filter(x -> x.displayName().equals(value)).map(x -> "; its id is '" + x.id() + "'")
                        .findFirst().orElse(dev.modelcards.catalog.Hints.didYouMean(value,
                                ids.stream().map(Catalog.Tag::id).toList()));
                return key + " '" + value + "' is not an id of the publisher's " + key + " tags (tfhub_tags.yaml)" + hint;
            }
        }
        if (catalog.urlTags().containsKey(key)) {
            String domain = catalog.urlTags().get(key);
            if (!value.startsWith("https://") || (!domain.isEmpty() && !java.net.URI.create(value).getHost().equals(domain))) {
                return key + " '" + value + "' must be an https URL" + (domain.isEmpty() ? "" : " on " + domain);
            }
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Where a problem comes from: the metadata entry of its key, else the version (or deployment) entry, else the template. */
    private static SourcePos locate(Problem p, List<VersionSpec.MetadataEntry> entries, SourcePos owner, CardRenderer renderer) {
        if (p.key != null) {
            for (VersionSpec.MetadataEntry e : entries) {
                if (e.key().equals(p.key)) {
                    return e.pos();
                }
            }
            return owner;
        }
        if (p.message.startsWith("missing required") || p.message.startsWith("unexpected line")) {
            return owner; // the version's (or deployment's) metadata list made the block
        }
        return SourcePos.ofFile(renderer.templatesRoot() + "/" + Rendering.TFHUB.template());
    }

    /** The message with the card's own handle written {@code <handle>}, so one cause is one diagnostic. */
    private static String generic(String message, String handle) {
        return message.replace(handle, "<handle>");
    }

    private static void add(Map<String, Group> groups, SourcePos pos, String message, String card) {
        groups.computeIfAbsent(pos + "\u0000" + message, k -> new Group(pos, message)).cards.add(card);
    }

    /** One complaint: the metadata key it concerns (null for the title, description or block). */
    record Problem(String key, String message) {
    }

    private static final class Group {
        final SourcePos pos;
        final String message;
        final Set<String> cards = new java.util.TreeSet<>();

        Group(SourcePos pos, String message) {
            this.pos = pos;
            this.message = message;
        }
    }
}
