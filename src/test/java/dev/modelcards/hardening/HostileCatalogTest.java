package dev.modelcards.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcards.LookupException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.Diagnostic;
import dev.modelcards.catalog.Hints;
import dev.modelcards.catalog.Specs;
import dev.modelcards.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Hostile catalogs, one test each: every one is rejected with a located, readable error (no stack
 * trace, also through {@code modelcards validate}), within 2 s and a bounded allocation budget; the
 * benign oddities (BOM, CRLF, injection-shaped text) load as plain data.
 */
class HostileCatalogTest {
    static final AtomicBoolean CANARY = new AtomicBoolean();

    /** Generous for a catalog (the real one allocates ~20 MB to load) yet far below what a bomb needs. */
    private static final long ALLOCATION_BUDGET = 256L << 20;
    private static final Duration TIME_BUDGET = Duration.ofSeconds(2);
    private static final String V2 = "mobilenet_v2.yaml";

    @TempDir
    Path tmp;

    @Test
    void billionLaughsAliasBombIsRejected() {
        StringBuilder y = new StringBuilder("family: mobilenet_v2\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String ref = "*l" + (i - 1);
            y.append("lol").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, ref))).append("]\n");
        }
        List<Diagnostic> d = rejected(Map.of(V2, bytes(y.toString())));
        assertThat(messages(d)).contains("aliases").contains("fuzz/" + V2 + ":1:1");
    }

    @Test
    void aliasedVariantMatrixCannotMultiplyIntoMillionsOfVariants() {
        StringBuilder y = new StringBuilder(CatalogFiles.text(V2).replaceAll("(?s)\nvariants:.*?\n\n", "\nvariants:\n"));
        StringBuilder ms = new StringBuilder();
        for (int i = 1; i < 1000; i++) {
            ms.append(i == 1 ? "" : ", ").append(String.format("%d.%02d", i / 100, i % 100));
        }
        StringBuilder rs = new StringBuilder();
        for (int r = 8; r <= 8192; r += 8) {
            rs.append(r == 8 ? "" : ", ").append(r);
        }
        String groups = "  - {multipliers: &m [" + ms + "], resolutions: &r [" + rs + "]}\n"
                + "  - {multipliers: *m, resolutions: *r}\n".repeat(24);
        String text = y.toString().replace("\nvariants:\n", "\nvariants:\n" + groups + "\n");
        List<Diagnostic> d = rejected(Map.of(V2, bytes(text)));
        assertThat(messages(d)).contains("more than 10000 variants");
    }

    @Test
    void fiftyMegabyteFileIsRejectedWithoutReadingIt() throws IOException {
        Path dir = catalogDir(Map.of());
        try (OutputStream out = Files.newOutputStream(dir.resolve(V2))) {
            byte[] line = "    - [1.00, 224, 300, 3.47, 71.8, 91.0, 73.8]   # padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            out.write(CatalogFiles.read(V2));
            for (long written = 0; written < 50L << 20; written += line.length) {
                out.write(line);
            }
        }
        assertThat(Files.size(dir.resolve(V2))).isGreaterThan(50L << 20);
        List<Diagnostic> d = rejectedOnDisk(dir);
        assertThat(messages(d)).contains(V2 + ":1:1: error: file is larger than 4194304 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"flow-sequences", "flow-mappings", "block-sequences"})
    void deeplyNestedDocumentIsRejected(String kind) {
        int depth = 100_000;
        String text = switch (kind) {
            case "flow-sequences" -> "variants: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
            case "flow-mappings" -> "variants: " + "{a: ".repeat(depth) + "b" + "}".repeat(depth) + "\n";
            default -> blockNesting(2_000);
        };
        List<Diagnostic> d = rejected(Map.of(V2, bytes("family: mobilenet_v2\n" + text)));
        assertThat(messages(d)).containsIgnoringCase("nesting");
    }

    private static String blockNesting(int depth) {
        StringBuilder b = new StringBuilder("variants:\n");
        for (int i = 0; i < depth; i++) {
            b.append(" ".repeat(i)).append("-\n");
        }
        return b.append(" ".repeat(depth)).append("x\n").toString();
    }

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        String text = CatalogFiles.text(V2).replace("\nname: MobileNet V2\n", "\nname: MobileNet V2\nname: Impostor\n");
        List<Diagnostic> d = rejected(Map.of(V2, bytes(text)));
        assertThat(messages(d)).containsPattern("fuzz/" + V2 + ":5:\\d+: error: .*(?i)duplicate key");
    }

    @Test
    void tagsNamingJavaClassesAreRejectedAndNothingIsConstructed() {
        String text = "family: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"
                + "name: !!dev.modelcards.hardening.Canary [x]\n"
                + "paper: !<tag:yaml.org,2002:dev.modelcards.hardening.Canary> {}\n";
        List<Diagnostic> d = rejected(Map.of(V2, bytes(text)));
        // snakeyaml refuses global tags while parsing; the loader's own core-schema check backs it up.
        assertThat(messages(d)).contains("fuzz/" + V2 + ":1:9: error: ")
                .contains("tag:yaml.org,2002:javax.script.ScriptEngineManager").contains("not allowed");
        for (String local : List.of("!!dev.modelcards.hardening.Canary [x]", "!<tag:x,2002:dev.modelcards.hardening.Canary> {}",
                "!Canary x", "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2001-12-14")) {
            assertThat(messages(rejected(Map.of(V2, bytes("family: mobilenet_v2\nname: " + local + "\n")))))
                    .containsPattern("fuzz/" + V2 + ":2:7: error: .*(?i)tag.*not allowed");
        }
        assertThat(CANARY).as("a class named in a tag was initialized").isFalse();
    }

    @Test
    void nonUtf8BytesAreRejectedWhereTheyAre() {
        byte[] good = CatalogFiles.read(V2);
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.substring(0, text.indexOf("name: MobileNet V2") + "name: Mobile".length())
                .getBytes(StandardCharsets.UTF_8).length; // a byte offset: line 2 holds a multi-byte '×'

        byte[] bad = good.clone();
        bad[at] = (byte) 0xFF; // the 'N' of "MobileNet" on line 4
        List<Diagnostic> d = rejected(Map.of(V2, bad));
        assertThat(messages(d)).contains("fuzz/" + V2 + ":4:13: error: invalid UTF-8 byte 0xFF");

        byte[] latin1 = "family: mobilenet_v2\nname: Mobile Net caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(messages(rejected(Map.of(V2, latin1)))).contains(":2:21: error: invalid UTF-8 byte 0xE9");
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Map<String, byte[]> files = CatalogFiles.bundled();
        files.replaceAll((name, b) -> concat(bom, b));
        CatalogLoader.Result r = within(() -> Outcomes.load(files));
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        assertThat(Registry.of(r.catalog()).variants()).hasSameSizeAs(Registry.load().variants());
    }

    @Test
    void crlfLineEndingsAreAcceptedWithTheSameContentAndLines() {
        Map<String, byte[]> files = CatalogFiles.bundled();
        files.replaceAll((name, b) -> bytes(new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n")));
        CatalogLoader.Result r = within(() -> Outcomes.load(files));
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        Registry crlf = Registry.of(r.catalog());
        Registry lf = Registry.load();
        assertThat(crlf.models()).isEqualTo(lf.models());
        for (ModelVersion m : lf.models()) {
            // Multi-line changelog entries must not keep a stray '\r'.
            assertThat(Specs.version(crlf.get(m.handle())).changelog()).isEqualTo(Specs.version(m).changelog());
        }
        // Errors in a CRLF file are still reported at the right line.
        files.put(V2, bytes(CatalogFiles.text(V2).replace("\n", "\r\n").replace("year: 2018", "year: soon")));
        assertThat(messages(rejected(files))).contains("fuzz/" + V2 + ":9:9: error: 'year' of paper must be a whole number");
    }

    @Test
    void nanInfinityAndNegativeNumbersAreRejectedEachAtItsCell() {
        String row = "    - [1.40, 224,   582,  6.06,  75.0,  92.5, 138.0]";
        String text = CatalogFiles.text(V2);
        int line = lineOf(text, row);
        text = text.replace(row, "    - [1.40, 224, .nan, -6.06, .inf, 92.5, -.Inf]");
        String m = messages(rejected(Map.of(V2, bytes(text))));
        assertThat(m)
                .contains(V2 + ":" + line + ":19: error: macs_millions must be a finite number; found '.nan'")
                .contains(V2 + ":" + line + ":25: error: params_millions must not be negative; found -6.06")
                .contains(V2 + ":" + line + ":32: error: top1 must be a finite number; found '.inf'")
                .contains(V2 + ":" + line + ":44: error: pixel1_ms must be a finite number; found '-.Inf'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/b", "%2e%2e", "mobilenet_v2\\0", "mobil\u0435net_v2", "mobilenet_v\u0662", "MobileNet"})
    void hostileFamilyIdsAreRejected(String id) {
        String text = CatalogFiles.text(V2).replace("\nfamily: mobilenet_v2\n", "\nfamily: \"" + id + "\"\n");
        assertThat(messages(rejected(Map.of(V2, bytes(text)))))
                .contains("fuzz/" + V2 + ":3:9: error: 'family'")
                .contains("must match [a-z0-9_.-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../mobilenet_v2.yaml", "/etc/passwd.yaml", "sub/mobilenet_v2.yaml", "%2e%2e.yaml",
            "mobilenet_v2.yaml\\0.txt", "mobil\u0435net_v2.yaml", "catalog.yaml"})
    void hostileFamilyFileNamesAreRejected(String name) {
        String text = CatalogFiles.text(CatalogFiles.ROOT).replace("[mobilenet_v1.yaml, mobilenet_v2.yaml]",
                "[mobilenet_v1.yaml, \"" + name + "\"]");
        assertThat(messages(rejected(Map.of(CatalogFiles.ROOT, bytes(text)))))
                .contains("fuzz/catalog.yaml:9:31: error: family file '" + Hints.printable(name.replace("\\0", "\0")) + "'")
                .contains("must be a .yaml file name in the catalog folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"google/imagenet/../mobilenet_v2_100_224/classification",
            "google/imagenet/mobilenet_v2_100_224/classification/../4",
            "google/imagenet/%2e%2e/mobilenet_v2_100_224/classification",
            "google/imagenet/mobilenet_v2_100_224%2Fclassification/4",
            "google//imagenet/mobilenet_v2_100_224/classification/4",
            "/google/imagenet/mobilenet_v2_100_224/classification/4",
            "google/imagenet/mobilenet_v2_100_224\0/classification/4",
            "google/imagenet/mobilenet_v2_100_224/classification/4\0",
            "google/imagenet/mobil\u0435net_v2_100_224/classification/4",
            "google/imagenet/mobilenet_v2_100_224/cl\u0430ssification/4",
            "google/imagenet/mobilenet_v2_100_224/classification/\u0664",
            "https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/classification/4/../../../x"})
    void hostileHandlesGiveALookupErrorThatShowsTheInputEscaped(String handle) {
        Registry registry = Registry.load();
        LookupException e = within(() -> {
            try {
                registry.get(handle);
            } catch (LookupException x) {
                return x;
            }
            throw new AssertionError("accepted hostile handle " + handle);
        });
        assertThat(e.getMessage()).doesNotContain("\0").doesNotContain("\u0435").doesNotContain("\u0430")
                .doesNotContain("\u0664").doesNotContain("Exception");
        assertThat(registry.find(handle)).isEmpty();
    }

    @Test
    void absurdlyLongHandleIsRejectedQuickly() {
        Registry registry = Registry.load();
        String huge = "google/imagenet/" + "mobilenet_v2_100_224x".repeat(500_000) + "/classification/4";
        LookupException e = within(() -> {
            try {
                registry.get(huge);
            } catch (LookupException x) {
                return x;
            }
            throw new AssertionError("accepted");
        });
        assertThat(e.getMessage().length()).isLessThan(2_000);
    }

    @Test
    void injectionShapedTextLoadsAsPlainData() {
        List<String> payloads = List.of("${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
                "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
                "<script>alert(1)</script>", "[click](javascript:alert(1))", "<img src=x onerror=alert(1)>",
                "```\n# injected heading\n```", "~~~", "{{7*7}}", "#{7*7}", "%{7*7}", "<!-- key: value -->");
        StringBuilder entries = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < payloads.size(); i++) {
            entries.append("      - ").append(quoted(payloads.get(i))).append("\n");
            text.append("  k").append(i).append(": ").append(quoted(payloads.get(i))).append("\n");
        }
        // The payloads join the family's own text: map (the templates' wording), after its existing keys.
        String v2 = CatalogFiles.text(V2)
                .replace("      - Add 'serving_default' SignatureDef\n", "      - Add 'serving_default' SignatureDef\n" + entries)
                .replace("\ntext:\n", "\ntext:\n" + text);
        CatalogLoader.Result r = within(() -> Outcomes.load(CatalogFiles.with(V2, v2)));
        assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
        Registry registry = Registry.of(r.catalog());
        ModelVersion m = registry.get("google/imagenet/mobilenet_v2_100_224/classification/5");
        assertThat(Specs.version(m).changelog()).containsSubsequence(payloads);
        assertThat(Specs.family(m.variant()).text().values()).containsSubsequence(payloads);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The bundled files with {@code replaced} swapped in, loaded in memory; must be rejected. */
    private List<Diagnostic> rejected(Map<String, byte[]> replaced) {
        Map<String, byte[]> files = CatalogFiles.bundled();
        files.putAll(replaced);
        CatalogLoader.Result r = within(() -> Outcomes.load(files));
        assertThat(r.ok()).as("hostile catalog was accepted").isFalse();
        // The same files through the CLI: one message per problem, exit 1, no stack trace.
        Path dir = catalogDir(files);
        String err = validateCli(dir);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        return r.diagnostics();
    }

    /** Loads a catalog folder from disk (for files too big to build in memory); must be rejected. */
    private List<Diagnostic> rejectedOnDisk(Path dir) {
        CatalogLoader.Result r = within(() -> CatalogLoader.check(dir));
        assertThat(r.ok()).isFalse();
        assertThat(validateCli(dir)).doesNotContain("Exception").doesNotContain("\tat ");
        return r.diagnostics();
    }

    private static String validateCli(Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = within(() -> cl.execute("validate", "--catalog", dir.toString()));
        assertThat(code).as("exit code of validate; stderr: %s", err).isEqualTo(1);
        assertThat(err.toString()).matches("(?s).*:\\d+:\\d+: error: .*");
        return err.toString();
    }

    private Path catalogDir(Map<String, byte[]> files) {
        try {
            Path dir = Files.createTempDirectory(tmp, "catalog");
            Map<String, byte[]> all = CatalogFiles.bundled();
            all.putAll(files);
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work} under the time budget and checks what the worker thread allocated; a YAML bomb
     * that expanded would blow the budget even if the garbage collector kept up.
     */
    static <T> T within(java.util.function.Supplier<T> work) {
        return assertTimeoutPreemptively(TIME_BUDGET, () -> {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            T result = work.get();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated").isLessThan(ALLOCATION_BUDGET);
            return result;
        });
    }

    private static String messages(List<Diagnostic> d) {
        return d.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as("fixture line '%s'", needle).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
