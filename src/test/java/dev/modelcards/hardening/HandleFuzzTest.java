package dev.modelcards.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modelcards.LookupException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the handle and URL parser behind {@link Registry#get} and
 * {@link Registry#find}. Allowed: a model whose handle and URL look it up again, or a
 * {@link LookupException} with a printable message; {@code find} must agree with {@code get}.
 * The input bytes are read as UTF-8, so seeds in {@code HandleFuzzTestInputs/handle/} are plain text.
 */
class HandleFuzzTest {
    private static final Registry REGISTRY = Registry.load();

    @FuzzTest(maxDuration = "10m")
    void handle(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        ModelVersion got;
        try {
            got = REGISTRY.get(input);
        } catch (LookupException e) {
            Outcomes.requireMessage(e);
            if (e.getMessage().chars().anyMatch(c -> c < 0x20 && c != '\n')) {
                throw new AssertionError("LookupException message carries raw control characters: " + e.getMessage());
            }
            if (REGISTRY.find(input).isPresent()) {
                throw new AssertionError("find() found what get() rejected: " + input);
            }
            return;
        }
        if (!REGISTRY.find(input).equals(Optional.of(got))) {
            throw new AssertionError("find() disagrees with get() for " + input);
        }
        if (!REGISTRY.get(got.handle()).equals(got) || !REGISTRY.get(got.url()).equals(got)) {
            throw new AssertionError("lookup result does not round-trip: " + got);
        }
        if (!input.strip().contains(got.variant().name())) {
            throw new AssertionError("'" + input + "' resolved to unrelated " + got);
        }
    }
}
