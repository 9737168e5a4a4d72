package dev.modelcards.onnx;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One verify run: groups the selected models by file (versions share files), keeps this shard's files, and
 * verifies them one after the other: prepare (build if fresh), load once, check every version; the next file is
 * prepared and read on a second thread meanwhile ({@link ReadAhead}). Deployment child cards (TF.js) have no file:
 * they are listed as {@link VerifyResult#NOT_APPLICABLE}, by the first shard.
 */
public final class VerifyRun {
    /**
     * The files to verify and which published models use each, sorted by path, and the deployments listed
     * without a file.
     *
     * @param files       file → models using it
     * @param deployments deployment child cards, reported as not applicable
     */
    public record Plan(Map<Path, List<ModelVersion>> files, List<Deployment> deployments) {
        /**
         * A plan without deployments.
         *
         * @param files file → models using it
         */
        public Plan(Map<Path, List<ModelVersion>> files) {
            this(files, List.of());
        }

        /** {@return the number of published models covered} */
        public int models() {
            return files.values().stream().mapToInt(List::size).sum();
        }
    }

    private VerifyRun() {
    }

    /**
     * Groups {@code models} by file and keeps shard {@code shard} of {@code shards} (1-based; files are dealt
     * round-robin in path order so shards stay balanced and disjoint).
     *
     * @param models the published models to verify
     * @param source where their files are
     * @param shard this shard's number, from 1
     * @param shards how many shards there are
     * @return this shard's files
     */
    public static Plan plan(List<ModelVersion> models, ModelSource source, int shard, int shards) {
        return plan(models, List.of(), source, shard, shards);
    }

    /**
     * As {@link #plan(List, ModelSource, int, int)}, and lists {@code deployments} as not applicable in the first
     * shard (they have no file to deal out; every shard's report stays disjoint).
     *
     * @param models the published models to verify
     * @param deployments the deployments to list
     * @param source where the models' files are
     * @param shard this shard's number, from 1
     * @param shards how many shards there are
     * @return this shard's files and deployments
     */
    public static Plan plan(List<ModelVersion> models, List<Deployment> deployments, ModelSource source, int shard,
                            int shards) {
        if (shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("shard must be I/N with 1 ≤ I ≤ N; got " + shard + "/" + shards);
        }
        Map<Path, List<ModelVersion>> byFile = new TreeMap<>(Comparator.comparing(Path::toString));
        for (ModelVersion m : models) {
            byFile.computeIfAbsent(source.fileFor(m), p -> new ArrayList<>()).add(m);
        }
        Map<Path, List<ModelVersion>> mine = new TreeMap<>(Comparator.comparing(Path::toString));
        int i = 0;
        for (Map.Entry<Path, List<ModelVersion>> e : byFile.entrySet()) {
            if (i++ % shards == shard - 1) {
                mine.put(e.getKey(), List.copyOf(e.getValue()));
            }
        }
        return new Plan(mine, shard == 1 ? List.copyOf(deployments) : List.of());
    }

    /**
     * Verifies every file of {@code plan}; {@code afterFile} sees each file's results as soon as they exist.
     *
     * @param plan what to verify
     * @param source where the files are; prepares each just before it is read (one file ahead of the one
     *               onnxruntime is running, on a second thread)
     * @param verifier the verifier
     * @param afterFile told of each file's results
     * @return all results, the plan's deployments as not applicable included, sorted by handle
     */
    public static List<VerifyResult> execute(Plan plan, ModelSource source, Verifier verifier,
                                             Consumer<List<VerifyResult>> afterFile) {
        List<VerifyResult> all = new ArrayList<>();
        List<Map.Entry<Path, List<ModelVersion>>> files = List.copyOf(plan.files().entrySet());
        try (ReadAhead ahead = new ReadAhead(source)) {
            // one file ahead: the next file is read and measured while onnxruntime works on this one
            Future<ModelInspection> next = files.isEmpty() ? null : start(ahead, files.get(0));
            for (int i = 0; i < files.size(); i++) {
                ModelInspection current = ReadAhead.await(next);
                next = i + 1 < files.size() ? start(ahead, files.get(i + 1)) : null;
                List<VerifyResult> r = verifier.verify(current, files.get(i).getValue());
                all.addAll(r);
                afterFile.accept(r);
            }
        }
        plan.deployments().forEach(d -> all.add(VerifyResult.notApplicable(d)));
        all.sort(Comparator.comparing(VerifyResult::handle));
        return all;
    }

    private static Future<ModelInspection> start(ReadAhead ahead, Map.Entry<Path, List<ModelVersion>> file) {
        return ahead.start(file.getKey(), file.getValue().get(0).variant());
    }
}
