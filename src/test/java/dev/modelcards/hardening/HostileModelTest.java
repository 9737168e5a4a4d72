package dev.modelcards.hardening;

import static dev.modelcards.hardening.HostileInputs.showsJavaInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.cli.CliRun;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.GraphBuilder;
import dev.modelcards.onnx.OnnxModel;
import dev.modelcards.onnx.Verifier;
import dev.modelcards.onnx.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files a user might hand to {@code verify} or {@code classify} that are not models, or are broken
 * models: each is refused before or while it is read, with a one-line message naming the file and what is wrong
 * (and the limit, where a limit was hit), never a Java exception name, a hang or a stack trace; a bad file in a
 * folder is an error for its handles and the run goes on with the next one.
 */
class HostileModelTest {
    private static final Registry REGISTRY = Registry.load();
    private static final String HANDLE = "google/imagenet/mobilenet_v1_025_128/classification";
    private static final ModelVersion MODEL = REGISTRY.get(HANDLE + "/3");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static Verifier verifier;

    @TempDir
    Path tmp;

    @BeforeAll
    static void warmUp() {
        verifier = new Verifier(OnnxModel.environment());
        CliRun.of("verify", "--help");
    }

    /** {@code verify --model FILE --handle H} refused in time with one line on stderr. */
    private static String refusedByVerify(Path file) {
        CliRun r = assertTimeoutPreemptively(SECOND, () -> CliRun.of("verify", "--model", file.toString(),
                "--handle", HANDLE), "verify --model " + file + " must answer within a second");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n").startsWith("error: ").contains(file.toString());
        assertThat(showsJavaInternals(r.err())).as(r.err()).isFalse();
        return r.err().strip();
    }

    private static VerifyResult verify(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> verifier.verify(file, List.of(MODEL)).get(0));
    }

    /** The per-model error of a broken file: status error, the handle and file named, no Java internals. */
    private String error(String name, ModelProto m) {
        Path file = HostileInputs.write(tmp, name, m.toByteArray());
        return error(file);
    }

    private static String error(Path file) {
        VerifyResult r = verify(file);
        assertThat(r.status()).as(file + ": " + r.error()).isEqualTo(VerifyResult.ERROR);
        assertThat(r.error()).startsWith(MODEL.handle() + ": ").contains(file.toString());
        assertThat(showsJavaInternals(r.error())).as(r.error()).isFalse();
        assertThat(r.error()).doesNotContain("\n");
        return r.error();
    }

    @Test
    void aFifoIsRefusedInsteadOfBlockingTheRun() {
        Path fifo = HostileInputs.fifo(tmp, "model.onnx");
        try {
            assertThat(refusedByVerify(fifo)).contains("FIFO").contains("not a regular file").contains("64 MiB");
        } finally {
            HostileInputs.release(fifo);
        }
    }

    @Test
    void aDeviceIsRefused() {
        assertThat(refusedByVerify(Path.of("/dev/zero"))).contains("character device").contains("64 MiB");
    }

    @Test
    void aFolderIsRefused() {
        assertThat(refusedByVerify(tmp)).contains("folder").contains("64 MiB");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() {
        Path big = HostileInputs.sparse(tmp, "big.onnx", (64L << 20) + 1);
        assertThat(refusedByVerify(big)).contains("67108865 bytes").contains("64 MiB");
    }

    @Test
    void truncatedProtobufIsNamedAsSuch() {
        byte[] good = HostileInputs.tinyModel(16, 10).toByteArray();
        Path cut = HostileInputs.write(tmp, "cut.onnx", Arrays.copyOf(good, good.length - 7));
        assertThat(error(cut)).contains("truncated or corrupt ONNX protobuf");
        Path text = HostileInputs.write(tmp, "text.onnx", "this is not a model\n".getBytes());
        assertThat(error(text)).contains("not an ONNX model");
    }

    @Test
    void initializerDataOutsideTheFileIsRefused() {
        for (String location : List.of("weights.bin", "../../etc/passwd", "/dev/zero")) {
            assertThat(error("external.onnx", HostileInputs.externalData(location, 0, 864)))
                    .contains("initializer 'conv_w'").contains("outside the model file")
                    .contains(location);
        }
    }

    @Test
    void initializerDataThatContradictsItsShapeIsRefused() {
        assertThat(error("short.onnx", HostileInputs.rawDataShorterThanDims(100)))
                .contains("initializer 'conv_w'").contains("[8, 3, 3, 3]").contains("864 bytes").contains("100");
    }

    @Test
    void aCycleIsNamed() {
        assertThat(error("cycle.onnx", HostileInputs.cycle())).contains("cycle").contains("'conv'");
    }

    @Test
    void danglingInputsAndDuplicateOutputsAreNamed() {
        assertThat(error("dangling.onnx", HostileInputs.danglingInput())).contains("'nowhere'").contains("'flatten'");
        assertThat(error("duplicate.onnx", HostileInputs.duplicateOutput())).contains("'conv_out'")
                .contains("'conv'").contains("'pool'");
    }

    @Test
    void absurdShapesAndAttributesAreNamed() {
        assertThat(error("huge-input.onnx", HostileInputs.inputSide(1_000_000_000L))).contains("images")
                .contains("1000000000");
        assertThat(error("wide-input.onnx", HostileInputs.inputSide(30_000L))).contains("input")
                .contains("elements");
        assertThat(error("strides.onnx", HostileInputs.zeroStrides())).contains("'conv'").contains("strides");
        assertThat(error("perm.onnx", HostileInputs.permOutOfRange())).contains("'to_nchw'").contains("perm");
    }

    @Test
    void aGraphFarLargerThanAnyMobileNetIsRefused() {
        assertThat(error("nodes.onnx", HostileInputs.manyNodes(30_000))).contains("30006 nodes").contains("at most 10000");
    }

    @Test
    void aFolderWithBrokenFilesIsVerifiedToTheEnd() throws Exception {
        Path dir = tmp.resolve("models");
        Files.createDirectories(dir);
        // the float classification model is fine; the feature vector is a cycle, the quantized ones a FIFO and a
        // device: every row is reported and the run ends
        HostileInputs.write(dir, "good.onnx", GraphBuilder.build(BuildSpec.of(MODEL.variant())).toByteArray());
        HostileInputs.write(dir, "cycle.onnx", HostileInputs.cycle().toByteArray());
        Path fifo = HostileInputs.fifo(dir, "fifo.onnx");
        String v = "google/imagenet/mobilenet_v1_025_128/";
        Files.writeString(dir.resolve("manifest.json"), "{\"models\": {\"" + v + "classification\": \"good.onnx\", \""
                + v + "feature_vector\": \"cycle.onnx\", \"" + v + "quantops/classification\": \"fifo.onnx\", \""
                + v + "quantops/feature_vector\": \"/dev/zero\"}}");
        try {
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of("verify", "--models",
                    dir.toString(), "mobilenet_v1_025_128"));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("error: " + v + "feature_vector: " + dir.resolve("cycle.onnx"))
                    .contains("error: " + v + "quantops/classification: " + fifo).contains("FIFO")
                    .contains("error: " + v + "quantops/feature_vector: /dev/zero").contains("character device")
                    .containsPattern("ok +" + v + "classification ");
            assertThat(showsJavaInternals(r.out() + r.err())).as(r.out() + r.err()).isFalse();
        } finally {
            HostileInputs.release(fifo);
        }
    }
}
