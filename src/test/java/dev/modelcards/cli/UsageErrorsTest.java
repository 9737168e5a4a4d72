package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every usage error exits 2 with picocli's message (the option and what it expects) and the usage, never a
 * runtime error (exit 1) found after the command started.
 */
class UsageErrorsTest {
    private static final String HANDLE = "google/imagenet/mobilenet_v1_025_128/classification/1";

    private static void usageError(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.stderr()).isEqualTo(2);
        assertThat(r.out()).as("nothing on stdout").isEmpty();
        assertThat(r.stderr()).as(String.join(" ", args)).contains(expected)
                .contains("Usage: modelcards " + args[0] + (args[0].equals("bench") ? " " + args[1] : ""))
                .doesNotContain("Exception", "error: ");
    }

    @Test
    void verifyModelAndHandleGoTogether() {
        usageError("Missing required argument(s): --handle=HANDLE_OR_URL", "verify", "--model", "x.onnx");
        usageError("Missing required argument(s): --model=FILE", "verify", "--handle", HANDLE);
        usageError("--model checks one file against --handle; drop --models and handles or filters",
                "verify", "--model", "x.onnx", "--handle", HANDLE, "--models", "target");
        usageError("--model checks one file against --handle; drop --models and handles or filters",
                "verify", "--model", "x.onnx", "--handle", HANDLE, "mobilenet_v2");
    }

    @Test
    void aShardIsIOfNWithIFrom1ToN() {
        for (String bad : List.of("0/2", "3/2", "2/0", "x", "1/", "/2", "1/2/3", "-1/2", "1.5/2")) {
            usageError("Invalid value for option '--shard': '" + bad + "' is not a shard; expected I/N with"
                    + " 1 <= I <= N, e.g. 2/4", "verify", "--shard", bad, "mobilenet_v1_025_128");
        }
    }

    @Test
    void countsAndSizesAreAtLeastOne() {
        usageError("Invalid value for option '--top': '0' is not a whole number at least 1",
                "classify", "--top", "0", "--model", "x.onnx", "--handle", HANDLE, "a.jpg");
        usageError("Invalid value for option '--top': '-3' is not a whole number at least 1",
                "classify", "--top", "-3", "--model", "x.onnx", "--handle", HANDLE, "a.jpg");
        usageError("Invalid value for option '--top': 'five' is not a whole number at least 1",
                "classify", "--top", "five", "--model", "x.onnx", "--handle", HANDLE, "a.jpg");
        usageError("Invalid value for option '--runs': '0' is not a whole number at least 1",
                "bench", "generate", "--runs", "0");
        for (String option : List.of("--resolution", "--min-resolution", "--max-resolution", "--model-version")) {
            usageError("Invalid value for option '" + option + "': '0' is not a whole number at least 1",
                    "list", option, "0");
        }
    }

    @Test
    void formatsAreChoices() {
        usageError("Invalid value for option '--format': expected one of [text, json]", "verify", "--format", "xml");
        usageError("Invalid value for option '--format': expected one of [text, json]",
                "classify", "--format", "xml", "--model", "x.onnx", "--handle", HANDLE, "a.jpg");
    }
}
