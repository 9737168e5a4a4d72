package dev.modelcards.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardMerge} on reports rendered from made-up results (no onnxruntime): what merges, how the check date
 * merges, and one clear line for every way parts fail to make a whole.
 */
class ShardMergeTest {
    private static final Registry REGISTRY = Registry.load();
    private static final Selection.Picked PICKED = Selection.pick(REGISTRY, List.of("mobilenet_v2_035_96"));
    private static final JsonReport.Check CHECK = new JsonReport.Check("2026-01-02", "1.29.0");

    @Test
    void partsInAnyOrderMergeIntoTheWholeRunAndTheLatestDayIsTheCheckDay() {
        List<VerifyResult> all = results(PICKED);
        List<String> parts = shards(PICKED, all, 3, CHECK);
        JsonReport.Document merged = ShardMerge.merge(inputs(parts.get(2), parts.get(0), parts.get(1)));
        assertThat(JsonReport.render(merged.results(), merged.check())).isEqualTo(JsonReport.render(all, CHECK));
        assertThat(merged.shard()).isNull();

        List<String> late = new ArrayList<>(parts);
        late.set(1, JsonReport.render(part(all, 2, 3), new JsonReport.Check("2026-01-03", "1.29.0"),
                ShardStamp.of(PICKED.models(), PICKED.deployments(), 2, 3)));
        assertThat(ShardMerge.merge(inputs(late.toArray(String[]::new))).check().date()).isEqualTo("2026-01-03");
    }

    @Test
    void missingAndRepeatedPartsAreNamed() {
        List<String> parts = shards(PICKED, results(PICKED), 4, CHECK);
        assertThatThrownBy(() -> ShardMerge.merge(inputs(parts.get(0), parts.get(2))))
                .hasMessage("missing shards 2/4, 4/4: give the reports of all 4 shards (got 1/4 s1.json, 3/4 s2.json)");
        assertThatThrownBy(() -> ShardMerge.merge(inputs(parts.get(0), parts.get(1), parts.get(1), parts.get(2), parts.get(3))))
                .hasMessage("shard 2/4 given twice: s2.json and s3.json");
    }

    @Test
    void partsOfDifferentRunsAreRefused() {
        List<VerifyResult> all = results(PICKED);
        List<String> three = shards(PICKED, all, 3, CHECK);
        List<String> two = shards(PICKED, all, 2, CHECK);
        assertThatThrownBy(() -> ShardMerge.merge(inputs(three.get(0), two.get(1), three.get(2))))
                .hasMessage("s1.json (shard 1/3) and s2.json (shard 2/2) are parts of different runs: one was dealt "
                        + "into 3 shards, the other into 2");

        Selection.Picked fewer = Selection.pick(REGISTRY, List.of("mobilenet_v2_035_96/classification"));
        List<String> other = shards(fewer, results(fewer), 3, CHECK);
        assertThatThrownBy(() -> ShardMerge.merge(inputs(three.get(0), other.get(1), three.get(2))))
                .hasMessageStartingWith("s1.json (shard 1/3) and s2.json (shard 2/3) are shards of different selections "
                        + "or catalogs (" + PICKED.models().size() + " models, sha256:");

        List<String> otherRuntime = shards(PICKED, all, 3, new JsonReport.Check("2026-01-02", "1.28.0"));
        assertThatThrownBy(() -> ShardMerge.merge(inputs(three.get(0), otherRuntime.get(1), three.get(2))))
                .hasMessage("s1.json (shard 1/3) and s2.json (shard 2/3) were checked with different onnxruntime "
                        + "versions (1.29.0, 1.28.0); a report names one: run every shard with the same modelcards build");
    }

    @Test
    void overlappingOrIncompletePartsAreRefused() {
        List<VerifyResult> all = results(PICKED);
        List<String> parts = shards(PICKED, all, 2, CHECK);
        // shards dealt by different models folders: the same handle in two parts
        String overlapping = JsonReport.render(List.of(part(all, 2, 2).get(0), part(all, 1, 2).get(0)), CHECK,
                ShardStamp.of(PICKED.models(), PICKED.deployments(), 2, 2));
        assertThatThrownBy(() -> ShardMerge.merge(inputs(parts.get(0), overlapping)))
                .hasMessage("s1.json (shard 1/2) and s2.json (shard 2/2) both have a result for " + all.get(0).handle()
                        + ": shards must be disjoint; run every shard with the same --models folder or cache");
        List<VerifyResult> short2 = part(all, 2, 2).subList(1, part(all, 2, 2).size());
        String incomplete = JsonReport.render(short2, CHECK, ShardStamp.of(PICKED.models(), PICKED.deployments(), 2, 2));
        assertThatThrownBy(() -> ShardMerge.merge(inputs(parts.get(0), incomplete)))
                .hasMessageStartingWith("the results of s1.json, s2.json do not add up to the selection they were dealt from (");
    }

    @Test
    void reportsThatAreNotUntouchedShardReportsAreRefused() {
        List<VerifyResult> all = results(PICKED);
        String part = shards(PICKED, all, 2, CHECK).get(0);
        assertThatThrownBy(() -> ShardMerge.merge(inputs(JsonReport.render(all, CHECK))))
                .hasMessageStartingWith("s1.json is not a shard report: it has no \"shard\" stamp");
        assertThatThrownBy(() -> ShardMerge.merge(inputs(part.replaceFirst("\"status\" : \"ok\"", "\"status\" : \"mismatch\""))))
                .hasMessage("s1.json: not exactly as 'modelcards verify --shard' wrote it (edited, or reformatted); "
                        + "merge needs the shard reports unchanged");
        assertThatThrownBy(() -> ShardMerge.merge(inputs(part.replaceFirst("\"status\"", "\"state\""))))
                .hasMessage("s1.json: not a verify report: unknown field \"state\" (in results[0].state)");
        assertThatThrownBy(() -> ShardMerge.merge(inputs("{\"check\": ")))
                .hasMessageStartingWith("s1.json:1:").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ShardMerge.merge(inputs("[]"))).hasMessageStartingWith("s1.json: not a verify report")
                .hasMessageNotContaining("dev.modelcards").hasMessageNotContaining("Exception");
    }

    /** One made-up verdict per selected model (ok, the catalog's declaration) and deployment, sorted by handle. */
    private static List<VerifyResult> results(Selection.Picked picked) {
        List<VerifyResult> out = new ArrayList<>();
        for (ModelVersion m : picked.models()) {
            Declared d = Declared.of(m.variant());
            out.add(new VerifyResult(m.handle(), "models/" + m.variant().handle().replace('/', '_') + ".onnx",
                    VerifyResult.OK, d, null, List.of(), d.warnings(), null));
        }
        for (Deployment d : picked.deployments()) {
            out.add(VerifyResult.notApplicable(d));
        }
        out.sort(java.util.Comparator.comparing(VerifyResult::handle));
        return out;
    }

    /** Part {@code i} of {@code n}: every n-th result (the merge does not care how they were dealt). */
    private static List<VerifyResult> part(List<VerifyResult> all, int i, int n) {
        List<VerifyResult> out = new ArrayList<>();
        for (int k = i - 1; k < all.size(); k += n) {
            out.add(all.get(k));
        }
        return out;
    }

    private static List<String> shards(Selection.Picked picked, List<VerifyResult> all, int n, JsonReport.Check check) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(JsonReport.render(part(all, i, n), check, ShardStamp.of(picked.models(), picked.deployments(), i, n)));
        }
        return out;
    }

    private static List<ShardMerge.Input> inputs(String... texts) {
        List<ShardMerge.Input> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(new ShardMerge.Input("s" + (i + 1) + ".json", texts[i]));
        }
        return out;
    }
}
