package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The verify report as JSON: {@code {"check": {...}, "summary": {...}, "results": [...]}}, one result per published
 * model ({@link VerifyResult}) and per deployment child card (status {@code not_applicable}), sorted by handle; a
 * shard's report ({@code verify --shard I/N}) starts with its {@link ShardStamp}, and {@link ShardMerge} merges the
 * shards' reports into the whole run's. The only run-dependent part is {@link Check}: the day of the check
 * (UTC, or the day of {@code SOURCE_DATE_EPOCH} when set, for reproducible builds) and the onnxruntime version,
 * which the docs site shows beside each result. A symbolic dimension of a shape is {@code null}, as in every JSON
 * output of modelcards (src/site/markdown/json-formats.md); reports written before that used -1.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * Counts over the results.
     *
     * @param models        published models checked (deployments not included)
     * @param files         distinct files loaded
     * @param ok            models that match
     * @param mismatch      models that contradict the catalog
     * @param error         models whose file could not be checked
     * @param warnings      models with at least one warning (known errata)
     * @param notApplicable deployment child cards (TF.js) listed without a check: they have no ONNX model
     */
    @JsonPropertyOrder({"models", "files", "ok", "mismatch", "error", "warnings", "not_applicable"})
    public record Summary(int models, long files, long ok, long mismatch, long error, long warnings,
                          @com.fasterxml.jackson.annotation.JsonProperty("not_applicable") long notApplicable) {
        /**
         * The summary of {@code results}.
         *
         * @param results the results of a run
         * @return the counts per status
         */
        public static Summary of(List<VerifyResult> results) {
            List<VerifyResult> checked = results.stream().filter(r -> !r.notApplicable()).toList();
            return new Summary(checked.size(), checked.stream().map(VerifyResult::model).distinct().count(),
                    count(results, VerifyResult.OK), count(results, VerifyResult.MISMATCH),
                    count(results, VerifyResult.ERROR), checked.stream().filter(r -> !r.warnings().isEmpty()).count(),
                    count(results, VerifyResult.NOT_APPLICABLE));
        }

        /**
         * {@return the counts as {@code verify} prints them: {@code 24 models in 8 files: 20 ok, 1 mismatch, 3 error,
         * 0 with warnings; 8 not applicable (...)}}
         */
        public String describe() {
            return models + " models in " + files + " files: " + ok + " ok, " + mismatch + " mismatch, " + error
                    + " error, " + warnings + " with warnings" + (notApplicable == 0 ? "" : "; " + notApplicable
                    + " not applicable (deployment cards without an ONNX model)");
        }

        /** {@return whether any model failed: a mismatch or a file that could not be checked (never a deployment)} */
        public boolean failed() {
            return mismatch + error > 0;
        }

        private static long count(List<VerifyResult> results, String status) {
            return results.stream().filter(r -> r.status().equals(status)).count();
        }
    }

    /**
     * When and with what the models were checked.
     *
     * @param date               ISO day of the check, UTC
     * @param onnxruntimeVersion the onnxruntime library version that loaded the models
     */
    @JsonPropertyOrder({"date", "onnxruntime_version"})
    public record Check(String date,
                        @com.fasterxml.jackson.annotation.JsonProperty("onnxruntime_version") String onnxruntimeVersion) {
        /** {@return today (or SOURCE_DATE_EPOCH's day) and the running onnxruntime's version} */
        public static Check now() {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            java.time.Instant when = epoch != null && epoch.matches("[0-9]{1,12}")
                    ? java.time.Instant.ofEpochSecond(Long.parseLong(epoch)) : java.time.Instant.now();
            return new Check(java.time.LocalDate.ofInstant(when, java.time.ZoneOffset.UTC).toString(),
                    OnnxModel.environment().getVersion());
        }
    }

    /**
     * The document.
     *
     * @param shard   which part of a sharded run this report is ({@code verify --shard I/N}); null (and absent
     *                from the JSON) for a whole run, and so for a merged one
     * @param check   when and with what the models were checked
     * @param summary counts over {@code results}
     * @param results one per model and deployment card, sorted by handle
     */
    @JsonPropertyOrder({"shard", "check", "summary", "results"})
    public record Document(@com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) ShardStamp shard,
                           Check check, Summary summary, List<VerifyResult> results) {
        /**
         * The report of a whole run.
         *
         * @param check   when and with what the models were checked
         * @param summary counts over {@code results}
         * @param results one per model and deployment card, sorted by handle
         */
        public Document(Check check, Summary summary, List<VerifyResult> results) {
            this(null, check, summary, results);
        }
    }

    /**
     * The report text.
     *
     * @param results the results of a run
     * @return the JSON report
     */
    public static String render(List<VerifyResult> results) {
        return render(results, Check.now());
    }

    /**
     * The report text for a given check date and runtime.
     *
     * @param results the results of a run
     * @param check the check date and runtime to record
     * @return the JSON report
     */
    public static String render(List<VerifyResult> results, Check check) {
        return render(results, check, null);
    }

    /**
     * The report text of one shard of a run (or of a whole run when {@code shard} is null).
     *
     * @param results the results of the run (or shard)
     * @param check the check date and runtime to record
     * @param shard which part of the run this is, or null
     * @return the JSON report
     */
    public static String render(List<VerifyResult> results, Check check, ShardStamp shard) {
        try {
            return JSON.writeValueAsString(new Document(shard, check, Summary.of(results), results)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serializable", e);
        }
    }

    /**
     * Writes the report atomically.
     *
     * @param results the results of a run
     * @param file where to write it
     */
    public static void write(List<VerifyResult> results, Path file) {
        write(results, file, null);
    }

    /**
     * Writes the report of one shard of a run atomically (of a whole run when {@code shard} is null).
     *
     * @param results the results of the shard
     * @param file where to write it
     * @param shard which part of the run this is, or null
     */
    public static void write(List<VerifyResult> results, Path file, ShardStamp shard) {
        write(render(results, Check.now(), shard), file);
    }

    /**
     * Writes a document (a merged one, see {@link ShardMerge}) atomically, as {@link #render(List, Check, ShardStamp)}
     * renders it.
     *
     * @param doc the report
     * @param file where to write it
     */
    public static void write(Document doc, Path file) {
        write(render(doc.results(), doc.check(), doc.shard()), file);
    }

    private static void write(String text, Path file) {
        ModelFiles.write(text.getBytes(StandardCharsets.UTF_8), file);
    }
}
