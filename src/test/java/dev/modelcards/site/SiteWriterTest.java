package dev.modelcards.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe, minimal writes: only changed files, only owned files removed, foreign files never touched. */
class SiteWriterTest {
    @TempDir
    Path site;

    static SitePlan plan(Set<SiteLayout.Set> sets, String... pathsAndContents) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        Set<SiteLayout.Set> s = EnumSet.copyOf(sets);
        s.add(SiteLayout.Set.INDEX);
        return new SitePlan(files, s);
    }

    static SitePlan all(String... pathsAndContents) {
        return plan(EnumSet.of(SiteLayout.Set.TFHUB, SiteLayout.Set.AIHUB, SiteLayout.Set.TEXT), pathsAndContents);
    }

    @Test
    void firstRunWritesEverythingAndRecordsOwnership() throws IOException {
        SiteWriter.Result r = SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n", "text/a/1.txt", "t\n"));
        assertThat(r.written()).containsExactly("index.md", "text/a/1.txt", "tfhub/a/1.md");
        assertThat(r.bytes()).isEqualTo(7);
        assertThat(Files.readString(site.resolve("tfhub/a/1.md"))).isEqualTo("a1\n");
        assertThat(Files.readString(site.resolve(SiteLayout.MANIFEST)))
                .isEqualTo(Manifest.HEADER + "\nindex.md\ntext/a/1.txt\ntfhub/a/1.md\n");
    }

    @Test
    void rerunWithNothingChangedRewritesNothing() throws IOException {
        SitePlan p = all("index.md", "i\n", "tfhub/a/1.md", "a1\n");
        SiteWriter.write(site, p);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String f : new String[] {"index.md", "tfhub/a/1.md", SiteLayout.MANIFEST}) {
            Files.setLastModifiedTime(site.resolve(f), old);
        }
        SiteWriter.Result r = SiteWriter.write(site, p);
        assertThat(r.written()).isEmpty();
        assertThat(r.unchanged()).isEqualTo(2);
        for (String f : new String[] {"index.md", "tfhub/a/1.md", SiteLayout.MANIFEST}) {
            assertThat(Files.getLastModifiedTime(site.resolve(f))).as(f).isEqualTo(old);
        }
    }

    @Test
    void onlyChangedFilesAreWritten() throws IOException {
        SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n"));
        SiteWriter.Result r = SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1 changed\n"));
        assertThat(r.written()).containsExactly("tfhub/a/1.md");
        assertThat(Files.readString(site.resolve("tfhub/a/1.md"))).isEqualTo("a1 changed\n");
    }

    @Test
    void ownedFilesNoLongerProducedAreRemovedButForeignFilesStay() throws IOException {
        SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n", "tfhub/b/1.md", "b1\n"));
        Files.writeString(site.resolve("tfhub/a/notes.md"), "mine\n");
        Files.writeString(site.resolve("README.md"), "mine too\n");
        SiteWriter.Result r = SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n"));
        assertThat(r.removed()).containsExactly("tfhub/b/1.md");
        assertThat(site.resolve("tfhub/b")).doesNotExist();
        assertThat(site.resolve("tfhub/a/notes.md")).hasContent("mine");
        assertThat(site.resolve("README.md")).hasContent("mine too");
        assertThat(Files.readString(site.resolve(SiteLayout.MANIFEST))).doesNotContain("tfhub/b/1.md");
    }

    @Test
    void aForeignFileAtAPlannedPathStopsTheRunBeforeAnyWrite() throws IOException {
        Files.createDirectories(site.resolve("tfhub/a"));
        Files.writeString(site.resolve("tfhub/a/1.md"), "hand-written\n");
        assertThatThrownBy(() -> SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n")))
                .isInstanceOf(SiteException.class)
                .hasMessageContaining("tfhub/a/1.md")
                .hasMessageContaining("did not write");
        assertThat(site.resolve("tfhub/a/1.md")).hasContent("hand-written");
        assertThat(site.resolve("index.md")).doesNotExist();
        assertThat(site.resolve(SiteLayout.MANIFEST)).doesNotExist();
    }

    @Test
    void aForeignFileWithExactlyTheWantedBytesIsAdopted() throws IOException {
        Files.writeString(site.resolve("index.md"), "i\n");
        SiteWriter.Result r = SiteWriter.write(site, all("index.md", "i\n"));
        assertThat(r.written()).isEmpty();
        assertThat(Files.readString(site.resolve(SiteLayout.MANIFEST))).contains("index.md");
    }

    @Test
    void aSingleFormatLeavesTheOtherFormatsFilesAlone() throws IOException {
        SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "a1\n", "text/a/1.txt", "t\n"));
        SiteWriter.Result r = SiteWriter.write(site, plan(EnumSet.of(SiteLayout.Set.TFHUB), "index.md", "i\n", "tfhub/a/1.md", "a2\n"));
        assertThat(r.removed()).isEmpty();
        assertThat(site.resolve("text/a/1.txt")).hasContent("t");
        assertThat(Files.readString(site.resolve(SiteLayout.MANIFEST))).contains("text/a/1.txt", "tfhub/a/1.md");
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsReplacedAndNeverPublished() throws IOException {
        Files.createDirectories(site.resolve("tfhub/a"));
        Files.writeString(site.resolve("tfhub/a/.1.md" + AtomicFiles.TMP_SUFFIX), "half wri");
        Files.writeString(site.resolve(AtomicFiles.WRITER.lockName()), "12345\n"); // a killed run leaves its lock file
        SiteWriter.write(site, all("tfhub/a/1.md", "a1\n"));
        assertThat(site.resolve("tfhub/a/1.md")).hasContent("a1");
        assertThat(site.resolve("tfhub/a/.1.md" + AtomicFiles.TMP_SUFFIX)).doesNotExist();
    }

    @Test
    void unsafeManifestEntriesAreRefused() throws IOException {
        Files.writeString(site.resolve(SiteLayout.MANIFEST), "../outside.txt\n");
        assertThatThrownBy(() -> SiteWriter.write(site, all("index.md", "i\n")))
                .isInstanceOf(SiteException.class).hasMessageContaining("not a safe relative path");
    }

    @Test
    void checkListsMissingStaleAndExtraFilesAndWritesNothing() throws IOException {
        SiteWriter.write(site, all("index.md", "i\n", "tfhub/a/1.md", "line 1\nline 2\n", "tfhub/b/1.md", "b\n"));
        assertThat(SiteChecker.check(site, all("index.md", "i\n", "tfhub/a/1.md", "line 1\nline 2\n", "tfhub/b/1.md", "b\n"))).isEmpty();
        Files.writeString(site.resolve("tfhub/a/1.md"), "line 1\nline two\n");
        Files.delete(site.resolve("index.md"));
        var problems = SiteChecker.check(site, all("index.md", "i\n", "tfhub/a/1.md", "line 1\nline 2\n", "tfhub/c/1.md", "c\n"));
        assertThat(problems).extracting(Object::toString).containsExactly(
                "missing index.md",
                "stale   tfhub/a/1.md: line 2: expected \"line 2\" but found \"line two\"; 1 of 2 lines differ (2 expected, 2 found)",
                "extra   tfhub/b/1.md: generate no longer writes it and would remove it",
                "missing tfhub/c/1.md",
                "stale   .modelcards-manifest: line 4: expected \"tfhub/c/1.md\" but found \"tfhub/b/1.md\"; 1 of 4 lines differ (4 expected, 4 found)");
        assertThat(SiteChecker.counts(problems)).isEqualTo("2 missing, 2 stale, 1 extra");
        assertThat(site.resolve("index.md")).doesNotExist();
        assertThat(site.resolve("tfhub/c/1.md")).doesNotExist();
    }
}
