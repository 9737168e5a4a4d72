package dev.modelcards.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modelcards.InputFile;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.docs.VerifyReport;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the verify-report reader that {@code docs --verify-report} uses (strict UTF-8, then
 * {@link VerifyReport#parse}). Allowed outcomes: a report whose every result can be looked up by the card pages
 * ({@link VerifyReport#resultFor}), or an {@link IllegalArgumentException} (or, for bytes that are not UTF-8, the
 * decoder's message) in one printable line naming the file; nothing else, at most 10 s per input.
 *
 * <p>Seeds: {@code VerifyReportFuzzTestInputs/report/}: reports {@code verify} wrote (ok, mismatch, error and
 * not-applicable results), reports beyond the JSON parser's limits, the findings.
 */
class VerifyReportFuzzTest {
    static final String SOURCE = "fuzz-report.json";
    private static final Registry REGISTRY = Registry.load();
    private static final List<ModelVersion> PROBES = List.of(
            REGISTRY.get("google/imagenet/mobilenet_v2_100_224/classification/5"),
            REGISTRY.get("google/imagenet/mobilenet_v1_050_128/quantops/classification/3"));

    @FuzzTest(maxDuration = "10m")
    @Timeout(10) // per input: Jazzer passes it to libFuzzer as -timeout (see bench/README.md)
    void report(byte[] data) {
        String text;
        try {
            text = InputFile.utf8(data);
        } catch (CharacterCodingException e) {
            InputOutcomes.requireCleanMessage(new IllegalArgumentException(SOURCE + ": " + e.getMessage()), SOURCE, data);
            return;
        }
        VerifyReport r;
        try {
            r = VerifyReport.parse(SOURCE, text);
        } catch (IllegalArgumentException e) {
            InputOutcomes.requireCleanMessage(e, SOURCE, data);
            return;
        }
        if (r.results() == null || r.date() == null || r.onnxruntime() == null) {
            throw new AssertionError("a report with null parts: " + r);
        }
        for (VerifyReport.Result x : r.results()) {
            if (x.handle() == null || x.declared() == null || x.actual() == null || x.mismatches() == null) {
                throw new AssertionError("a result with null parts: " + x);
            }
            x.mismatched("params");
        }
        for (ModelVersion m : PROBES) {
            r.resultFor(m);
        }
    }
}
