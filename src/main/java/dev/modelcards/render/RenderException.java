package dev.modelcards.render;

/**
 * A card could not be rendered: a template asked for a value the catalog does not have, a value failed
 * a safety check, or a template does not parse. The message names the template, line and column and the
 * catalog entry being rendered, e.g.
 * {@code templates/lib/card.ftl:57:3: error: missing value t.rounding (rendering google/imagenet/mobilenet_v2_075_96/classification/4 from catalog/mobilenet_v2.yaml:121:5)}.
 */
public final class RenderException extends RuntimeException {
    /** @param message the complete, user-facing message */
    public RenderException(String message) {
        super(message);
    }

    /**
     * A failure whose cause is another error.
     *
     * @param message the complete, user-facing message
     * @param cause the underlying error
     */
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
