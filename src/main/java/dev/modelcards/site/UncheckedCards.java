package dev.modelcards.site;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Rendering;
import java.nio.file.Path;

/**
 * The final-revision tfhub cards that still need the publisher check ({@code validate}): those {@code generate}
 * did not last render into the site folder with the key they have now. A recorded key is proof enough that the
 * card passed: the key covers the card's inputs and the rules' catalog inputs ({@link CardRenderer.Prepared}),
 * and a generate whose cards fail the check commits nothing and records no key. Nothing is read but the site's
 * render cache, nothing is written. Thread-safe.
 */
public final class UncheckedCards {
    private final CardRenderer renderer;
    private final RenderCache cache;

    private UncheckedCards(CardRenderer renderer, RenderCache cache) {
        this.renderer = renderer;
        this.cache = cache;
    }

    /**
     * The cards of {@code renderer}'s registry, less those recorded in {@code site}.
     *
     * @param site a site folder {@code generate} wrote, or null to check every card
     * @param renderer renders the cards to check
     * @return the cards
     */
    public static UncheckedCards of(Path site, CardRenderer renderer) {
        return new UncheckedCards(renderer, site == null ? null : RenderCache.open(site, true));
    }

    /**
     * A model's final-revision tfhub card, rendered, or null when it passed the check in the last generate.
     *
     * @param m the model version
     * @return the card to check, or null
     */
    public String card(ModelVersion m) {
        return toCheck(SiteLayout.card(Rendering.TFHUB, m), renderer.prepare(m, Rendering.TFHUB, null));
    }

    /**
     * {@link #card} for a deployment's child card.
     *
     * @param d the deployment
     * @return the card to check, or null
     */
    public String child(Deployment d) {
        return toCheck(SiteLayout.card(Rendering.TFHUB, d), renderer.prepare(d, Rendering.TFHUB, null));
    }

    private String toCheck(String path, CardRenderer.Prepared card) {
        return cache != null && cache.recorded(path, card.key()) ? null : card.text();
    }
}
