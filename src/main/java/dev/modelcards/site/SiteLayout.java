package dev.modelcards.site;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.render.Rendering;
import java.util.List;

/**
 * Where each generated file lives inside the site folder. The handle is the path, so a card is found
 * from its URL: {@code tfhub/google/imagenet/mobilenet_v2_075_96/feature_vector/4.md}.
 *
 * <pre>
 * tfhub/&lt;handle&gt;.md      tfhub.dev markdown card, one per handle and version
 * tfhub/&lt;handle&gt;/default/tfjs/1.md   its TF.js deployment card, where published
 * aihub/&lt;handle&gt;.md      the card as an AI Hub entry
 * aihub/listing.md        the AI Hub listing (every card with an AI Hub id)
 * text/&lt;handle&gt;.txt      plain-text page
 * index.md, index.json    every variant; the JSON lists every version's card paths
 * .modelcards-manifest    the files generate owns (it removes only those)
 * </pre>
 */
public final class SiteLayout {
    /** The manifest of owned files, at the top of the site folder. */
    public static final String MANIFEST = ".modelcards-manifest";
    /** The AI Hub listing. */
    public static final String AIHUB_LISTING = "aihub/listing.md";
    /** The markdown index. */
    public static final String INDEX_MD = "index.md";
    /** The machine-readable registry. */
    public static final String INDEX_JSON = "index.json";

    /** The file sets {@code generate --format} selects; the index belongs to every set. */
    public enum Set {
        /** The tfhub.dev cards, {@code tfhub/}. */
        TFHUB(Rendering.TFHUB),
        /** The AI Hub entries and their listing, {@code aihub/}. */
        AIHUB(Rendering.AIHUB),
        /** The plain-text pages, {@code text/}. */
        TEXT(Rendering.TEXT),
        /** Everything outside the card folders: {@code index.md}, {@code index.json} and the manifest. */
        INDEX(null);

        private final Rendering rendering;

        Set(Rendering rendering) {
            this.rendering = rendering;
        }

        /** {@return the name used by {@code --format} and as the folder name (the rendering's set)} */
        public String id() {
            return rendering == null ? "index" : rendering.set();
        }

        /** {@return the per-card rendering this set writes, or null for the index} */
        public Rendering rendering() {
            return rendering;
        }

        /**
         * The set a site path belongs to, judged by its first folder.
         *
         * @param path a path relative to the site folder
         * @return the set it belongs to
         */
        public static Set of(String path) {
            for (Set s : List.of(TFHUB, AIHUB, TEXT)) {
                if (path.startsWith(s.id() + "/")) {
                    return s;
                }
            }
            return INDEX;
        }
    }

    private SiteLayout() {
    }

    /**
     * Where a model's card of one rendering lives: the rendering's folder, the handle, its extension.
     *
     * @param r a per-card rendering
     * @param m the model version
     * @return the card's path relative to the site folder
     */
    public static String card(Rendering r, ModelVersion m) {
        return r.set() + "/" + m.handle() + r.extension();
    }

    /**
     * The tfhub.dev card of a model.
     *
     * @param m the model version
     * @return the card's path relative to the site folder
     */
    public static String tfhub(ModelVersion m) {
        return card(Rendering.TFHUB, m);
    }

    /**
     * The tfhub.dev card of a deployment child, below its parent's version as in the publisher's tree:
     * {@code tfhub/google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1.md}.
     *
     * @param d the deployment
     * @return the card's path relative to the site folder
     */
    public static String tfhub(Deployment d) {
        return card(Rendering.TFHUB, d);
    }

    /**
     * Where a deployment's child card of one rendering lives: below its parent's version, as the publisher keeps it.
     *
     * @param r a rendering with child cards
     * @param d the deployment
     * @return the card's path relative to the site folder
     */
    public static String card(Rendering r, Deployment d) {
        return r.set() + "/" + d.handle() + r.extension();
    }

    /**
     * The AI Hub entry of a model.
     *
     * @param m the model version
     * @return the entry's path relative to the site folder
     */
    public static String aihub(ModelVersion m) {
        return card(Rendering.AIHUB, m);
    }

    /**
     * The plain-text page of a model.
     *
     * @param m the model version
     * @return the page's path relative to the site folder
     */
    public static String text(ModelVersion m) {
        return card(Rendering.TEXT, m);
    }

    /**
     * Whether {@code p} is a path generate may own: relative, forward slashes, no {@code ..}, safe characters.
     *
     * @param p a path from a manifest or plan
     * @return whether it is safe
     */
    public static boolean isSafePath(String p) {
        return p.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") && !List.of(p.split("/")).contains("..")
                && !List.of(p.split("/")).contains(".");
    }
}
