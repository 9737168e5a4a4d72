package dev.modelcards.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each class of bad input yields a located error that says what is wrong and what was expected. */
class CatalogValidationTest {
    static final String V1 = "mobilenet_v1.yaml";
    static final String V2 = "mobilenet_v2.yaml";

    @TempDir
    Path tmp;

    private CatalogFixture fixture() {
        return CatalogFixture.copy(tmp);
    }

    @Test
    void theRealCatalogHasNoProblems() {
        CatalogLoader.Result r = CatalogLoader.check(CatalogFixture.REAL);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    private static Path createDirectory(Path p) {
        try {
            return java.nio.file.Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void licenseMustBeATagOfThePublishersVocabularyWithAnHttpsUrl() {
        CatalogFixture f = fixture().replace("catalog.yaml", "  id: apache-2.0\n", "  id: apache-3.0\n");
        assertThat(f.problems()).containsExactly(f.pos("catalog.yaml", "apache-3.0")
                + ": error: license id 'apache-3.0' is not a license tag of the publisher's vocabulary (did you mean "
                + "'apache-2.0'?)");
        CatalogFixture g = CatalogFixture.copy(createDirectory(tmp.resolve("second"))).replace("catalog.yaml", "  url: https://www.apache.org/licenses/LICENSE-2.0",
                "  url: javascript:alert(1)");
        assertThat(g.problems()).containsExactly(g.pos("catalog.yaml", "javascript:")
                + ": error: license url must be an https URL; found 'javascript:alert(1)'");
        assertThat(CatalogLoader.check(CatalogFixture.REAL).catalog().license())
                .isEqualTo(new Catalog.License("apache-2.0", "Apache License 2.0", "https://www.apache.org/licenses/LICENSE-2.0"));
    }

    @Test
    void aBadInputRangeIsReportedOnceWhereItIsWrong() {
        CatalogFixture f = fixture().replace("catalog.yaml", "  value_range: [0, 1]", "  value_range: [-1, 1]");
        assertThat(f.problems()).singleElement().asString().contains("value_range bound must not be negative; found -1");
        CatalogFixture g = CatalogFixture.copy(createDirectory(tmp.resolve("second")))
                .replace("catalog.yaml", "  value_range: [0, 1]", "  value_range: [0]");
        assertThat(g.problems()).singleElement().asString().endsWith("error: 'value_range' must be [min, max]");
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        CatalogFixture f = fixture().replace(V2, "name: MobileNet V2", "name: [MobileNet V2");
        assertThat(f.problems()).singleElement().asString()
                .startsWith(f.dir().resolve(V2) + ":").contains("error: YAML syntax");
        assertThat(f.check().ok()).isFalse();
    }

    @Test
    void unknownKeyGetsDidYouMean() {
        CatalogFixture f = fixture().replace(V2, "  - version: 4\n    format:", "  - version: 4\n    fromat:");
        assertThat(f.problems()).contains(f.pos(V2, "fromat:")
                + ": error: unknown key 'fromat' in version entry (did you mean 'format'?); expected one of: "
                + "version, format, fine_tunable, requirements, batch_norm_momentum, variable_input_size, changelog, metadata, heads, text, "
                + "published");
    }

    @Test
    void wrongTypeNamesTheFieldAndWhatWasFound() {
        CatalogFixture f = fixture().replace(V1, "  year: 2017", "  year: last year");
        assertThat(f.problems()).containsExactly(f.pos(V1, "last year")
                + ": error: 'year' of paper must be a whole number; found 'last year'");
    }

    @Test
    void missingFieldPointsAtTheMappingThatLacksIt() {
        // The first version has nothing to inherit its format from.
        CatalogFixture f = fixture().replace(V1, "  - version: 1\n    format: tf1_hub\n", "  - version: 1\n");
        assertThat(f.problems()).containsExactly(f.pos(V1, "version: 1")
                + ": error: missing field 'format' in version entry");
    }

    @Test
    void duplicateKeyIsRejected() {
        CatalogFixture f = fixture().replace(V1, "implementation: TF-Slim\n", "implementation: TF-Slim\nimplementation: Keras\n");
        assertThat(f.problems()).containsExactly(f.pos(V1, "implementation: Keras")
                + ": error: duplicate key 'implementation' in family file (first at line "
                + f.pos(V1, "implementation: TF-Slim").split(":")[1] + ")");
    }

    @Test
    void duplicateHandleIsRejected() {
        CatalogFixture f = fixture().replace(V2, "  - multipliers: [1.30, 1.40]", "  - multipliers: [1.30, 1.40, 0.35]");
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).startsWith(f.pos(V2, "0.35]") + ": error: duplicate handle: "
                + "mobilenet_v2 at multiplier 0.35 and resolution 224 is listed twice"));
    }

    @Test
    void versionsMustIncrease() {
        CatalogFixture f = fixture().replace(V2, "  - version: 5", "  - version: 4");
        assertThat(f.problems()).contains(f.pos(V2, "version: 4\n    published: v5")
                + ": error: version numbers must increase; 4 follows 4");
    }

    @Test
    void undeclaredGapIsAnErrorAndADeclaredOneIsNot() {
        CatalogFixture f = fixture().replace(V1, "unpublished_versions: [2]\n", "");
        assertThat(f.problems()).containsExactly(f.pos(V1, "version: 3")
                + ": error: version 3 follows 1 but version 2 is neither published nor declared in 'unpublished_versions'");
    }

    @Test
    void versionWithoutChangelog() {
        CatalogFixture f = fixture().replace(V2, "    changelog:\n      - Initial release.\n", "");
        assertThat(f.problems()).containsExactly(f.pos(V2, "version: 1")
                + ": error: version 1 has no changelog; every published version says what changed");
    }

    @Test
    void metricsForAVariantThatDoesNotExist() {
        CatalogFixture f = fixture().replace(V1, "    - [1.00, 224,", "    - [1.00, 256,");
        assertThat(f.problems()).contains(
                f.pos(V1, "- [1.00, 256,").replaceAll(":(\\d+)$", ":" + (colOf(f, V1, "- [1.00, 256,") + 2))
                        + ": error: metrics for a variant that does not exist: mobilenet_v1 1.00 at 256 is not in 'variants'");
        assertThat(f.problems()).anySatisfy(p -> assertThat(p)
                .endsWith("error: variant without metrics: mobilenet_v1 1.00 at 224 has no row in 'metrics'"));
    }

    @Test
    void featureWidthContradictingTheFamilyRule() {
        CatalogFixture f = fixture().replace(V2, "1.30: 1664", "1.30: 1280");
        assertThat(f.problems()).containsExactly(f.pos(V2, "family: mobilenet_v2")
                + ": error: declared feature width 1280 for multiplier 1.30 contradicts the family rule "
                + "(make_divisible_8), which gives 1664");
    }

    @Test
    void handleSegmentOutsideTheAllowedAlphabet() {
        CatalogFixture f = fixture().replace(V2, "family: mobilenet_v2", "family: MobileNet/V2");
        assertThat(f.problems()).containsExactly(f.pos(V2, "MobileNet/V2")
                + ": error: 'family' 'MobileNet/V2' is used in handles and paths; it must match [a-z0-9_.-]+ and not be '.' or '..'");
    }

    @Test
    void unknownFormatSuggestsTheKnownOnes() {
        CatalogFixture f = fixture().replace(V2, "  - version: 4\n    format: tf2_saved_model", "  - version: 4\n    format: tf2_savedmodel");
        // Version 5 inherits the bad format: each version is reported.
        assertThat(f.problems()).containsExactly(f.pos(V2, "version: 4")
                + ": error: version 4 has unknown format 'tf2_savedmodel' (did you mean 'tf2_saved_model'?); expected one of: tf1_hub, tf2_saved_model",
                f.pos(V2, "version: 5")
                + ": error: version 5 has unknown format 'tf2_savedmodel' (did you mean 'tf2_saved_model'?); expected one of: tf1_hub, tf2_saved_model");
    }

    @Test
    void billionLaughsFailsFastWithAClearMessage() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 8; i++) {
                bomb.append(",*").append(p);
            }
            bomb.append("]\n");
        }
        CatalogFixture f = fixture().write(V2, bomb.toString());
        long start = System.nanoTime();
        List<String> problems = f.problems();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(problems).singleElement().asString()
                .startsWith(f.dir().resolve(V2) + ":1:1: error: YAML rejected: ")
                .contains("aliases");
        assertThat(millis).as("a YAML bomb must be rejected quickly, not expanded").isLessThan(5_000);
    }

    @Test
    void tagsNamingJavaClassesAreRejected() {
        CatalogFixture f = fixture().replace(V2, "implementation: TF-Slim",
                "implementation: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]");
        assertThat(f.problems()).first().asString().isEqualTo(f.pos(V2, "!!javax")
                + ": error: tag 'tag:yaml.org,2002:javax.script.ScriptEngineManager' is not allowed; "
                + "catalog files use plain YAML values (strings, numbers, lists, maps)");
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        CatalogFixture f = fixture()
                .replace(V1, "  year: 2017", "  year: soon")
                .replace(V2, "1.30: 1664", "1.30: 1000")
                .replace(V2, "  - version: 1\n    format: tf1_hub", "  - version: 1\n    format: tf9")
                .replace(V2, "  - version: 4\n    format: tf2_saved_model", "  - version: 4\n    format: tf2_saved_model");
        // Versions 2 and 3 inherit version 1's format: one problem each, all reported in the same run.
        assertThat(f.problems()).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains(V1).contains("'year' of paper"))
                .anySatisfy(p -> assertThat(p).contains(V2).contains("declared feature width 1000"))
                .anySatisfy(p -> assertThat(p).contains(V2).contains("unknown format 'tf9'"));
    }

    @Test
    void missingFamilyFileIsLocatedAtItsReference() {
        CatalogFixture f = fixture().replace("catalog.yaml", "mobilenet_v2.yaml]", "mobilenet_v3.yaml]");
        assertThat(f.problems()).containsExactly(f.pos("catalog.yaml", "mobilenet_v3.yaml")
                + ": error: file '" + f.dir().resolve("mobilenet_v3.yaml") + "' not found");
    }

    @Test
    void invalidUtf8IsLocated() throws Exception {
        CatalogFixture f = fixture();
        String expected = f.pos(V1, "name: MobileNet V1").replaceAll(":1$", ":19");
        byte[] bytes = f.read(V1).replace("name: MobileNet V1", "name: MobileNet V1\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int nul = indexOf(bytes, (byte) 0);
        bytes[nul] = (byte) 0xC3;
        java.nio.file.Files.write(f.dir().resolve(V1), bytes);
        assertThat(f.problems()).containsExactly(expected + ": error: invalid UTF-8 byte 0xC3; catalog files must be UTF-8");
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int colOf(CatalogFixture f, String file, String needle) {
        String p = f.pos(file, needle);
        return Integer.parseInt(p.substring(p.lastIndexOf(':') + 1));
    }
}
