package dev.modelcards.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import dev.modelcards.JsonInput;
import dev.modelcards.ModelVersion;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report {@code modelcards verify} writes: when and with which onnxruntime the check ran, and per
 * model the declared and measured input/output shapes, parameters and MACs with any mismatches.
 * Values are kept as display text; the docs only show them.
 *
 * @param source      the file it was read from, for messages
 * @param date        when the check ran, or empty if the report does not say
 * @param onnxruntime the onnxruntime version used, or empty if the report does not say
 * @param results     one entry per checked model, in file order
 */
public record VerifyReport(String source, String date, String onnxruntime, List<Result> results) {

    /**
     * One checked model.
     *
     * @param handle       the handle checked, with or without version
     * @param model        the model file's name, without the folder it sat in on the checking machine
     * @param modelSha256  SHA-256 (hex) of the model file, or empty if the report does not say
     * @param status       e.g. {@code ok}, {@code mismatch} or {@code error}
     * @param declared     what the catalog declares, field → value as text
     * @param actual       what onnxruntime measured, field → value as text
     * @param mismatches   what differs, one sentence each
     * @param warnings     known errata and facts that could not be measured, one sentence each
     * @param error        why the model could not be checked, with file paths reduced to file names; empty if none
     * @param declaredJson the declared facts as the report has them (shapes, types, counts with tolerance)
     * @param actualJson   the measured facts as the report has them
     * @param mismatchFields the check each mismatch reports, as verify names it ({@code input dim},
     *                     {@code output type}, {@code params}, ...), in the order of {@code mismatches}
     */
    public record Result(String handle, String model, String modelSha256, String status,
                         Map<String, String> declared, Map<String, String> actual, List<String> mismatches,
                         List<String> warnings, String error, JsonNode declaredJson, JsonNode actualJson,
                         List<String> mismatchFields) {
        /**
         * Whether a mismatch of this check was reported; a check also covers the numbered ones verify reports
         * under it ({@code input dim} covers {@code input dim 1} and {@code input dim 0 (batch)}).
         *
         * @param check a check as verify names it, e.g. {@code output dim} or {@code macs}
         * @return whether a mismatch of it was reported
         */
        public boolean mismatched(String check) {
            return mismatchFields.stream().anyMatch(f -> f.equals(check) || f.startsWith(check + " ")
                    && f.length() > check.length() + 1 && Character.isDigit(f.charAt(check.length() + 1)));
        }
    }

    /**
     * Reads a report, or empty when the file does not exist (the model is then shown as not verified).
     *
     * @param file the report written by {@code modelcards verify --report}
     * @return the report, or empty
     * @throws IllegalArgumentException naming the file and what is wrong when it is not a verify report
     */
    public static Optional<VerifyReport> read(Path file) {
        String text;
        try {
            text = InputFile.readString(file, InputFile.REPORT);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read verify report: " + FileErrors.reason(e));
        }
        return Optional.of(parse(file.toString(), text));
    }

    /**
     * Parses report text; {@code source} names it in messages.
     *
     * @param source the report's name for messages
     * @param text the report's JSON text
     * @return the report
     */
    public static VerifyReport parse(String source, String text) {
        JsonNode root = JsonInput.parse(source, text);
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw new IllegalArgumentException(source + ": not a verify report: expected an object with a "
                    + "\"results\" array, as written by 'modelcards verify'");
        }
        List<Result> results = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("results")) {
            if (!r.isObject() || !r.path("handle").isTextual()) {
                throw new IllegalArgumentException(source + ": results[" + i + "] has no \"handle\" string");
            }
            String model = text(r.get("model"));
            String file = fileName(model);
            String error = text(r.get("error"));
            if (!model.isEmpty() && !model.equals(file)) {
                error = error.replace(model, file);
            }
            results.add(new Result(r.get("handle").asText(), file, text(r.get("model_sha256")), text(r.get("status")),
                    fields(r.get("declared")), fields(r.get("actual")), sentences(r.get("mismatches")),
                    sentences(r.get("warnings")), error, object(r.get("declared")), object(r.get("actual")),
                    mismatchFields(r.get("mismatches"))));
            i++;
        }
        // 'modelcards verify' writes {"check": {"date", "onnxruntime_version"}, "summary", "results"}.
        JsonNode check = root.path("check");
        return new VerifyReport(source, first(check, "date"), first(check, "onnxruntime_version"),
                List.copyOf(results));
    }

    /**
     * The result for this model: one for exactly this handle and version, else one for the variant
     * (a handle without version, or another version of it).
     *
     * @param m the model version
     * @return its result, or empty when the report has none
     */
    public Optional<Result> resultFor(ModelVersion m) {
        Optional<Result> exact = results.stream().filter(r -> r.handle().equals(m.handle())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String base = m.variant().handle();
        return results.stream().filter(r -> r.handle().equals(base) || r.handle().startsWith(base + "/")).findFirst();
    }

    private static String first(JsonNode root, String... keys) {
        for (String k : keys) {
            if (root.hasNonNull(k)) {
                return text(root.get(k));
            }
        }
        return "";
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static Map<String, String> fields(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), e.getKey().endsWith("_shape") ? shape(e.getValue()) : text(e.getValue()));
            }
        }
        return m;
    }

    /**
     * A shape as the cards print it, {@code [batch, 224, 224, 3]}. A symbolic dimension is {@code null} in the
     * report; reports written before that convention have -1, read the same way.
     */
    private static String shape(JsonNode n) {
        if (n == null || !n.isArray()) {
            return text(n);
        }
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode d = n.get(i);
            boolean symbolic = d.isNull() || (d.isIntegralNumber() && d.asLong() < 0);
            dims.add(symbolic ? (i == 0 ? "batch" : "?") : text(d));
        }
        return "[" + String.join(", ", dims) + "]";
    }

    /** A list of sentences: strings as they are, objects ({@code verify}'s mismatches) by their message. */
    private static List<String> sentences(JsonNode n) {
        List<String> l = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> l.add(x.isObject() && x.path("message").isTextual() ? x.get("message").asText() : text(x)));
        }
        return List.copyOf(l);
    }

    /**
     * The check each mismatch reports: its {@code field}; reports written before mismatches were objects have
     * only the sentence, {@code <handle>: <field>: declared ..., model has ...}, whose second part it is.
     */
    private static List<String> mismatchFields(JsonNode n) {
        List<String> l = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode x : n) {
                if (x.isObject() && x.path("field").isTextual()) {
                    l.add(x.get("field").asText());
                } else {
                    String[] parts = text(x).split(": ", 3);
                    l.add(parts.length == 3 ? parts[1] : "");
                }
            }
        }
        return List.copyOf(l);
    }

    /**
     * A copy of a declared or actual object, with a symbolic dimension as {@code null} in every shape even where
     * an earlier report wrote -1, so the panel reads one convention.
     */
    private static JsonNode object(JsonNode n) {
        if (n == null || !n.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode copy = n.deepCopy();
        copy.properties().forEach(e -> {
            if (e.getKey().endsWith("_shape") && e.getValue().isArray()) {
                ArrayNode dims = (ArrayNode) e.getValue();
                for (int i = 0; i < dims.size(); i++) {
                    if (dims.get(i).isIntegralNumber() && dims.get(i).asLong() < 0) {
                        dims.set(i, NullNode.getInstance());
                    }
                }
            }
        });
        return copy;
    }

    /** The last segment of a path written on any platform: the panel never shows the checking machine's folders. */
    static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }
}
