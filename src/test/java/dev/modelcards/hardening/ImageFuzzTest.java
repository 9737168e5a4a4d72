package dev.modelcards.hardening;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.modelcards.onnx.ImagePreprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the image preprocessor: format sniffing, the header and scan checks, the JDK's
 * JPEG/PNG/GIF/BMP decoders behind them and the bilinear resize. Allowed outcomes: an image within
 * {@link ImagePreprocessor#MAX_PIXELS} whose resized values are all in [0, 1], or
 * {@link ImagePreprocessor.BadImage} with one printable line naming the file; no other exception, at most 10 s
 * per input.
 *
 * <p>Seeds: {@code ImageFuzzTestInputs/image/} (small images of every format and colour type, truncated and
 * lying headers, the findings) and the shared test photo ({@link #photo}).
 */
class ImageFuzzTest {
    static final String SOURCE = "fuzz.img";

    @MethodSource("photo")
    @FuzzTest(maxDuration = "10m")
    @Timeout(10) // per input: Jazzer passes it to libFuzzer as -timeout (see bench/README.md)
    void image(byte[] data) {
        BufferedImage img;
        try {
            img = ImagePreprocessor.decode(SOURCE, data);
        } catch (ImagePreprocessor.BadImage e) {
            InputOutcomes.requireCleanMessage(e, SOURCE, data);
            return;
        }
        if ((long) img.getWidth() * img.getHeight() > ImagePreprocessor.MAX_PIXELS) {
            throw new AssertionError("decoded " + img.getWidth() + " × " + img.getHeight() + " pixels");
        }
        float[] px = ImagePreprocessor.resize(img, 7, 5);
        if (px.length != 7 * 5 * 3) {
            throw new AssertionError(px.length + " values");
        }
        for (float v : px) {
            if (!(v >= 0f && v <= 1f)) {
                throw new AssertionError("value " + v + " outside [0, 1]");
            }
        }
    }

    /** TensorFlow's label_image photo from the shared test data, when it is there. */
    static Stream<byte[]> photo() {
        Path p = Path.of(System.getProperty("modelcards.shared", "../shared"), "testdata", "real", "grace_hopper.jpg");
        if (!Files.isRegularFile(p)) {
            return Stream.empty();
        }
        try {
            return Stream.of(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
