package dev.modelcards.docs;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.Specs;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.RenderException;
import dev.modelcards.render.Rendering;
import dev.modelcards.render.TemplateEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The revisions of every tfhub card (module cards and TF.js children) in the publisher's history,
 * computed, not listed: each card is rendered as of every date of {@code catalog.yaml}'s
 * {@code history:} (and as of the day before the first, the cards' form before the publisher's
 * repository), skipping dates before its version was published, and a date is kept only where the text
 * differs from the card's previous revision. Where the publisher made several edits on one day, each
 * revision names only those that changed the card: the card is rendered again as of that day with
 * each of them withheld. A card that cannot be rendered (a catalog value fails the
 * renderer's safety checks) has no revisions and its error instead, so the docs still build. Immutable
 * once computed.
 */
public final class CardHistory {
    /**
     * One revision of a card: its text at the end of {@code asOf}.
     *
     * @param asOf          the day the text stood at the end of
     * @param beforeHistory whether this is the card as first published, before the publisher's history
     *                      starts ({@code asOf} is then the day before the first dated edit)
     * @param edits         the publisher's edits of {@code asOf} that changed this card (empty before the
     *                      history)
     * @param text          the card's markdown
     */
    public record Revision(LocalDate asOf, boolean beforeHistory, List<Catalog.Edit> edits, String text) {
    }

    private final Map<String, List<Revision>> byCard;
    private final Map<String, String> errors;
    private final long renders;
    private final long nanos;

    private CardHistory(Map<String, List<Revision>> byCard, Map<String, String> errors, long renders, long nanos) {
        this.byCard = byCard;
        this.errors = errors;
        this.renders = renders;
        this.nanos = nanos;
    }

    /** A history with no revisions for any card (pages then say the card's history was not computed). */
    public static CardHistory none() {
        return new CardHistory(Map.of(), Map.of(), 0, 0);
    }

    /**
     * Renders every card of {@code registry} with {@code templates} as of every history date, on every core.
     */
    public static CardHistory compute(Registry registry, TemplateEngine templates) {
        long start = System.nanoTime();
        CardRenderer renderer = new CardRenderer(registry, templates);
        List<Catalog.Edit> history = Specs.catalog(registry).history();
        // for days with several edits: a renderer per edit of the catalog without that edit
        Map<String, CardRenderer> without = new HashMap<>();
        for (Catalog.Edit e : history) {
            if (history.stream().filter(x -> x.date().equals(e.date())).count() > 1) {
                without.put(e.id(), new CardRenderer(Registry.of(withheld(Specs.catalog(registry), e)), templates));
            }
        }
        TreeMap<LocalDate, List<Catalog.Edit>> byDate = new TreeMap<>();
        history.forEach(e -> byDate.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
        List<LocalDate> dates = new ArrayList<>();
        if (!byDate.isEmpty()) {
            dates.add(byDate.firstKey().minusDays(1));
            dates.addAll(byDate.keySet());
        }
        record Job(String handle, ModelVersion published, BiFunction<CardRenderer, LocalDate, String> render) {
        }
        List<Job> jobs = new ArrayList<>();
        for (ModelVersion m : registry.models()) {
            String handle = m.handle();
            jobs.add(new Job(handle, m, (r, day) -> r.card(r == renderer ? m : r.registry().get(handle), Rendering.TFHUB, day)));
            for (Deployment d : m.deployments()) {
                jobs.add(new Job(d.handle(), m, (r, day) -> r.child(r == renderer ? d : r.registry().get(handle)
                        .deployments().stream().filter(x -> x.handle().equals(d.handle())).findFirst().orElseThrow(),
                        Rendering.TFHUB, day)));
            }
        }
        record Result(List<Revision> revisions, String error, int renders) {
        }
        List<Result> results = jobs.parallelStream().map(job -> {
            List<Revision> revisions = new ArrayList<>();
            String previous = null;
            int renders = 0;
            for (int i = 0; i < dates.size(); i++) {
                LocalDate day = dates.get(i);
                if (!renderer.publishedBy(job.published(), day)) {
                    continue;
                }
                String text;
                List<Catalog.Edit> edits = i == 0 ? List.of() : byDate.get(day);
                try {
                    text = job.render().apply(renderer, day);
                    renders++;
                    // a card's first revision keeps all of its day's edits: it appeared that day
                    if (!text.equals(previous) && previous != null && edits.size() > 1) {
                        List<Catalog.Edit> changed = new ArrayList<>();
                        for (Catalog.Edit e : edits) {
                            renders++;
                            if (!job.render().apply(without.get(e.id()), day).equals(text)) {
                                changed.add(e);
                            }
                        }
                        // no single edit made the difference (they did together): name them all
                        edits = changed.isEmpty() ? edits : changed;
                    }
                } catch (RenderException e) {
                    return new Result(List.of(), "as of " + day + ": " + e.getMessage(), renders + 1);
                }
                if (!text.equals(previous)) {
                    revisions.add(new Revision(day, i == 0, List.copyOf(edits), text));
                    previous = text;
                }
            }
            return new Result(List.copyOf(revisions), null, renders);
        }).toList();
        Map<String, List<Revision>> byCard = new HashMap<>();
        Map<String, String> errors = new TreeMap<>();
        long renders = 0;
        for (int i = 0; i < jobs.size(); i++) {
            Result r = results.get(i);
            byCard.put(jobs.get(i).handle(), r.revisions());
            if (r.error() != null) {
                errors.put(jobs.get(i).handle(), r.error());
            }
            renders += r.renders();
        }
        return new CardHistory(Map.copyOf(byCard), java.util.Collections.unmodifiableMap(errors), renders,
                System.nanoTime() - start);
    }

    /** The catalog with one edit postponed past every date, so no rendering applies it. */
    private static Catalog withheld(Catalog c, Catalog.Edit edit) {
        List<Catalog.Edit> history = c.history().stream().map(e -> e.id().equals(edit.id())
                ? new Catalog.Edit(e.id(), LocalDate.MAX, e.commit(), e.note(), e.pos()) : e).toList();
        return new Catalog(c.publisher(), c.collection(), c.hubUrl(), c.dataset(), c.input(), c.heads(), c.formats(),
                c.families(), c.text(), c.deployments(), history, c.tags(), c.urlTags(), c.withdrawn(),
                c.license());
    }

    /** Why a card's history could not be rendered, if it could not. */
    public Optional<String> error(String cardHandle) {
        return Optional.ofNullable(errors.get(cardHandle));
    }

    /** Every card whose history could not be rendered → why, sorted by handle. */
    public Map<String, String> errors() {
        return errors;
    }

    /** The revisions of a card, oldest first; empty when the history was not computed or the catalog has none. */
    public List<Revision> of(String cardHandle) {
        return byCard.getOrDefault(cardHandle, List.of());
    }

    /** The revision of a card as of {@code day}, if the card changed that day. */
    public Optional<Revision> at(String cardHandle, LocalDate day) {
        return of(cardHandle).stream().filter(r -> r.asOf().equals(day)).findFirst();
    }

    /** How many cards have revisions. */
    public int cards() {
        return (int) byCard.values().stream().filter(l -> !l.isEmpty()).count();
    }

    /** How many revisions all cards have together. */
    public long revisions() {
        return byCard.values().stream().mapToLong(List::size).sum();
    }

    /** How many card renderings computing this took. */
    public long renders() {
        return renders;
    }

    /** How long computing this took, in milliseconds. */
    public long millis() {
        return nanos / 1_000_000;
    }
}
