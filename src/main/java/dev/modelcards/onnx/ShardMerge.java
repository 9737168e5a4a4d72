package dev.modelcards.onnx;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.modelcards.JsonInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the JSON reports of {@code verify --shard I/N} into the report one unsharded run over the same
 * selection writes: the results of every shard, sorted by handle, the summary counted over all of them, no
 * shard stamp. The one field of a report that belongs to a run rather than to the models, {@code check}, merges
 * as follows: {@code date} is the latest shard's (a single run records the day it finished), and
 * {@code onnxruntime_version} must be the same in every shard (a report names one).
 *
 * <p>Refused, with one line naming the reports: a report that is not a shard report or was edited; shards of
 * different runs (another N, catalog, filter, models folder or modelcards version); a part given twice; a
 * missing part (named {@code I/N}); two shards with results for one handle; parts whose results do not add up
 * to the selection the stamps fingerprint.
 */
public final class ShardMerge {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ShardMerge() {
    }

    /**
     * One report to merge.
     *
     * @param name names it in messages, e.g. its file
     * @param text its JSON text
     */
    public record Input(String name, String text) {
    }

    /** A parsed shard report and where it came from. */
    private record Part(String name, JsonReport.Document doc) {
        ShardStamp stamp() {
            return doc.shard();
        }
    }

    /**
     * The merged report.
     *
     * @param reports the shard reports, one per part, in any order
     * @return the document a single run would have written (its {@code shard} is null)
     * @throws IllegalArgumentException with one line saying which reports do not merge and why
     */
    public static JsonReport.Document merge(List<Input> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no shard reports to merge");
        }
        List<Part> parts = new ArrayList<>();
        for (Input in : reports) {
            parts.add(parse(in));
        }
        Part first = parts.get(0);
        for (Part p : parts.subList(1, parts.size())) {
            sameRun(first, p);
        }
        complete(parts);
        List<VerifyResult> all = new ArrayList<>();
        Map<String, Part> owner = new HashMap<>();
        for (Part p : parts) {
            for (VerifyResult r : p.doc().results()) {
                Part other = owner.putIfAbsent(r.handle(), p);
                if (other == p) {
                    throw new IllegalArgumentException(p.name() + " has two results for " + r.handle());
                }
                if (other != null) {
                    throw new IllegalArgumentException(other.name() + " (shard " + other.stamp().label() + ") and "
                            + p.name() + " (shard " + p.stamp().label() + ") both have a result for " + r.handle()
                            + ": shards must be disjoint; run every shard with the same --models folder or cache");
                }
                all.add(r);
            }
        }
        all.sort(Comparator.comparing(VerifyResult::handle));
        ShardStamp s = first.stamp();
        long models = all.stream().filter(r -> !r.notApplicable()).count();
        if (!ShardStamp.fingerprint(all).equals(s.selection())) {
            throw new IllegalArgumentException("the results of " + String.join(", ", parts.stream().map(Part::name).toList())
                    + " do not add up to the selection they were dealt from ("
                    + s.models() + " models and " + s.deployments() + " deployment cards expected, " + models + " and "
                    + (all.size() - models) + " found): run every shard with the same --models folder or cache");
        }
        String date = parts.stream().map(p -> p.doc().check().date()).max(Comparator.naturalOrder()).orElseThrow();
        JsonReport.Check check = new JsonReport.Check(date, first.doc().check().onnxruntimeVersion());
        return new JsonReport.Document(check, JsonReport.Summary.of(all), List.copyOf(all));
    }

    /** Parses one report, which must be a shard report exactly as {@code verify --shard} wrote it. */
    private static Part parse(Input in) {
        if (JsonInput.parse(in.name(), in.text()) == null) {
            throw new IllegalArgumentException(in.name() + ": empty; expected the JSON report of 'modelcards verify --shard I/N'");
        }
        JsonReport.Document doc;
        try {
            doc = READER.readValue(in.text(), JsonReport.Document.class);
        } catch (JsonMappingException e) {
            // field names come from the file: shown with control characters escaped, on one line
            throw new IllegalArgumentException(in.name() + ": not a verify report: "
                    + dev.modelcards.catalog.Hints.printable(why(e) + where(e)));
        } catch (IOException e) {
            throw new IllegalArgumentException(in.name() + ": not a verify report: unreadable JSON");
        }
        if (doc.results() == null || doc.check() == null || doc.summary() == null) {
            throw new IllegalArgumentException(in.name() + ": not a verify report: expected \"check\", \"summary\" and "
                    + "\"results\" as 'modelcards verify' writes them");
        }
        if (doc.results().contains(null) || doc.results().stream().anyMatch(r -> r.handle() == null || r.status() == null)
                || doc.check().date() == null) {
            throw new IllegalArgumentException(in.name() + ": not a verify report: every result needs a \"handle\" and a "
                    + "\"status\", and \"check\" a \"date\"");
        }
        if (doc.shard() == null) {
            throw new IllegalArgumentException(in.name() + " is not a shard report: it has no \"shard\" stamp "
                    + "(written by 'modelcards verify' without --shard I/N), so it is a whole run already");
        }
        // Byte-identity of the merged report rests on each part being what verify wrote: an edited part (or one
        // that a different modelcards wrote in another layout) would not survive the round trip.
        if (doc.shard().selection() == null || doc.shard().modelcardsVersion() == null || !roundTrips(doc, in.text())) {
            throw new IllegalArgumentException(in.name() + ": not exactly as 'modelcards verify --shard' wrote it "
                    + "(edited, or reformatted); merge needs the shard reports unchanged");
        }
        ShardStamp s = doc.shard();
        if (s.of() < 1 || s.part() < 1 || s.part() > s.of()) {
            throw new IllegalArgumentException(in.name() + ": shard " + s.label() + " is not a part I/N with 1 ≤ I ≤ N");
        }
        return new Part(in.name(), doc);
    }

    /** Whether {@code doc} renders back to {@code text}: false for anything verify would not have written. */
    private static boolean roundTrips(JsonReport.Document doc, String text) {
        try {
            return JsonReport.render(doc.results(), doc.check(), doc.shard()).equals(text);
        } catch (RuntimeException e) {
            return false; // e.g. a result of an unknown status, which no summary counts
        }
    }

    /** Refuses {@code p} unless it is a part of the same run as {@code first}. */
    private static void sameRun(Part first, Part p) {
        ShardStamp a = first.stamp();
        ShardStamp b = p.stamp();
        String both = first.name() + " (shard " + a.label() + ") and " + p.name() + " (shard " + b.label() + ")";
        if (a.of() != b.of()) {
            throw new IllegalArgumentException(both + " are parts of different runs: one was dealt into " + a.of()
                    + " shards, the other into " + b.of());
        }
        if (!a.modelcardsVersion().equals(b.modelcardsVersion())) {
            throw new IllegalArgumentException(both + " were written by different modelcards versions ("
                    + a.modelcardsVersion() + ", " + b.modelcardsVersion() + "); run every shard with the same one");
        }
        if (!a.selection().equals(b.selection()) || a.models() != b.models() || a.deployments() != b.deployments()) {
            throw new IllegalArgumentException(both + " are shards of different selections or catalogs (" + a.models()
                    + " models, " + a.selection().substring(0, Math.min(19, a.selection().length())) + "… against "
                    + b.models() + " models, " + b.selection().substring(0, Math.min(19, b.selection().length()))
                    + "…): run every shard with the same catalog, filters and options");
        }
        String ortA = first.doc().check().onnxruntimeVersion();
        String ortB = p.doc().check().onnxruntimeVersion();
        if (!String.valueOf(ortA).equals(String.valueOf(ortB))) {
            throw new IllegalArgumentException(both + " were checked with different onnxruntime versions (" + ortA
                    + ", " + ortB + "); a report names one: run every shard with the same modelcards build");
        }
    }

    /** Refuses a part given twice and names every missing part. */
    private static void complete(List<Part> parts) {
        int of = parts.get(0).stamp().of();
        Map<Integer, Part> byPart = new TreeMap<>();
        for (Part p : parts) {
            Part twice = byPart.putIfAbsent(p.stamp().part(), p);
            if (twice != null) {
                throw new IllegalArgumentException("shard " + p.stamp().label() + " given twice: " + twice.name()
                        + " and " + p.name());
            }
        }
        List<String> missing = new ArrayList<>();
        long absent = (long) of - byPart.size();
        // name the first few: N comes from the reports, and a message must stay one readable line
        for (int i = 1; i <= of && missing.size() < 5; i++) {
            if (!byPart.containsKey(i)) {
                missing.add(i + "/" + of);
            }
        }
        if (absent > missing.size()) {
            missing.add("and " + (absent - missing.size()) + " more");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((absent == 1 ? "missing shard " : "missing shards ")
                    + String.join(", ", missing) + ": give the reports of all " + of + " shards (got "
                    + byPart.values().stream().map(p -> p.stamp().label() + " " + p.name()).toList().toString()
                    .replaceAll("^\\[|\\]$", "") + ")");
        }
    }

    /** {@code  (in results[3].status)}, from Jackson's path; empty at the top. */
    private static String where(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "" : " (in " + b + ")";
    }

    /** What is wrong, in the report's terms (Jackson's own text names Java classes). */
    private static String why(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"";
        }
        return "a value of the wrong type or a missing value";
    }
}
