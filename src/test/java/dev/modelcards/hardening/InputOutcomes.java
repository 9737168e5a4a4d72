package dev.modelcards.hardening;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome the input readers may have besides success: their own exception with a message a user can read
 * in one line, naming what was read. Anything else (an unchecked exception of another kind, a message with a
 * Java class name, a stack frame, a line break or a raw control character) is thrown as an
 * {@link AssertionError} and counts as a fuzzing finding.
 */
final class InputOutcomes {
    /** What {@link HostileInputs#showsJavaInternals} looks for, one word at a time. */
    private static final Pattern INTERNAL = Pattern.compile(
            "[A-Za-z0-9_$]*[A-Za-z](Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\bat [a-z]+\\.[a-z]");

    private InputOutcomes() {
    }

    /**
     * {@code e}'s message is one printable line that names {@code source}. A word that looks like a Java
     * exception name counts only when it is not in {@code input}: a reader may quote the input back ("unrecognized
     * token 'lError'", a node named {@code FooError}), and that is the user's text, not Java's.
     */
    static void requireCleanMessage(Throwable e, String source, byte[] input) {
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
        if (m.contains("\tat ")) {
            throw new AssertionError("message shows a stack frame: " + m, e);
        }
        String utf8 = new String(input, StandardCharsets.UTF_8);
        String latin1 = new String(input, StandardCharsets.ISO_8859_1);
        // messages quote input with its control characters escaped (Hints.printable): 'en\\u0000ngError'
        String escaped = escaped(utf8) + "\n" + escaped(latin1);
        Matcher w = INTERNAL.matcher(m);
        while (w.find()) {
            if (!utf8.contains(w.group()) && !latin1.contains(w.group()) && !escaped.contains(w.group())) {
                throw new AssertionError("message shows Java internals (" + w.group() + "): " + m, e);
            }
        }
        if (m.length() > 2000) {
            throw new AssertionError("message of " + m.length() + " characters", e);
        }
    }

    /** {@code s} with every character outside printable ASCII escaped as a backslash, u and four hex digits. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\u%04X", cp));
            }
        });
        return b.toString();
    }
}
