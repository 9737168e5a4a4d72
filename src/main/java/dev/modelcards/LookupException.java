package dev.modelcards;

/**
 * A handle, URL or query that names no model in the registry. The message says what was asked, why
 * nothing matched and what is closest.
 */
public final class LookupException extends RuntimeException {
    /** @param message what was asked and what is closest */
    public LookupException(String message) {
        super(message);
    }
}
