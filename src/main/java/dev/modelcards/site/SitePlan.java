package dev.modelcards.site;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.json.RegistryJson;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Rendering;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every file one {@code generate} produces, rendered in memory before anything touches the disk: a
 * rendering error therefore leaves the site as it was. Paths are relative to the site folder and sorted,
 * so the plan (and the manifest) is the same on every machine.
 *
 * @param files path → bytes
 * @param sets  the sets this plan covers (the index set is always included)
 */
public record SitePlan(SortedMap<String, byte[]> files, Set<SiteLayout.Set> sets) {

    /**
     * Renders the selected sets of the registry's site at the publisher's final revision.
     *
     * @param renderer the renderer of the registry's cards
     * @param selected the sets to render
     * @return the planned files
     */
    public static SitePlan render(CardRenderer renderer, Set<SiteLayout.Set> selected) {
        return render(renderer, selected, null);
    }

    /**
     * Renders the selected sets of the registry's site as they stood at the end of {@code asOf} (null:
     * the final revision): only the cards published by then, each with the edits made by then.
     *
     * @param renderer the renderer of the registry's cards
     * @param selected the sets to render
     * @param asOf the last day whose edits apply, or null
     * @return the planned files
     */
    public static SitePlan render(CardRenderer renderer, Set<SiteLayout.Set> selected, java.time.LocalDate asOf) {
        Set<SiteLayout.Set> sets = EnumSet.copyOf(selected);
        sets.add(SiteLayout.Set.INDEX);
        Registry registry = renderer.registry();
        // Cards are independent: render them on every core, then sort by path (the order never depends on timing).
        List<Job> jobs = new ArrayList<>();
        for (ModelVersion m : registry.models()) {
            if (!renderer.publishedBy(m, asOf)) {
                continue;
            }
            for (SiteLayout.Set set : sets) {
                Rendering r = set.rendering();
                if (r == null) {
                    continue;
                }
                jobs.add(new Job(SiteLayout.card(r, m), () -> renderer.card(m, r, asOf)));
                if (r.childTemplate() != null) {
                    for (Deployment d : m.deployments()) {
                        jobs.add(new Job(SiteLayout.card(r, d), () -> renderer.child(d, r, asOf)));
                    }
                }
            }
        }
        List<String> rendered = jobs.parallelStream().map(j -> j.render().get()).toList();
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            put(files, jobs.get(i).path(), rendered.get(i));
        }
        if (sets.contains(SiteLayout.Set.AIHUB)) {
            put(files, SiteLayout.AIHUB_LISTING, renderer.aihubListing());
        }
        put(files, SiteLayout.INDEX_MD, renderer.index(SiteLayout::tfhub));
        put(files, SiteLayout.INDEX_JSON, RegistryJson.write(RegistryJson.siteIndex(registry.variants(), SitePlan::cardPaths)));
        return new SitePlan(Collections.unmodifiableSortedMap(files), Collections.unmodifiableSet(sets));
    }

    private record Job(String path, java.util.function.Supplier<String> render) {
    }

    /**
     * Where one model's cards live, as index.json lists them: every rendering's path, and the tfhub card
     * of each deployment child (listed under the version's {@code deployments}, not as a rendering).
     */
    static RegistryJson.CardPaths cardPaths(ModelVersion m) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tfhub", SiteLayout.tfhub(m));
        p.put("aihub", SiteLayout.aihub(m));
        p.put("text", SiteLayout.text(m));
        Map<Deployment, String> children = new LinkedHashMap<>();
        m.deployments().forEach(d -> children.put(d, SiteLayout.tfhub(d)));
        return new RegistryJson.CardPaths(p, children);
    }

    /** {@return the total bytes of all files} */
    public long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * Whether this plan is responsible for {@code path} (its set was selected).
     *
     * @param path a path relative to the site folder
     * @return whether the plan covers it
     */
    public boolean covers(String path) {
        return sets.contains(SiteLayout.Set.of(path));
    }

    private static void put(Map<String, byte[]> files, String path, String content) {
        if (files.put(path, content.getBytes(StandardCharsets.UTF_8)) != null) {
            throw new IllegalStateException("two outputs share the path " + path);
        }
    }
}
