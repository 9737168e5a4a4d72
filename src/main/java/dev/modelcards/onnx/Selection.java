package dev.modelcards.onnx;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which published models a command works on. Each argument is a handle or URL (with a version: that one;
 * without: every version of the variant; quantized handles such as
 * {@code google/imagenet/mobilenet_v1_050_128/quantops/classification} included), or a filter matched against
 * versioned handles: a glob with {@code *} and {@code ?}, or else a substring ({@code mobilenet_v1_050},
 * {@code feature_vector/5}, {@code quantops}). No argument selects the whole catalog.
 *
 * <p>Deployment child cards (TF.js, e.g. {@code .../classification/1/default/tfjs/1}) have no ONNX model:
 * {@link #select} never returns them, {@link #pick} returns them separately, so that {@code verify} can list
 * them as not applicable. A handle of a deployment selects it; a filter selects the deployments whose handles
 * it matches as it does for models.
 */
public final class Selection {
    private static final Pattern VERSIONED = Pattern.compile(".*/[0-9]+/?$");
    private static final Pattern URL_PREFIX = Pattern.compile("^https?://[^/]+/");

    private Selection() {
    }

    /**
     * What the arguments select: published models and deployment child cards, each sorted by handle.
     *
     * @param models      published models (each has an ONNX model)
     * @param deployments deployment child cards (no ONNX model)
     */
    public record Picked(List<ModelVersion> models, List<Deployment> deployments) {
        /**
         * Copies the lists.
         *
         * @param models published models (each has an ONNX model)
         * @param deployments deployment child cards (no ONNX model)
         */
        public Picked {
            models = List.copyOf(models);
            deployments = List.copyOf(deployments);
        }
    }

    /**
     * The selected models, sorted by handle, each once.
     *
     * @param registry the registry to select from
     * @param args handles, URLs or variant handles; none selects every model
     * @return the selected models
     * @throws IllegalArgumentException naming an argument that selects no model (saying so when it selects
     *                                  only deployments, which have no ONNX model)
     */
    public static List<ModelVersion> select(Registry registry, List<String> args) {
        if (args == null || args.isEmpty()) {
            return registry.models();
        }
        Set<ModelVersion> out = new LinkedHashSet<>();
        for (String a : args) {
            List<ModelVersion> hits = models(registry, a.strip());
            if (hits.isEmpty()) {
                List<Deployment> only = deployments(registry, a.strip());
                if (!only.isEmpty()) {
                    Deployment d = only.get(0);
                    throw new IllegalArgumentException((only.size() == 1
                            ? "'" + a + "' is the " + d.formatName() + " deployment of " + d.parent().handle()
                            + ", which has no ONNX model"
                            : "'" + a + "' selects only deployment cards (" + only.size() + ", e.g. " + d.handle()
                            + "), which have no ONNX model") + "; give the model's handle, e.g. " + d.parent().handle());
                }
                throw nothingMatches(registry, a);
            }
            out.addAll(hits);
        }
        return sorted(out, ModelVersion::handle);
    }

    /**
     * The selected models and deployment child cards; no argument selects all of both.
     *
     * @param registry the registry to select from
     * @param args handles, URLs or variant handles; none selects every model and deployment
     * @return the selected models and deployments
     * @throws IllegalArgumentException naming an argument that selects neither
     */
    public static Picked pick(Registry registry, List<String> args) {
        if (args == null || args.isEmpty()) {
            return new Picked(registry.models(), registry.deployments());
        }
        Set<ModelVersion> models = new LinkedHashSet<>();
        Set<Deployment> deployments = new LinkedHashSet<>();
        for (String a : args) {
            List<ModelVersion> m = models(registry, a.strip());
            List<Deployment> d = deployments(registry, a.strip());
            if (m.isEmpty() && d.isEmpty()) {
                throw nothingMatches(registry, a);
            }
            models.addAll(m);
            deployments.addAll(d);
        }
        return new Picked(sorted(models, ModelVersion::handle), sorted(deployments, Deployment::handle));
    }

    private static List<ModelVersion> models(Registry registry, String a) {
        if (a.contains("/") && !a.contains("*") && !a.contains("?")) {
            var found = registry.find(a);
            if (found.isPresent()) {
                Variant v = found.get().variant();
                return VERSIONED.matcher(a).matches() ? List.of(found.get()) : v.versions();
            }
        }
        Pattern glob = glob(a);
        return registry.models().stream().filter(m -> matches(a, glob, m.handle(), m.url())).toList();
    }

    private static List<Deployment> deployments(Registry registry, String a) {
        List<Deployment> all = registry.deployments();
        if (a.contains("/") && !a.contains("*") && !a.contains("?")) {
            // a model's handle selects that model, not its children; a deployment's handle (or the handle
            // without the deployment's own version) selects the deployment
            if (registry.find(a).isPresent()) {
                return List.of();
            }
            String h = normalize(a);
            List<Deployment> exact = all.stream()
                    .filter(d -> d.handle().equals(h) || d.handle().startsWith(h + "/")
                            && d.handle().substring(h.length() + 1).matches("[0-9]+"))
                    .toList();
            if (!exact.isEmpty()) {
                return exact;
            }
        }
        Pattern glob = glob(a);
        return all.stream().filter(d -> matches(a, glob, d.handle(), d.parent().variant().hubUrl() + "/" + d.handle()))
                .toList();
    }

    private static boolean matches(String a, Pattern glob, String handle, String url) {
        return glob != null ? glob.matcher(handle).matches() || glob.matcher(url).matches() : handle.contains(a);
    }

    private static IllegalArgumentException nothingMatches(Registry registry, String a) {
        return new IllegalArgumentException("no model matches '" + a + "'; give a handle such as "
                + registry.models().get(0).handle() + " or a filter such as mobilenet_v2_100 or '*_224/*'");
    }

    private static String normalize(String handleOrUrl) {
        String s = URL_PREFIX.matcher(handleOrUrl.strip()).replaceFirst("");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static <T> List<T> sorted(Set<T> items, java.util.function.Function<T, String> key) {
        List<T> out = new ArrayList<>(items);
        out.sort(Comparator.comparing(key));
        return List.copyOf(out);
    }

    private static Pattern glob(String g) {
        if (!g.contains("*") && !g.contains("?")) {
            return null;
        }
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
