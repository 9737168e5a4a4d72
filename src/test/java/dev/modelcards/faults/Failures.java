package dev.modelcards.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What every failed run must look like to a user, and what it must leave behind. */
final class Failures {
    private Failures() {
    }

    /**
     * Exit 1, and stderr is one {@code error: ...} line naming {@code path} (plus, for catalog problems,
     * the count line after the diagnostics, and for template problems generate's "nothing was written"),
     * with no stack trace or Java exception name. The {@code catalog: <folder>} note before it is allowed.
     *
     * @return the error line
     */
    static String assertCleanError(Cli.Result r, String path) {
        assertThat(r.exit()).as(r.describe()).isEqualTo(1);
        // the "catalog: <folder>" note every catalog-reading command prints first is not part of the error
        List<String> lines = r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("catalog: ")).toList();
        assertThat(lines).as(r.describe()).isNotEmpty();
        assertThat(r.err()).as("no stack trace\n" + r.describe())
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
        String first = lines.get(0);
        assertThat(first).as("the error names " + path + "\n" + r.describe()).contains(path);
        if (first.startsWith("error: ") && r.err().contains("nothing was written")) {
            // a template problem: generate's render-error form (the message, a quoted source line if any, then this)
            assertThat(lines.get(lines.size() - 1)).isEqualTo("nothing was written");
        } else if (first.startsWith("error: ")) {
            assertThat(lines).as("one line\n" + r.describe()).hasSize(1);
        } else {
            // a catalog diagnostic: file:line:column: error: ..., then "N problem(s) in the catalog"
            assertThat(lines.get(lines.size() - 1)).as(r.describe()).matches("\\d+ problem\\(s\\) in the catalog");
        }
        return first;
    }

    /** Temporary files of either writer (generate's {@code .x.modelcards-tmp}, export's {@code .x.<pid>-<n>.tmp}). */
    static List<Path> temporaryFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".modelcards-tmp") || n.startsWith(".") && n.endsWith(".tmp");
            }).toList();
        }
    }
}
