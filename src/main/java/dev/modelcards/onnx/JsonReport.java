package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The verify report as JSON: {@code {"summary": {...}, "results": [...]}}, one result per published model
 * ({@link VerifyResult}), sorted by handle, no timestamps, so equal runs give byte-identical reports.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * Counts over the results.
     *
     * @param models   published models checked
     * @param files    distinct files loaded
     * @param ok       models that match
     * @param mismatch models that contradict the catalog
     * @param error    models whose file could not be checked
     * @param warnings models with at least one warning (known errata)
     */
    @JsonPropertyOrder({"models", "files", "ok", "mismatch", "error", "warnings"})
    public record Summary(int models, long files, long ok, long mismatch, long error, long warnings) {
        /** The summary of {@code results}. */
        public static Summary of(List<VerifyResult> results) {
            return new Summary(results.size(), results.stream().map(VerifyResult::model).distinct().count(),
                    count(results, VerifyResult.OK), count(results, VerifyResult.MISMATCH),
                    count(results, VerifyResult.ERROR), results.stream().filter(r -> !r.warnings().isEmpty()).count());
        }

        private static long count(List<VerifyResult> results, String status) {
            return results.stream().filter(r -> r.status().equals(status)).count();
        }
    }

    /** The document. */
    @JsonPropertyOrder({"summary", "results"})
    public record Document(Summary summary, List<VerifyResult> results) {
    }

    /** The report text. */
    public static String render(List<VerifyResult> results) {
        try {
            return JSON.writeValueAsString(new Document(Summary.of(results), results)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serializable", e);
        }
    }

    /** Writes the report atomically. */
    public static void write(List<VerifyResult> results, Path file) {
        ModelFiles.write(render(results).getBytes(StandardCharsets.UTF_8), file);
    }
}
