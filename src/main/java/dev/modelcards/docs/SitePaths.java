package dev.modelcards.docs;

import dev.modelcards.ModelVersion;
import dev.modelcards.catalog.FamilySpec;

/**
 * Where each generated page lives, relative to the models folder of the site ({@code target/site/models}).
 * Card pages follow the handle, so {@code google/imagenet/mobilenet_v2_075_96/feature_vector/4} is at
 * {@code google/imagenet/mobilenet_v2_075_96/feature_vector/4.html}; handle segments are validated
 * ({@code [a-z0-9_.-]}, never {@code .} or {@code ..}), so they are safe path segments.
 */
public final class SitePaths {
    /** The model index (table of every variant). */
    public static final String INDEX = "index.html";
    /** The accuracy charts. */
    public static final String CHARTS = "charts.html";
    /** The shared stylesheet. */
    public static final String STYLE = "style.css";
    /** The project's own front page, one level above the models folder. */
    public static final String PROJECT_HOME = "../index.html";

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
}
