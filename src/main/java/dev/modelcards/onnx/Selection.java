package dev.modelcards.onnx;

import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which published models a command works on. Each argument is a handle or URL (with a version: that one;
 * without: every version of the variant), or a filter matched against versioned handles: a glob with
 * {@code *} and {@code ?}, or else a substring ({@code mobilenet_v1_050}, {@code feature_vector/5}).
 * No argument selects the whole catalog.
 */
public final class Selection {
    private static final Pattern VERSIONED = Pattern.compile(".*/[0-9]+/?$");

    private Selection() {
    }

    /**
     * The selected models, sorted by handle, each once.
     *
     * @throws IllegalArgumentException naming an argument that selects nothing
     */
    public static List<ModelVersion> select(Registry registry, List<String> args) {
        if (args == null || args.isEmpty()) {
            return registry.models();
        }
        Set<ModelVersion> out = new LinkedHashSet<>();
        for (String a : args) {
            List<ModelVersion> hits = match(registry, a.strip());
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("no model matches '" + a + "'; give a handle such as "
                        + registry.models().get(0).handle() + " or a filter such as mobilenet_v2_100 or '*_224/*'");
            }
            out.addAll(hits);
        }
        List<ModelVersion> sorted = new ArrayList<>(out);
        sorted.sort((x, y) -> x.handle().compareTo(y.handle()));
        return List.copyOf(sorted);
    }

    private static List<ModelVersion> match(Registry registry, String a) {
        if (a.contains("/") && !a.contains("*") && !a.contains("?")) {
            var found = registry.find(a);
            if (found.isPresent()) {
                Variant v = found.get().variant();
                return VERSIONED.matcher(a).matches() ? List.of(found.get()) : v.versions();
            }
        }
        Pattern glob = a.contains("*") || a.contains("?") ? glob(a) : null;
        return registry.models().stream()
                .filter(m -> glob != null ? glob.matcher(m.handle()).matches() || glob.matcher(m.url()).matches()
                        : m.handle().contains(a))
                .toList();
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder(".*");
        for (char c : g.toCharArray()) {
            re.append(switch (c) {
                case '*' -> "[^/]*";
                case '?' -> "[^/]";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.append(".*").toString());
    }
}
