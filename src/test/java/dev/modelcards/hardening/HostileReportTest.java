package dev.modelcards.hardening;

import static dev.modelcards.hardening.HostileInputs.showsJavaInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcards.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read back: the verify report of {@code docs --verify-report} and the {@code manifest.json} of a models
 * folder ({@code verify --models}, {@code export --out}). Not a regular file, too big, not UTF-8, JSON beyond the
 * parser's limits: one line naming the file (and the limit), exit 1, no Java exception name, nothing written.
 */
class HostileReportTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    @BeforeAll
    static void warmUp() {
        CliRun.of("docs", "--help");
        CliRun.of("verify", "--help");
        // the refusals below come after the catalog is loaded, the selection made and (for manifests) Jackson
        // loaded: pay that class loading here, so that the one-second budget is the refusal's own (the first
        // refusal took 1.1-1.7 s at a load average of 15 otherwise)
        try {
            Path warm = Files.createTempDirectory("hostile-report-warm-up");
            Files.writeString(warm.resolve("manifest.json"), "not json");
            CliRun.of("verify", "--models", warm.toString(), "mobilenet_v1_025_128");
            Files.delete(warm.resolve("manifest.json"));
            Files.delete(warm);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String docsRefused(Path report) {
        Path out = tmp.resolve("models");
        CliRun r = assertTimeoutPreemptively(SECOND, () -> CliRun.of("docs", "--verify-report", report.toString(),
                "--cards", tmp.resolve("cards").toString(), "--out", out.toString()),
                "docs --verify-report " + report + " must answer within a second");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("error: ").contains(report.toString());
        assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
        assertThat(out).doesNotExist();
        return r.err().strip();
    }

    @Test
    void reportsThatAreNoRegularFilesAreRefused() {
        Path fifo = HostileInputs.fifo(tmp, "report.json");
        try {
            assertThat(docsRefused(fifo)).contains("FIFO").contains("16 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
        assertThat(docsRefused(Path.of("/dev/zero"))).contains("character device").contains("16 MiB");
        assertThat(docsRefused(HostileInputs.sparse(tmp, "big.json", (16L << 20) + 1))).contains("16777217 bytes")
                .contains("16 MiB");
    }

    @Test
    void reportsBeyondTheJsonParsersLimitsAreRefusedWithAPlace() throws IOException {
        Path number = Files.writeString(tmp.resolve("number.json"), "{\"results\": [" + "1".repeat(1200) + "]}");
        assertThat(docsRefused(number)).contains("number.json:1:").contains("not valid JSON").contains("1000");
        Path deep = Files.writeString(tmp.resolve("deep.json"), "{\"results\": " + "[".repeat(2000));
        assertThat(docsRefused(deep)).contains("deep.json:1:").contains("not valid JSON").contains("nesting");
        Path latin1 = Files.write(tmp.resolve("latin1.json"), "{\"results\": [], \"x\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(docsRefused(latin1)).contains("UTF-8");
    }

    // ---- generated cards read back by docs --cards ---------------------------------------------------------

    /** {@code docs} with one card of {@code --cards} replaced by {@code card}: refused naming it, nothing written. */
    private String docsRefusedCard(java.util.function.Function<Path, Path> card) throws IOException {
        Path cards = tmp.resolve("cards");
        Path file = cards.resolve("google/imagenet/mobilenet_v1_025_128/classification/3.md");
        Files.createDirectories(file.getParent());
        Path bad = card.apply(file);
        Path out = tmp.resolve("models");
        try {
            // docs renders every card's history before it reads the cards: a minute is generous, a FIFO is forever
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("docs", "--cards",
                    cards.toString(), "--out", out.toString()),
                    "docs --cards with " + bad + " must end");
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("error: ").contains(bad.toString());
            assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
            assertThat(out).doesNotExist();
            return r.err().strip();
        } finally {
            if (Files.exists(bad) && !Files.isRegularFile(bad)) {
                HostileInputs.release(bad);
            }
            Files.deleteIfExists(bad);
        }
    }

    @Test
    void cardsThatAreNoRegularFilesOrTooBigOrNoTextAreRefused() throws IOException {
        assertThat(docsRefusedCard(f -> HostileInputs.fifo(f.getParent(), f.getFileName().toString())))
                .contains("FIFO").contains("1 MiB");
        assertThat(docsRefusedCard(f -> HostileInputs.sparse(f.getParent(), f.getFileName().toString(),
                (1L << 20) + 1))).contains("1048577 bytes").contains("1 MiB");
        assertThat(docsRefusedCard(f -> HostileInputs.write(f.getParent(), f.getFileName().toString(),
                "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)))).contains("cannot read card").contains("UTF-8");
    }

    // ---- manifest.json of a models folder ----------------------------------------------------------------

    private String verifyRefused(Path dir) {
        CliRun r = assertTimeoutPreemptively(SECOND, () -> CliRun.of("verify", "--models", dir.toString(),
                "mobilenet_v1_025_128"), "verify --models " + dir + " must answer within a second");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("error: ")
                .contains(dir.resolve("manifest.json").toString());
        assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
        assertThat(r.out()).as("nothing verified").doesNotContain("ok ").doesNotContain("error ");
        return r.err().strip();
    }

    @Test
    void manifestsThatAreNoRegularFilesOrTooBigAreRefused() throws IOException {
        Path fifoDir = Files.createDirectories(tmp.resolve("fifo"));
        Path fifo = HostileInputs.fifo(fifoDir, "manifest.json");
        try {
            assertThat(verifyRefused(fifoDir)).contains("FIFO").contains("4 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
        Path bigDir = Files.createDirectories(tmp.resolve("big"));
        HostileInputs.sparse(bigDir, "manifest.json", (4L << 20) + 1);
        assertThat(verifyRefused(bigDir)).contains("4194305 bytes").contains("4 MiB");
    }

    @Test
    void manifestsBeyondTheJsonParsersLimitsAreRefusedWithAPlace() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("number"));
        Files.writeString(dir.resolve("manifest.json"), "{\"models\": {\"a\": " + "9".repeat(1500) + "}}");
        assertThat(verifyRefused(dir)).contains("manifest.json:1:").contains("not valid JSON");
    }
}
