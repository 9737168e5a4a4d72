package dev.modelcards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A published figure recorded as an erratum in the catalog is shown, with the measured value, on its cards. */
class ErrataCardTest {
    @Test
    void theV1ErratumIsOnItsCardAndOnlyThere() throws Exception {
        String card = Files.readString(Path.of("site/tfhub/google/imagenet/mobilenet_v1_025_192/classification/5.md"));
        assertThat(card).contains("## Errata\n\n  * The published number of multiply-accumulates for this model, 34 M MACs,\n"
                + "    contradicts its architecture, which gives 30.21 M MACs:");
        String neighbour = Files.readString(Path.of("site/tfhub/google/imagenet/mobilenet_v1_025_224/classification/5.md"));
        assertThat(neighbour).doesNotContain("Errata");
    }
}
