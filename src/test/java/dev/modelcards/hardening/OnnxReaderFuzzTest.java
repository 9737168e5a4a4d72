package dev.modelcards.hardening;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modelcards.Registry;
import dev.modelcards.onnx.BuildSpec;
import dev.modelcards.onnx.GraphBuilder;
import dev.modelcards.onnx.GraphStats;
import dev.modelcards.onnx.OnnxReader;
import dev.modelcards.onnx.ShapeWalk;
import dev.modelcards.onnx.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the ONNX model reader ({@link OnnxReader}: protobuf, tensors, graph structure) and
 * the {@link ShapeWalk} behind it. Allowed outcomes: a checked model whose counts are non-negative and the same
 * when measured again, or {@link Verifier.ModelUnreadable} / {@link ShapeWalk.InvalidGraph} with one printable
 * line naming the file ({@link InputOutcomes}); no other exception, and at most 10 s per input.
 *
 * <p>Seeds: {@code OnnxReaderFuzzTestInputs/model/} (tiny float, quantized and Keras-style graphs, every hostile
 * case of {@link HostileModelTest}, the findings) plus, through {@link #realAndExportedModels}, the real models
 * of the shared test data and three exported reference models. See {@code bench/README.md} to fuzz.
 */
class OnnxReaderFuzzTest {
    static final String SOURCE = "fuzz.onnx";

    @MethodSource("realAndExportedModels")
    @FuzzTest(maxDuration = "10m")
    @Timeout(10) // per input: Jazzer passes it to libFuzzer as -timeout (see bench/README.md)
    void model(byte[] data) {
        OnnxReader.Checked checked;
        try {
            checked = OnnxReader.parse(SOURCE, data);
        } catch (Verifier.ModelUnreadable e) {
            InputOutcomes.requireCleanMessage(e, SOURCE, data);
            return;
        }
        GraphStats s;
        try {
            s = ShapeWalk.measure(checked.model());
        } catch (ShapeWalk.InvalidGraph e) {
            // the verifier prefixes the file; the walk's own message names the node
            InputOutcomes.requireCleanMessage(new IllegalArgumentException(SOURCE + ": " + e.getMessage()), SOURCE, data);
            return;
        }
        if (s.params() < 0 || s.biases() < 0 || s.macs() < -1 || s.largestTensor() < 0
                || s.largestTensor() > ShapeWalk.MAX_ELEMENTS) {
            throw new AssertionError("impossible counts: " + s);
        }
        if (s.macsKnown() != (s.unknownOps() == null)) {
            throw new AssertionError("MACs known but a reason why not, or the reverse: " + s);
        }
        if (!ShapeWalk.measure(checked.model()).equals(s)) {
            throw new AssertionError("measuring twice differs: " + s);
        }
        // what was checked parses again the same (the reader may only have sorted the nodes)
        if (checked.model().getGraph().getNodeCount() != parse(checked.bytes()).getGraph().getNodeCount()) {
            throw new AssertionError("the checked model lost nodes");
        }
    }

    private static ModelProto parse(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes);
        } catch (IOException e) {
            throw new AssertionError("the reader accepted bytes protobuf rejects", e);
        }
    }

    /** The real models (when the shared folder is there) and exported float, quantized and feature-vector models. */
    static Stream<byte[]> realAndExportedModels() {
        List<byte[]> seeds = new ArrayList<>();
        Path real = Path.of(System.getProperty("modelcards.shared", "../shared"), "testdata", "real");
        for (String f : List.of("mobilenet_v1_0.5_128_quant.onnx", "mobilenet_v2_1.0_224_int8_per_tensor.onnx")) {
            if (Files.isRegularFile(real.resolve(f))) {
                try {
                    seeds.add(Files.readAllBytes(real.resolve(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Registry registry = Registry.load();
        for (String h : List.of("google/imagenet/mobilenet_v1_025_128/classification",
                "google/imagenet/mobilenet_v1_025_128/quantops/classification",
                "google/imagenet/mobilenet_v2_035_96/feature_vector")) {
            seeds.add(GraphBuilder.build(BuildSpec.of(registry.get(h).variant())).toByteArray());
        }
        return seeds.stream();
    }
}
