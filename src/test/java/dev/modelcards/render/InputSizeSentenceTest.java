package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Versions the catalog marks variable_input_size say so on their cards; the others keep the fixed size. */
class InputSizeSentenceTest {
    private static String card(String handle) throws Exception {
        return Files.readString(Path.of("site/tfhub/" + handle + ".md"));
    }

    @Test
    void v1FromVersion3AcceptsOtherSizes() throws Exception {
        assertThat(card("google/imagenet/mobilenet_v1_050_160/classification/3"))
                .contains("The expected size of the input images is\n`height` x `width` = 160 x 160 pixels\n"
                        + "by default, but other input sizes are possible (within limits).")
                .doesNotContain("is fixed to");
        assertThat(card("google/imagenet/mobilenet_v1_050_160/classification/1")).contains("is fixed to")
                .doesNotContain("other input sizes");
        assertThat(card("google/imagenet/mobilenet_v2_050_160/classification/5")).contains("is fixed to")
                .doesNotContain("other input sizes");
    }
}
