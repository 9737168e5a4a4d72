package dev.modelcards.cli;

/** A command that ran but could not do its job for a reason the user can fix; printed without a trace. */
public final class CommandFailure extends RuntimeException {
    /** @param message what went wrong and what to do */
    public CommandFailure(String message) {
        super(message);
    }
}
