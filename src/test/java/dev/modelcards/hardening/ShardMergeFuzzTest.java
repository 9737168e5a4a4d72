package dev.modelcards.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modelcards.InputFile;
import dev.modelcards.onnx.JUnitReport;
import dev.modelcards.onnx.JsonReport;
import dev.modelcards.onnx.ShardMerge;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the shard-report reader of {@code verify merge} ({@link ShardMerge}), one report
 * given alone. Allowed outcomes: a merged report that renders as JSON and JUnit, or an
 * {@link IllegalArgumentException} in one printable line naming the report (free of Java internals unless it
 * quotes input that looks like them); nothing else, at most 5 s per input.
 *
 * <p>Seeds: {@code ShardMergeFuzzTestInputs/merge/}: a shard report {@code verify --shard 1/1} wrote, one of
 * 2/3 (a missing part), one with null stamp fields, one with an unknown status.
 */
class ShardMergeFuzzTest {
    static final String SOURCE = "fuzz-shard.json";

    @FuzzTest(maxDuration = "10m")
    @Timeout(5)
    void merge(byte[] data) {
        String text;
        try {
            text = InputFile.utf8(data);
        } catch (CharacterCodingException e) {
            return; // the CLI refuses such bytes while reading the file, before ShardMerge sees them
        }
        JsonReport.Document merged;
        try {
            merged = ShardMerge.merge(List.of(new ShardMerge.Input(SOURCE, text)));
        } catch (IllegalArgumentException e) {
            // a message may quote the input (JSON syntax errors do): an exception-like word there is the file's
            InputOutcomes.requireCleanMessage(e, SOURCE, data);
            return;
        }
        if (merged.shard() != null) {
            throw new AssertionError("a merged report keeps a shard stamp");
        }
        JsonReport.render(merged.results(), merged.check());
        JUnitReport.render(merged.results());
    }
}
