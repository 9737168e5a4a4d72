package dev.modelcards.docs;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.catalog.FamilySpec;
import java.time.LocalDate;

/**
 * Where each generated page lives, relative to the models folder of the site ({@code target/site/models}).
 * Card pages follow the handle, so {@code google/imagenet/mobilenet_v2_075_96/feature_vector/4} is at
 * {@code google/imagenet/mobilenet_v2_075_96/feature_vector/4.html}; handle segments are validated
 * ({@code [a-z0-9_.-]}, never {@code .} or {@code ..}), so they are safe path segments. A TF.js child
 * card's page sits below its parent's version, as in the publisher's tree
 * ({@code .../classification/1/default/tfjs/1.html} beside {@code .../classification/1.html}), and a
 * card's history below the card ({@code .../feature_vector/4/history.html}, a section per revision): a
 * version is a number, so neither collides with another card.
 */
public final class SitePaths {
    /** The model index (table of every variant). */
    public static final String INDEX = "index.html";
    /** The accuracy charts. */
    public static final String CHARTS = "charts.html";
    /** The search page (every page's search box submits to it). */
    public static final String SEARCH = "search.html";
    /** The side-by-side comparison of 2–4 variants ({@code compare.html?h=<variant handle>&h=...}). */
    public static final String COMPARE = "compare.html";
    /** Published size figures against the verifier's counts, from the build's verify report. */
    public static final String MEASURED = "measured.html";
    /** The project page on the verifier (src/site/markdown/verification.md), one level above the models folder. */
    public static final String VERIFICATION_HELP = "../verification.html";
    /** The shared stylesheet. */
    public static final String STYLE = "style.css";
    /** The project's own front page, one level above the models folder. */
    public static final String PROJECT_HOME = "../index.html";
    /** The project page explaining card history (src/site/markdown/history.md), one level above the models folder. */
    public static final String HISTORY_HELP = "../history.html";

    private SitePaths() {
    }

    /**
     * The grid page of one family.
     *
     * @param family the family
     * @return the page's path relative to the models folder
     */
    public static String family(FamilySpec family) {
        return "families/" + family.id() + ".html";
    }

    /**
     * The page of one card.
     *
     * @param m the model version
     * @return the page's path relative to the models folder
     */
    public static String card(ModelVersion m) {
        return m.handle() + ".html";
    }

    /** The page of a deployment child card (TF.js). */
    public static String card(Deployment d) {
        return d.handle() + ".html";
    }

    /** The history page of a card; {@code cardHandle} is a model's or a child's. */
    public static String history(String cardHandle) {
        return cardHandle + "/history.html";
    }

    /** A card's text as of one date of its history: that revision's section of the history page. */
    public static String revision(String cardHandle, LocalDate asOf) {
        return history(cardHandle) + "#r-" + asOf;
    }
}
