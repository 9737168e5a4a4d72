package dev.modelcards.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static String unified(String a, String b, int context) {
        StringBuilder out = new StringBuilder();
        for (LineDiff.Hunk h : LineDiff.hunks(LineDiff.lines(a, b), context)) {
            out.append(h.header()).append('\n');
            for (LineDiff.Line l : h.lines()) {
                out.append(switch (l.kind()) {
                    case SAME -> ' ';
                    case REMOVED -> '-';
                    case ADDED -> '+';
                }).append(l.text()).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void hunksLookLikeDiffU() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String b = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\neleven\n";
        assertThat(unified(a, b, 1)).isEqualTo("""
                @@ -2,3 +2,3 @@
                 2
                -3
                +three
                 4
                @@ -10,1 +10,2 @@
                 10
                +eleven
                """);
        // changes closer than twice the context share a hunk
        assertThat(LineDiff.hunks(LineDiff.lines(a, b), 4)).hasSize(1);
        assertThat(LineDiff.hunks(LineDiff.lines(a, a), 2)).isEmpty();
        assertThat(unified("", "x\n", 2)).isEqualTo("@@ -0,0 +1,1 @@\n+x\n");
    }

    @Test
    void everyLineOfBothTextsIsKeptInOrder() {
        SplittableRandom random = new SplittableRandom(9);
        for (int run = 0; run < 300; run++) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                a.add("l" + random.nextInt(6));
            }
            for (String line : a) {
                int r = random.nextInt(5);
                if (r > 0) {
                    b.add(r == 1 ? "x" + random.nextInt(3) : line);
                }
                if (random.nextInt(6) == 0) {
                    b.add("n" + random.nextInt(3));
                }
            }
            String ta = a.stream().map(s -> s + "\n").collect(Collectors.joining());
            String tb = b.stream().map(s -> s + "\n").collect(Collectors.joining());
            List<LineDiff.Line> lines = LineDiff.lines(ta, tb);
            assertThat(lines.stream().filter(l -> l.kind() != LineDiff.Kind.ADDED).map(LineDiff.Line::text)).containsExactlyElementsOf(a);
            assertThat(lines.stream().filter(l -> l.kind() != LineDiff.Kind.REMOVED).map(LineDiff.Line::text)).containsExactlyElementsOf(b);
        }
    }
}
