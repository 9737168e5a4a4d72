package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyReportTest {
    @Test
    void missingFileMeansNoReport(@TempDir Path tmp) {
        assertThat(VerifyReport.read(tmp.resolve("none.json"))).isEmpty();
    }

    @Test
    void badJsonNamesFileLineAndColumn() {
        assertThatThrownBy(() -> VerifyReport.parse("target/verify-report.json", "{\n  \"results\": [\n  }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("target/verify-report.json:3:");
    }

    @Test
    void wrongShapeIsExplained() {
        assertThatThrownBy(() -> VerifyReport.parse("r.json", "[1, 2]"))
                .hasMessageContaining("r.json: not a verify report");
        assertThatThrownBy(() -> VerifyReport.parse("r.json", "{\"results\": [{\"model\": \"x\"}]}"))
                .hasMessageContaining("results[0] has no \"handle\"");
    }

    @Test
    void readsDateVersionAndFields() {
        VerifyReport r = VerifyReport.parse("r.json", "{\"check\": {\"onnxruntime_version\": \"1.29.0\", \"date\": \"2026-11-24\"},"
                + "\"results\": [{\"handle\": \"h/4\", \"status\": \"pass\", \"declared\": {\"params\": 3},"
                + "\"actual\": {\"params\": 3}, \"mismatches\": []}]}");
        assertThat(r.onnxruntime()).isEqualTo("1.29.0");
        assertThat(r.date()).isEqualTo("2026-11-24");
        assertThat(r.results().get(0).declared()).containsEntry("params", "3");
    }

    @Test
    void aMismatchIsKnownByItsCheckInNewAndOldReports() {
        VerifyReport r = VerifyReport.parse("r.json", "{\"results\": ["
                + "{\"handle\": \"a/4\", \"mismatches\": [{\"field\": \"input dim 1\", \"declared\": \"224\","
                + " \"actual\": \"96\", \"message\": \"a/4: input dim 1: declared 224, model has 96\"}]},"
                + "{\"handle\": \"b/4\", \"mismatches\": [\"b/4: output type: declared float32, model has uint8\"]}]}");
        VerifyReport.Result a = r.results().get(0);
        assertThat(a.mismatches()).containsExactly("a/4: input dim 1: declared 224, model has 96");
        assertThat(a.mismatched("input dim")).as("a check covers its numbered ones").isTrue();
        assertThat(a.mismatched("input")).as("but not every check that starts with the same letters").isFalse();
        assertThat(a.mismatched("output dim")).isFalse();
        VerifyReport.Result b = r.results().get(1);
        assertThat(b.mismatched("output type")).as("a report of sentences only").isTrue();
        assertThat(b.mismatched("input type")).isFalse();
    }

    @Test
    void readsTheReportThatVerifyWrites() {
        String written = dev.modelcards.onnx.JsonReport.render(java.util.List.of(),
                new dev.modelcards.onnx.JsonReport.Check("2026-11-25", "1.29.0"));
        VerifyReport r = VerifyReport.parse("verify-report.json", written);
        assertThat(r.date()).isEqualTo("2026-11-25");
        assertThat(r.onnxruntime()).isEqualTo("1.29.0");
    }
}
