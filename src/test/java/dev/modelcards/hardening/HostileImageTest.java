package dev.modelcards.hardening;

import static dev.modelcards.hardening.HostileInputs.showsJavaInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcards.Registry;
import dev.modelcards.cli.CliRun;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.GraphBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images and label files a user might hand to {@code classify}: files that are no image, truncated or corrupt
 * images, headers declaring more pixels than will be decoded, label files that do not fit the model. Each is
 * one line on stderr naming the file and what is wrong (and the limit); a bad image does not stop the others;
 * the exit code is 1.
 */
class HostileImageTest {
    private static final String HANDLE = "google/imagenet/mobilenet_v1_025_128/classification";
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** Decoding is work after reading: a bad image is refused within this, model loading included. */
    private static final Duration DECODE_BUDGET = Duration.ofSeconds(3);

    @TempDir
    static Path shared;
    private static Path model;
    private static Path labels;
    private static byte[] photo;
    private static byte[] progressive;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        model = HostileInputs.write(shared, "model.onnx",
                GraphBuilder.build(BuildSpec.of(Registry.load().get(HANDLE).variant())).toByteArray());
        labels = Files.writeString(shared.resolve("labels.txt"), IntStream.range(0, 1001).mapToObj(i -> i == 0
                ? "background" : "label " + i).collect(Collectors.joining("\n", "", "\n")));
        photo = jpeg(noise(320, 240), false);
        progressive = jpeg(noise(320, 240), true);
        CliRun.of("classify", "--help");
    }

    /** A noisy picture (so that the JPEG has real entropy-coded data all the way). */
    static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom r = new SplittableRandom(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | r.nextInt(64));
            }
        }
        return img;
    }

    static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        if (progressive) {
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        }
        w.dispose();
        return bytes.toByteArray();
    }

    private static CliRun classify(Duration budget, List<String> extra, Path... images) {
        List<String> args = new ArrayList<>(List.of("classify", "--model", model.toString(), "--handle", HANDLE));
        args.addAll(extra);
        for (Path i : images) {
            args.add(i.toString());
        }
        return assertTimeoutPreemptively(budget, () -> CliRun.of(args.toArray(String[]::new)),
                "classify " + Arrays.toString(images) + " must answer within " + budget);
    }

    /**
     * {@code bad} is refused (one line naming it) and the good photo after it is still classified; exit 1.
     *
     * @return the error line
     */
    private String refused(Duration budget, Path bad) {
        Path good = HostileInputs.write(tmp, "good.jpg", photo);
        CliRun r = classify(budget, List.of("--labels", labels.toString()), bad, good);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        // besides the error, stderr says which labels and how probabilities are computed, and that the model is a
        // stand-in reference export
        List<String> lines = r.err().strip().lines().filter(l -> !l.startsWith("labels: ")
                && !l.startsWith("probabilities: ") && !l.startsWith("warning: ")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: ").contains(bad.toString());
        assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
        assertThat(r.out()).as("the next image is classified").contains(good + " (" + HANDLE + "/")
                .doesNotContain(bad + " (");
        assertThat(r.out().lines().filter(HostileImageTest::isPrediction)).hasSize(5);
        return lines.get(0);
    }

    @Test
    void aGoodPhotoIsClassified() {
        Path good = HostileInputs.write(tmp, "good.jpg", photo);
        Path prog = HostileInputs.write(tmp, "progressive.jpg", progressive);
        CliRun r = classify(DECODE_BUDGET, List.of("--labels", labels.toString()), good, prog);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(HostileImageTest::isPrediction)).hasSize(10);
    }

    /** A row of classify's table: probability, index, label. */
    private static boolean isPrediction(String line) {
        return line.matches(" +[01]\\.\\d{4} +\\d+ +\\S.*");
    }

    @Test
    void filesThatAreNoRegularFilesAreRefusedAtOnce() {
        Path fifo = HostileInputs.fifo(tmp, "pipe.jpg");
        try {
            assertThat(refused(SECOND.plus(DECODE_BUDGET), fifo)).contains("FIFO").contains("64 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
        assertThat(refused(DECODE_BUDGET, Path.of("/dev/zero"))).contains("character device").contains("64 MiB");
        assertThat(refused(DECODE_BUDGET, HostileInputs.sparse(tmp, "big.png", (64L << 20) + 1)))
                .contains("67108865 bytes").contains("64 MiB");
    }

    @Test
    void truncatedImagesAreRefused() {
        for (int keep : new int[] {photo.length / 2, photo.length - 100}) {
            Path cut = HostileInputs.write(tmp, "cut" + keep + ".jpg", Arrays.copyOf(photo, keep));
            assertThat(refused(DECODE_BUDGET, cut)).contains("truncated or corrupt JPEG");
        }
        byte[] png = HostileInputs.png(64, 64, 64);
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "cut.png", Arrays.copyOf(png, png.length - 30))))
                .contains("truncated or corrupt PNG");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "empty.jpg", new byte[0]))).contains("empty");
    }

    @Test
    void corruptImageDataIsRefused() {
        byte[] bad = photo.clone();
        for (int i = bad.length / 3; i < bad.length / 3 + 400; i += 3) {
            bad[i] = (byte) 0xff;
            bad[i + 1] = (byte) 0xd3;  // restart markers where none may be
        }
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "corrupt.jpg", bad))).contains("corrupt JPEG");
    }

    @Test
    void otherFormatsAreNamed() {
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "notes.jpg", "just text\n".getBytes())))
                .contains("not a JPEG, PNG, GIF or BMP image");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "scan.tif", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})))
                .contains("not a JPEG, PNG, GIF or BMP image");
        // found by ImageFuzzTest: the BMP decoder passes an embedded JPEG to a decoder whose size nobody checked
        byte[] embedded = HostileInputs.bmp(16, 16);
        java.nio.ByteBuffer.wrap(embedded).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(30, 4);
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "embedded.bmp", embedded)))
                .contains("embedded JPEG").contains("not supported");
    }

    @Test
    void headersDeclaringTooManyPixelsAreRefusedBeforeDecoding() {
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "huge.png", HostileInputs.png(100_000, 100_000, 0))))
                .contains("100000 × 100000").contains("16777216 pixels");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "big.png", HostileInputs.png(20_000, 20_000, 0))))
                .contains("20000 × 20000").contains("16777216 pixels");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "wide.png", HostileInputs.png(1L << 30, 1, 0))))
                .contains("1073741824 × 1").contains("16777216 pixels");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "huge.gif", HostileInputs.gif(65535, 65535))))
                .contains("65535 × 65535").contains("16777216 pixels");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "huge.bmp", HostileInputs.bmp(30000, 30000))))
                .contains("30000 × 30000").contains("16777216 pixels");
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "huge.jpg", HostileInputs.jpegWithSize(photo, 65000,
                65000)))).contains("65000 × 65000").contains("16777216 pixels");
    }

    @Test
    void progressiveJpegsWithTooManyScansAreRefused() {
        byte[] many = HostileInputs.jpegWithExtraScans(progressive, 300);
        assertThat(refused(DECODE_BUDGET, HostileInputs.write(tmp, "scans.jpg", many))).contains("310 scans")
                .contains("64");
    }

    // ---- labels -----------------------------------------------------------------------------------------

    private String labelsRefused(Duration budget, Path file) {
        Path good = HostileInputs.write(tmp, "good.jpg", photo);
        CliRun r = classify(budget, List.of("--labels", file.toString()), good);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("error: ").contains(file.toString());
        assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
        assertThat(r.out().lines().filter(HostileImageTest::isPrediction)).isEmpty();
        return r.err().strip();
    }

    private Path labelsFile(String name, List<String> lines) throws IOException {
        return Files.write(tmp.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void labelsOfTheWrongCountAreRefused() throws IOException {
        List<String> all = Files.readAllLines(labels);
        assertThat(labelsRefused(DECODE_BUDGET, labelsFile("short.txt", all.subList(0, 999))))
                .contains("999 labels").contains("1001 classes").contains("1001 or 1002");
        List<String> more = new ArrayList<>(all);
        more.addAll(List.of("one", "two"));
        assertThat(labelsRefused(DECODE_BUDGET, labelsFile("long.txt", more))).contains("1003 labels");
    }

    @Test
    void labelsThatAreNoTextAreRefused() throws IOException {
        List<String> all = new ArrayList<>(Files.readAllLines(labels));
        all.set(5, "tench\u001b[2J");
        assertThat(labelsRefused(DECODE_BUDGET, labelsFile("escape.txt", all))).contains(":6:")
                .contains("control character");
        all.set(5, "");
        assertThat(labelsRefused(DECODE_BUDGET, labelsFile("blank.txt", all))).contains(":6:").contains("empty");
        byte[] latin1 = String.join("\n", Files.readAllLines(labels)).replace("label 3", "caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(labelsRefused(DECODE_BUDGET, HostileInputs.write(tmp, "latin1.txt", latin1))).contains("UTF-8");
    }

    @Test
    void labelFilesThatAreMissingOrNoRegularFilesAreRefusedAtOnce() {
        assertThat(labelsRefused(SECOND, tmp.resolve("missing.txt"))).contains("not found");
        Path fifo = HostileInputs.fifo(tmp, "labels.fifo");
        try {
            assertThat(labelsRefused(SECOND, fifo)).contains("FIFO").contains("1 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
        assertThat(labelsRefused(SECOND, HostileInputs.sparse(tmp, "big.txt", (1L << 20) + 1)))
                .contains("1048577 bytes").contains("1 MiB");
    }
}
