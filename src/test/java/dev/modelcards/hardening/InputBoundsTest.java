package dev.modelcards.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.modelcards.InputFile;
import dev.modelcards.Registry;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.GraphBuilder;
import dev.modelcards.onnx.ImagePreprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource bounds that {@code src/site/markdown/reliability.md} states for one hostile input, held on the
 * real CLI in a child JVM with the heap capped at {@value #HEAP}: a model, image or labels file that is no
 * regular file, over its size limit, or declares huge dimensions, tensors or initializers costs {@code verify}
 * and {@code classify} a one-line refusal (exit 1, no stack trace, no Java exception name) and no more than
 * {@value #SECONDS_PER_INPUT} s beyond what a good input costs; the largest inputs the limits let through are
 * processed within the same heap. An input that needed more heap would end the child with
 * {@code -XX:+ExitOnOutOfMemoryError} (exit 3), which fails the exit-code checks.
 *
 * <p>{@code -Dmodelcards.cli.before=OTHER/target/classes:} puts another build's classes first on the children's
 * class path (e.g. one from before these bounds, to see the test fail there).
 *
 * <p>The time bound is held generously (the machine running the tests may be busy): a run may take at most
 * three times the same command with one good input, plus {@value #SECONDS_PER_INPUT} s per hostile input.
 */
class InputBoundsTest {
    static final String HEAP = "-Xmx512m";
    static final int SECONDS_PER_INPUT = 2;
    private static final String HANDLE = "google/imagenet/mobilenet_v1_025_128/classification";

    @TempDir
    static Path dir;
    private static Path model;
    private static Path labels;
    private static Path photo;
    /** Wall time of {@code classify} on one good photo in a child JVM (JVM start, catalog, onnxruntime, one run). */
    private static Duration classifyOne;
    /** Wall time of {@code verify --model} of a good model in a child JVM. */
    private static Duration verifyOne;

    @BeforeAll
    static void setUp() throws Exception {
        model = HostileInputs.write(dir, "model.onnx",
                GraphBuilder.build(BuildSpec.of(Registry.load().get(HANDLE).variant())).toByteArray());
        labels = Files.writeString(dir.resolve("labels.txt"), IntStream.range(0, 1001).mapToObj(i -> i == 0
                ? "background" : "label " + i).collect(Collectors.joining("\n", "", "\n")));
        photo = HostileInputs.write(dir, "photo.jpg", HostileImageTest.jpeg(HostileImageTest.noise(320, 240), false));
        Child good = classify(photo);
        assertThat(good.exit()).as(good.describe()).isZero();
        classifyOne = good.elapsed();
        Child ok = verify(model);
        assertThat(ok.exit()).as(ok.describe()).isZero();
        verifyOne = ok.elapsed();
    }

    // ---- verify -----------------------------------------------------------------------------------------

    @Test
    void verifyRefusesModelsThatAreNoRegularFileOrTooBig() {
        Path fifo = HostileInputs.fifo(dir, "pipe.onnx");
        try {
            assertThat(refusedByVerify(fifo)).contains("FIFO").contains("64 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
        assertThat(refusedByVerify(Path.of("/dev/zero"))).contains("character device").contains("64 MiB");
        Path big = HostileInputs.sparse(dir, "big.onnx", InputFile.MODEL.maxBytes() + 1);
        assertThat(refusedByVerify(big)).contains("67108865 bytes").contains("64 MiB");
    }

    @Test
    void verifyRefusesHugeDeclaredShapesAndInitializers() {
        Path input = HostileInputs.write(dir, "huge-input.onnx", HostileInputs.inputSide(1_000_000_000L).toByteArray());
        assertThat(failedModel(verify(input), input)).contains("images");
        Path init = HostileInputs.write(dir, "huge-initializer.onnx", hugeInitializer().toByteArray());
        assertThat(failedModel(verify(init), init)).contains("conv_w");
        Path nodes = HostileInputs.write(dir, "many-nodes.onnx", HostileInputs.manyNodes(200_000).toByteArray());
        assertThat(failedModel(verify(nodes), nodes)).contains("nodes");
    }

    /** Just under the model size limit: read, parsed, walked and run by onnxruntime within the heap cap. */
    @Test
    void verifyReadsTheLargestAcceptedModelWithinTheHeap() {
        ModelProto big = HostileInputs.tinyModel(16, 1_800_000);
        assertThat((long) big.getSerializedSize()).isBetween(60L << 20, InputFile.MODEL.maxBytes());
        Path file = HostileInputs.write(dir, "largest.onnx", big.toByteArray());
        Child r = verify(file);
        // the tiny graph does not match the catalog's MobileNet: a mismatch, reported as such, not a crash
        assertThat(r.exit()).as(r.describe()).isEqualTo(1);
        assertThat(r.out()).as(r.describe()).contains("1 mismatch");
        assertClean(r);
        withinBound(r, verifyOne, 1);
    }

    // ---- classify ---------------------------------------------------------------------------------------

    /** Every kind of hostile image in one run: each refused in one line, the good photo after them classified. */
    @Test
    void classifyRefusesEveryHostileImageAndGoesOn() throws IOException {
        Path fifo = HostileInputs.fifo(dir, "pipe.jpg");
        byte[] progressive = HostileImageTest.jpeg(HostileImageTest.noise(320, 240), true);
        List<Path> bad = List.of(fifo, Path.of("/dev/zero"),
                HostileInputs.sparse(dir, "big.png", InputFile.IMAGE.maxBytes() + 1),
                HostileInputs.write(dir, "huge.png", HostileInputs.png(100_000, 100_000, 0)),
                HostileInputs.write(dir, "wide.png", HostileInputs.png(1L << 30, 1, 0)),
                HostileInputs.write(dir, "huge.gif", HostileInputs.gif(65535, 65535)),
                HostileInputs.write(dir, "huge.bmp", HostileInputs.bmp(30000, 30000)),
                HostileInputs.write(dir, "huge.jpg", HostileInputs.jpegWithSize(Files.readAllBytes(photo), 65000, 65000)),
                HostileInputs.write(dir, "scans.jpg", HostileInputs.jpegWithExtraScans(progressive, 300)),
                HostileInputs.write(dir, "embedded.bmp", fuzzFinding("ImageFuzzTestInputs/image/finding_bmp_with_embedded_jpeg.bmp")));
        List<Path> all = new ArrayList<>(bad);
        all.add(photo);
        Child r;
        try {
            r = classify(all.toArray(Path[]::new));
        } finally {
            HostileInputs.release(fifo);
        }
        assertThat(r.exit()).as(r.describe()).isEqualTo(1);
        List<String> errors = errorLines(r);
        assertThat(errors).as(r.describe()).hasSize(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            assertThat(errors.get(i)).startsWith("error: " + bad.get(i) + ": ");
        }
        assertThat(r.out()).as("the good photo after them is classified").contains(photo + " (" + HANDLE + "/");
        assertClean(r);
        withinBound(r, classifyOne, bad.size());
    }

    /** The largest image the pixel limit lets through (4096 × 4096) is decoded and resized within the heap cap. */
    @Test
    void classifyDecodesTheLargestAcceptedImageWithinTheHeap() {
        assertThat(4096L * 4096).isEqualTo(ImagePreprocessor.MAX_PIXELS);
        Path largest = HostileInputs.write(dir, "largest.png", HostileInputs.png(4096, 4096, 4096));
        Child r = classify(largest);
        assertThat(r.exit()).as(r.describe()).isZero();
        assertThat(r.out()).contains(largest + " (" + HANDLE + "/");
        assertClean(r);
        withinBound(r, classifyOne, 1);
    }

    @Test
    void classifyRefusesHostileModelsAndLabelsBeforeLoadingAnything() {
        Path fifo = HostileInputs.fifo(dir, "labels-pipe.txt");
        try {
            Child r = run("classify", "--model", model.toString(), "--handle", HANDLE, "--labels", fifo.toString(),
                    photo.toString());
            assertThat(refusal(r, fifo)).contains("FIFO").contains("1 MiB");
            withinBound(r, classifyOne, 1);
        } finally {
            HostileInputs.release(fifo);
        }
        Path bigLabels = HostileInputs.sparse(dir, "big-labels.txt", InputFile.LABELS.maxBytes() + 1);
        Child r = run("classify", "--model", model.toString(), "--handle", HANDLE, "--labels", bigLabels.toString(),
                photo.toString());
        assertThat(refusal(r, bigLabels)).contains("1 MiB");
        Path huge = HostileInputs.write(dir, "huge-input-classify.onnx",
                HostileInputs.inputSide(1_000_000_000L).toByteArray());
        Child h = run("classify", "--model", huge.toString(), "--handle", HANDLE, "--labels", labels.toString(),
                photo.toString());
        assertThat(refusal(h, huge)).contains("images");
        withinBound(h, classifyOne, 1);
        Path init = HostileInputs.write(dir, "huge-initializer-classify.onnx", hugeInitializer().toByteArray());
        Child i = run("classify", "--model", init.toString(), "--handle", HANDLE, "--labels", labels.toString(),
                photo.toString());
        assertThat(refusal(i, init)).contains("conv_w");
        withinBound(i, classifyOne, 1);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** A seed of a fuzz target's corpus. */
    private static byte[] fuzzFinding(String name) throws IOException {
        try (var in = InputBoundsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** The conv kernel declaring 2^31 × 2^31 floats while holding 864 bytes. */
    private static ModelProto hugeInitializer() {
        ModelProto m = HostileInputs.tinyModel(16, 10);
        TensorProto w = m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("conv_w"))
                .findFirst().orElseThrow();
        return HostileInputs.withInitializer(m, "conv_w", w.toBuilder().clearDims().addDims(1L << 31)
                .addDims(1L << 31).setRawData(ByteString.copyFrom(w.getRawData().toByteArray())).build());
    }

    private static Child verify(Path file) {
        return run("verify", "--model", file.toString(), "--handle", HANDLE);
    }

    private static Child classify(Path... images) {
        List<String> args = new ArrayList<>(List.of("classify", "--model", model.toString(), "--handle", HANDLE,
                "--labels", labels.toString()));
        for (Path i : images) {
            args.add(i.toString());
        }
        return run(args.toArray(String[]::new));
    }

    /** {@code verify --model file} refused before it is read: one error line naming it, exit 1, in time. */
    private static String refusedByVerify(Path file) {
        Child r = verify(file);
        String line = refusal(r, file);
        withinBound(r, verifyOne, 1);
        return line;
    }

    /** A run refused with exactly one {@code error: FILE...} line on stderr and exit 1. */
    private static String refusal(Child r, Path file) {
        assertThat(r.exit()).as(r.describe()).isEqualTo(1);
        List<String> errors = errorLines(r);
        assertThat(errors).as(r.describe()).hasSize(1);
        assertThat(errors.get(0)).contains(file.toString());
        assertClean(r);
        return errors.get(0);
    }

    /** A model {@code verify} read and found broken: its row says error, naming the file, exit 1. */
    private static String failedModel(Child r, Path file) {
        assertThat(r.exit()).as(r.describe()).isEqualTo(1);
        assertThat(r.out()).as(r.describe()).contains("1 error");
        String line = r.out().lines().filter(l -> l.strip().startsWith("error: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no error line: " + r.describe()));
        assertThat(line).contains(file.toString());
        assertClean(r);
        withinBound(r, verifyOne, 1);
        return line;
    }

    private static List<String> errorLines(Child r) {
        return r.err().lines().filter(l -> l.startsWith("error: ")).toList();
    }

    /** No stack trace, no Java exception name, no out-of-memory anywhere in what the user sees. */
    private static void assertClean(Child r) {
        String all = r.out() + r.err();
        assertThat(HostileInputs.showsJavaInternals(all)).as(r.describe()).isFalse();
        assertThat(all).as(r.describe()).doesNotContain("OutOfMemory").doesNotContain("internal error");
        for (String l : r.err().lines().toList()) {
            assertThat(l).as(r.describe()).matches("(catalog|labels|probabilities|error|warning): .*");
        }
    }

    private static void withinBound(Child r, Duration good, int hostile) {
        Duration bound = good.multipliedBy(3).plusSeconds((long) SECONDS_PER_INPUT * hostile);
        assertThat(r.elapsed()).as("%s took %d ms; bound %d ms (good input: %d ms)", r.command(),
                r.elapsed().toMillis(), bound.toMillis(), good.toMillis()).isLessThanOrEqualTo(bound);
    }

    /** A finished child JVM. */
    record Child(String command, int exit, String out, String err, Duration elapsed) {
        String describe() {
            return command + ": exit " + exit + " after " + elapsed.toMillis() + " ms\nstdout:\n" + out
                    + "\nstderr:\n" + err;
        }
    }

    /** {@code modelcards args...} in a child JVM with the heap capped at {@link #HEAP}. */
    static Child run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("modelcards.cli.before", "") + System.getProperty("java.class.path"),
                "dev.modelcards.cli.Main"));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "child", ".out");
            Path err = Files.createTempFile(dir, "child", ".err");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("modelcards " + String.join(" ", args) + " did not end in 60 s");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            // the figures for reliability.md: surefire keeps this in the test's output file
            System.out.printf("%6d ms  exit %d  modelcards %s%n", elapsed.toMillis(), p.exitValue(),
                    String.join(" ", args).replace(dir.toString(), "TMP"));
            return new Child(String.join(" ", args), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
