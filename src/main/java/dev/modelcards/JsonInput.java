package dev.modelcards;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.catalog.Hints;
import java.io.IOException;

/**
 * Parses JSON that a user hands back to us (a verify report, a models folder's manifest) into a tree, with
 * Jackson's own limits (numbers of at most 1000 digits, nesting at most 1000 deep, strings up to 20 M chars)
 * and one message form for every failure: {@code <source>:<line>:<column>: not valid JSON: <what>}. Jackson
 * reports its limits without a location and names its own classes in the text; both are mended here.
 */
public final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonInput() {
    }

    /**
     * The tree of {@code text}; {@code null} for text without any value (empty or only whitespace).
     *
     * @param source names the text in messages, e.g. the file it was read from
     * @throws IllegalArgumentException {@code <source>:<line>:<column>: not valid JSON: <what>}
     */
    public static JsonNode parse(String source, String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            try {
                return MAPPER.readTree(p);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new IllegalArgumentException(source + ":" + Math.max(1, at.getLineNr()) + ":"
                        + Math.max(1, at.getColumnNr()) + ": not valid JSON: " + reason(e));
            }
        } catch (IOException e) {
            // a String source has no I/O of its own; anything else Jackson throws is a parse failure
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage());
        }
    }

    /** Jackson's message without its pointers into its own API ({@code , from `StreamReadConstraints...`}). */
    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        m = m.replaceAll(",? from `[^`]*`", "").replaceAll("\\(\\s*(\\d+)\\s*\\)", "($1)");
        m = m.replace("Document nesting depth", "nesting depth");
        // Jackson quotes the offending input: show its control characters escaped
        return Hints.printable(m.strip().lines().findFirst().orElse(m));
    }
}
