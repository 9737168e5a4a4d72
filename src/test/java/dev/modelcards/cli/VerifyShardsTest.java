package dev.modelcards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code verify --shard I/N} on three "machines", then {@code verify merge}: the merged JSON and JUnit reports are
 * byte for byte the ones one unsharded run writes, failures included; parts that do not make a whole are refused
 * and nothing is written.
 */
class VerifyShardsTest {
    private static final Path DIR = Path.of("target", "test-models", "shards");
    private static final Path MODELS = DIR.resolve("models");
    /** V1 0.25 at 128 and 160 px: float and quantops, both heads: 8 small files, several versions each, TF.js cards. */
    private static final List<String> FILTERS = List.of("mobilenet_v1_025_128", "mobilenet_v1_025_160");

    private static CliRun whole;
    private static String day;

    @BeforeAll
    static void exportAndRunWholeAndShards() throws Exception {
        CliRun export = CliRun.of(args("export", "--out", MODELS.toString()));
        assertThat(export.exit()).as(export.err()).isZero();
        // one model unreadable and one of the wrong size: the merge must carry errors and failures too
        Files.delete(MODELS.resolve("mobilenet_v1_025_160-feature_vector.onnx"));
        Files.copy(MODELS.resolve("mobilenet_v1_025_160-classification.onnx"),
                MODELS.resolve("mobilenet_v1_025_128-classification.onnx"), StandardCopyOption.REPLACE_EXISTING);
        day = today();
        whole = CliRun.of(args("verify", "--models", MODELS.toString(), "--report", DIR.resolve("whole.json").toString(),
                "--junit", DIR.resolve("whole.xml").toString()));
        for (int i = 1; i <= 3; i++) {
            CliRun shard = CliRun.of(args("verify", "--models", MODELS.toString(), "--shard", i + "/3",
                    "--report", DIR.resolve("shard" + i + ".json").toString(),
                    "--junit", DIR.resolve("shard" + i + ".xml").toString()));
            assertThat(shard.err()).as("shard " + i).isEmpty();
        }
    }

    @Test
    void threeMergedShardsAreTheReportsOfOneRun() throws Exception {
        assertThat(whole.exit()).as("the selection has an error and a mismatch").isEqualTo(1);
        assertThat(whole.out()).contains("4 mismatch, 4 error");
        for (int i = 1; i <= 3; i++) {
            assertThat(Files.readString(DIR.resolve("shard" + i + ".json")))
                    .as("every shard got files").contains("\"status\" : \"ok\"").contains("\"part\" : " + i + ",");
        }
        Path json = DIR.resolve("merged.json");
        Path xml = DIR.resolve("merged.xml");
        CliRun merge = CliRun.of("verify", "merge", shard(3), shard(1), shard(2), "--report", json.toString(), "--junit",
                xml.toString());
        assertThat(merge.exit()).as("as the single run: " + merge.err()).isEqualTo(whole.exit());
        assertThat(merge.err()).isEmpty();
        String summary = whole.out().lines().filter(l -> l.contains(" models in ")).findFirst().orElseThrow();
        assertThat(merge.out().strip()).isEqualTo("merged 3 shard reports: " + summary);
        String expected = Files.readString(DIR.resolve("whole.json"));
        String merged = Files.readString(json);
        if (!today().equals(day)) {
            // the runs crossed midnight UTC: the only run-dependent field, the check day, may then differ
            merged = merged.replaceFirst("\"date\" : \"[0-9-]+\"", "\"date\" : \"-\"");
            expected = expected.replaceFirst("\"date\" : \"[0-9-]+\"", "\"date\" : \"-\"");
        }
        assertThat(merged).isEqualTo(expected).doesNotContain("\"shard\"");
        assertThat(Files.readString(xml)).isEqualTo(Files.readString(DIR.resolve("whole.xml")));
    }

    @Test
    void partsThatDoNotMakeAWholeAreRefusedAndNothingIsWritten() throws Exception {
        Path out = DIR.resolve("refused.json");
        Files.deleteIfExists(out);
        CliRun missing = CliRun.of("verify", "merge", shard(1), shard(3), "--report", out.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: missing shard 2/3: give the reports of all 3 shards");
        CliRun twice = CliRun.of("verify", "merge", shard(1), shard(2), shard(2), shard(3), "--report", out.toString());
        assertThat(twice.err().strip()).isEqualTo("error: shard 2/3 given twice: " + shard(2) + " and " + shard(2));
        CliRun unsharded = CliRun.of("verify", "merge", DIR.resolve("whole.json").toString(), "--report", out.toString());
        assertThat(unsharded.exit()).isEqualTo(1);
        assertThat(unsharded.err()).contains("whole.json is not a shard report");
        CliRun other = CliRun.of("verify", "--models", MODELS.toString(), "--shard", "2/3", "--report",
                DIR.resolve("other2.json").toString(), "mobilenet_v1_025_128");
        assertThat(other.err()).isEmpty();
        CliRun mixed = CliRun.of("verify", "merge", shard(1), DIR.resolve("other2.json").toString(), shard(3),
                "--report", out.toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.err()).contains("are shards of different selections or catalogs");
        CliRun absent = CliRun.of("verify", "merge", shard(1), DIR.resolve("nowhere.json").toString());
        assertThat(absent.exit()).isEqualTo(1);
        assertThat(absent.err()).contains("nowhere.json").doesNotContain("Exception");
        assertThat(out).doesNotExist();
        CliRun usage = CliRun.of("verify", "merge");
        assertThat(usage.exit()).as("no report is a usage error").isEqualTo(2);
    }

    private static String shard(int i) {
        return DIR.resolve("shard" + i + ".json").toString();
    }

    private static String[] args(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(FILTERS);
        return a.toArray(String[]::new);
    }

    private static String today() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        return epoch != null ? "fixed" : LocalDate.now(ZoneOffset.UTC).toString();
    }
}
