package dev.modelcards.hardening;

/**
 * The outcome the input readers may have besides success: their own exception with a message a user can read
 * in one line, naming what was read. Anything else (an unchecked exception of another kind, a message with a
 * Java class name, a stack frame, a line break or a raw control character) is thrown as an
 * {@link AssertionError} and counts as a fuzzing finding.
 */
final class InputOutcomes {
    private InputOutcomes() {
    }

    /** {@code e}'s message is one printable line that names {@code source}. */
    static void requireCleanMessage(Throwable e, String source) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("no message: " + e.getClass().getName(), e);
        }
        if (!m.contains(source)) {
            throw new AssertionError("message does not name " + source + ": " + m, e);
        }
        if (m.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new AssertionError("message is not one printable line: " + m.replace("\n", "\\n"), e);
        }
        if (HostileInputs.showsJavaInternals(m)) {
            throw new AssertionError("message shows Java internals: " + m, e);
        }
        if (m.length() > 2000) {
            throw new AssertionError("message of " + m.length() + " characters", e);
        }
    }
}
