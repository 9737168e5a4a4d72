package dev.modelcards.site;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Rendering;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Final-revision tfhub cards for reading ({@code validate} checks them against the publisher's rules): taken
 * from the site folder where {@code generate} recorded them with the dependency key they still have
 * ({@link RenderCache}), so equal to what rendering would give, and rendered otherwise. Nothing is written.
 * Thread-safe.
 */
public final class CachedCards {
    private final CardRenderer renderer;
    private final RenderCache cache;

    private CachedCards(CardRenderer renderer, RenderCache cache) {
        this.renderer = renderer;
        this.cache = cache;
    }

    /**
     * The cards of {@code renderer}'s registry, reusing those recorded in {@code site}.
     *
     * @param site a site folder {@code generate} wrote, or null to render every card
     * @param renderer renders what the folder does not have (or has with another key)
     * @return the cards
     */
    public static CachedCards of(Path site, CardRenderer renderer) {
        return new CachedCards(renderer, site == null ? null : RenderCache.open(site, true));
    }

    /** {@return a model's final-revision tfhub card} */
    public String card(ModelVersion m) {
        return text(SiteLayout.card(Rendering.TFHUB, m), renderer.prepare(m, Rendering.TFHUB, null));
    }

    /** {@return a deployment's final-revision tfhub child card} */
    public String child(Deployment d) {
        return text(SiteLayout.card(Rendering.TFHUB, d), renderer.prepare(d, Rendering.TFHUB, null));
    }

    /**
     * A model's final-revision tfhub card for the publisher check, or null when it is known to pass: {@code generate}
     * rendered it with the same dependency key, which covers the card's inputs and the rules' catalog inputs, and a
     * generate run whose cards fail the check records no key ({@code GenerateCommand}).
     *
     * @param m the model version
     * @return the card to check, or null
     */
    public String cardToCheck(ModelVersion m) {
        return toCheck(SiteLayout.card(Rendering.TFHUB, m), renderer.prepare(m, Rendering.TFHUB, null));
    }

    /**
     * {@link #cardToCheck} for a deployment's child card.
     *
     * @param d the deployment
     * @return the card to check, or null
     */
    public String childToCheck(Deployment d) {
        return toCheck(SiteLayout.card(Rendering.TFHUB, d), renderer.prepare(d, Rendering.TFHUB, null));
    }

    private String toCheck(String path, CardRenderer.Prepared card) {
        return cache != null && cache.recorded(path, card.key()) ? null : text(path, card);
    }

    private String text(String path, CardRenderer.Prepared card) {
        byte[] b = cache == null ? null : cache.reuse(path, card.key());
        return b == null ? card.text() : new String(b, StandardCharsets.UTF_8);
    }
}
