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
    void readsTheReportThatVerifyWrites() {
        String written = dev.modelcards.onnx.JsonReport.render(java.util.List.of(),
                new dev.modelcards.onnx.JsonReport.Check("2026-11-25", "1.29.0"));
        VerifyReport r = VerifyReport.parse("verify-report.json", written);
        assertThat(r.date()).isEqualTo("2026-11-25");
        assertThat(r.onnxruntime()).isEqualTo("1.29.0");
    }
}
