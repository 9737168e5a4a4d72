package dev.modelcards;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed handle or hub URL: {@code publisher/collection/name/head[/version]}. Parsing only checks the
 * form; {@link Registry} decides whether the model exists.
 *
 * @param base    the handle without version, e.g. {@code google/imagenet/mobilenet_v2_075_96/feature_vector}
 * @param version the version, or empty for "latest"
 */
record HandleRef(String base, OptionalInt version) {
    private static final Pattern URL_PREFIX = Pattern.compile("^https?://[^/]+/");
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_.-]+");
    /** Longer than any real hub URL (about 90 characters) by an order of magnitude. */
    static final int MAX_LENGTH = 1024;

    /**
     * The path a handle or URL names, before any check of its segments: surrounding blanks, the
     * {@code https://host/} prefix, a query or fragment and one trailing slash removed. Throws
     * {@link LookupException} for empty or overlong input.
     */
    static String path(String input) {
        if (input == null || input.isBlank()) {
            throw new LookupException("empty handle; expected e.g. google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        }
        if (input.length() > MAX_LENGTH) {
            // Found by the hostile-input tests: a 10 MB "handle" kept the did-you-mean search busy for seconds.
            throw new LookupException("'" + printable(input) + "' is " + input.length() + " characters long; a handle "
                    + "or URL has at most " + MAX_LENGTH);
        }
        String s = input.strip();
        Matcher url = URL_PREFIX.matcher(s);
        if (url.find()) {
            s = s.substring(url.end());
            int cut = indexOfAny(s, "?#");
            if (cut >= 0) {
                s = s.substring(0, cut);
            }
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Parses a handle or URL, throwing {@link LookupException} saying what is malformed. */
    static HandleRef parse(String input) {
        String s = path(input);
        String[] parts = s.split("/", -1);
        // A quantized variant has one more segment: publisher/collection/name/quantization/head[/version].
        boolean versioned = parts.length >= 5 && parts[parts.length - 1].matches("[0-9]+");
        int baseLength = versioned ? parts.length - 1 : parts.length;
        if (baseLength != 4 && baseLength != 5) {
            throw new LookupException("'" + printable(input) + "' is not a handle; expected publisher/collection/"
                    + "name/[quantization/]head[/version], e.g. google/imagenet/mobilenet_v2_075_96/feature_vector/4");
        }
        for (int i = 0; i < baseLength; i++) {
            if (!SEGMENT.matcher(parts[i]).matches() || parts[i].equals(".") || parts[i].equals("..")) {
                throw new LookupException("'" + printable(input) + "': segment " + (i + 1) + " '" + printable(parts[i])
                        + "' must match [a-z0-9_.-]+ and not be '.' or '..'");
            }
        }
        String base = String.join("/", java.util.Arrays.asList(parts).subList(0, baseLength));
        if (!versioned) {
            return new HandleRef(base, OptionalInt.empty());
        }
        String v = parts[parts.length - 1];
        if (!v.matches("[1-9][0-9]{0,5}")) {
            throw new LookupException("'" + printable(input) + "': version '" + printable(v)
                    + "' must be a positive whole number");
        }
        return new HandleRef(base, OptionalInt.of(Integer.parseInt(v)));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Escapes control and non-ASCII characters so a message shows exactly what was given. */
    static String printable(String s) {
        return dev.modelcards.catalog.Hints.printable(s);
    }
}
