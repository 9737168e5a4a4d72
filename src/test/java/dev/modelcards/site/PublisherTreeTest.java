package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.Specs;
import dev.modelcards.render.CardRenderer;
import dev.modelcards.render.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated tfhub tree is the publisher's (tensorflow/tfhub.dev), byte for byte, at its final revision
 * and as of every date on which the publisher changed these cards. The publisher's files are not copied
 * here: {@code publisher/tfhub-history.tsv} records the SHA-256 of each file per date (written by
 * {@code bench/publisher/facts.py} from the publisher's git history), and this test compares hashes.
 */
class PublisherTreeTest {
    private static final String PREFIX = "tfhub/google/imagenet/";
    private final CardRenderer renderer = Fixtures.renderer();

    @Test
    void finalRevisionIsThePublishersTreeByteForByte() throws IOException {
        SortedMap<LocalDate, Map<String, String>> history = publisherTrees();
        Map<String, String> last = history.get(history.lastKey());
        assertThat(last).hasSize(608);
        assertSameTree(hashes(SitePlan.render(renderer, EnumSet.of(SiteLayout.Set.TFHUB))), last, "final revision");
    }

    @Test
    void everyDatedRevisionIsThePublishersTreeOfThatDay() throws IOException {
        SortedMap<LocalDate, Map<String, String>> history = publisherTrees();
        assertThat(history).hasSizeGreaterThanOrEqualTo(14);
        for (Map.Entry<LocalDate, Map<String, String>> day : history.entrySet()) {
            SitePlan plan = SitePlan.render(renderer, EnumSet.of(SiteLayout.Set.TFHUB), day.getKey());
            assertSameTree(hashes(plan), day.getValue(), "as of " + day.getKey());
        }
    }

    @Test
    void catalogHistoryNamesEveryDateThePublisherChangedTheCards() throws IOException {
        Catalog catalog = Specs.catalog(Fixtures.registry());
        TreeSet<LocalDate> catalogDates = new TreeSet<>();
        catalog.history().forEach(e -> catalogDates.add(e.date()));
        assertThat(catalogDates).as("catalog.yaml history dates").isEqualTo(publisherTrees().keySet());
    }

    private static void assertSameTree(Map<String, String> generated, Map<String, String> publisher, String when) {
        assertThat(generated.keySet()).as(when + ": the same files").isEqualTo(publisher.keySet());
        Map<String, String> differing = new TreeMap<>();
        publisher.forEach((path, sha) -> {
            if (!sha.equals(generated.get(path))) {
                differing.put(path, sha);
            }
        });
        assertThat(differing).as(when + ": files whose bytes differ from the publisher's").isEmpty();
    }

    /** SHA-256 of every MobileNet card of a plan, keyed like the facts file (below imagenet/). */
    private static Map<String, String> hashes(SitePlan plan) {
        Map<String, String> out = new TreeMap<>();
        plan.files().forEach((path, bytes) -> {
            if (path.startsWith(PREFIX + "mobilenet_v")) {
                out.put(path.substring(PREFIX.length()), sha256(bytes));
            }
        });
        return out;
    }

    /** The facts file replayed: the publisher's tree (path → SHA-256) at the end of each recorded date. */
    static SortedMap<LocalDate, Map<String, String>> publisherTrees() throws IOException {
        String tsv;
        try (InputStream in = PublisherTreeTest.class.getResourceAsStream("/dev/modelcards/publisher/tfhub-history.tsv")) {
            assertThat(in).as("publisher/tfhub-history.tsv on the test classpath").isNotNull();
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SortedMap<LocalDate, Map<String, String>> out = new TreeMap<>();
        Map<String, String> tree = new TreeMap<>();
        LocalDate current = null;
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            LocalDate date = LocalDate.parse(f[0]);
            if (current != null && !date.equals(current)) {
                out.put(current, new LinkedHashMap<>(tree));
            }
            current = date;
            switch (f[2]) {
                case "A", "M" -> tree.put(f[3], f[4]);
                case "D" -> tree.remove(f[3]);
                default -> throw new IllegalStateException("unknown op in facts file: " + line);
            }
        }
        out.put(current, new LinkedHashMap<>(tree));
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
