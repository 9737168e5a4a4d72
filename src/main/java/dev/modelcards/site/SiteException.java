package dev.modelcards.site;

/** The site folder cannot be written or checked for a reason the user can fix; nothing was changed. */
public final class SiteException extends RuntimeException {
    /** @param message what is wrong and what to do */
    public SiteException(String message) {
        super(message);
    }
}
