package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cards are rendered, compared and staged on every core, a batch at a time: when one card of a batch fails, the
 * others of that batch may already be staged. The run must still change nothing and leave no temporary file.
 */
class OneBrokenCardTest {
    @TempDir
    Path tmp;

    @Test
    void aCardThatFailsInTheMiddleOfABatchChangesNothingAndLeavesNoTemporaryFile() throws Exception {
        Path site = tmp.resolve("site");
        Cli.Result first = Cli.run("generate", "--format", "tfhub", "--out", site.toString());
        assertThat(first.exit()).as(first.describe()).isZero();

        // the bundled templates, with every card changed (so each is staged) and one card broken
        Path templates = tmp.resolve("templates");
        Tree.copy(Path.of("templates"), templates);
        Path card = templates.resolve("tfhub/card.ftl");
        Files.writeString(card, Files.readString(card)
                + "<#if c.url?contains(\"mobilenet_v2_100_224/classification/5\")>${c.nope}</#if>\nchanged\n");
        SortedMap<String, byte[]> before = Tree.read(site);

        Cli.Result broken = Cli.run("generate", "--format", "tfhub", "--force", "--templates", templates.toString(),
                "--out", site.toString());
        assertThat(broken.exit()).as(broken.describe()).isEqualTo(1);
        assertThat(broken.err()).contains("missing value c.nope", "mobilenet_v2_100_224/classification/5", "nothing was written")
                .doesNotContain("\tat ");
        assertThat(Tree.differences(before, Tree.read(site))).as("every file as before").isEmpty();
        try (Stream<Path> walk = Files.walk(site)) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".modelcards-tmp")))
                    .as("no staged file is left behind").isEmpty();
        }
    }
}
