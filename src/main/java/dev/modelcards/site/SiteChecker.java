package dev.modelcards.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a site folder with what {@code generate} would write, writing nothing: every missing,
 * stale or extra file (temporary files a killed run left included), each with a one-line summary of the difference. CI runs it so that a catalog or
 * template edit without regenerated cards fails.
 */
public final class SiteChecker {
    private SiteChecker() {
    }

    /** One file that is not as generate would leave it. */
    public record Problem(Kind kind, String path, String detail) {
        @Override
        public String toString() {
            return kind.label + " " + path + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** How a file differs. */
    public enum Kind {
        /** A file generate would write that the site folder lacks. */
        MISSING("missing"),
        /** A file whose content differs from what generate would write. */
        STALE("stale  "),
        /** A file generate owns but would remove (no longer planned, or left by an interrupted run). */
        EXTRA("extra  ");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * Every difference between {@code site} and {@code plan}, sorted by path.
     *
     * @param site the site folder
     * @param plan what the site folder should hold
     * @return the differences; empty when the site is up to date
     * @throws IOException if the site folder cannot be read
     */
    public static List<Problem> check(Path site, SitePlan plan) throws IOException {
        List<Problem> out = new ArrayList<>();
        SortedSet<String> owned = Files.isDirectory(site) ? Manifest.read(site) : new TreeSet<>();
        SortedSet<String> expectedOwned = new TreeSet<>(plan.files().keySet());
        for (String p : owned) {
            if (!plan.covers(p)) {
                expectedOwned.add(p);
            }
        }
        SortedSet<String> paths = new TreeSet<>(plan.files().keySet());
        paths.addAll(owned);
        for (String p : paths) {
            Path file = site.resolve(p);
            byte[] want = plan.files().get(p);
            if (want == null) {
                if (plan.covers(p) && Files.exists(file)) {
                    out.add(new Problem(Kind.EXTRA, p, "generate no longer writes it and would remove it"));
                }
            } else if (!Files.isRegularFile(file)) {
                out.add(new Problem(Kind.MISSING, p, ""));
            } else {
                byte[] have = Files.readAllBytes(file);
                if (!Arrays.equals(have, want)) {
                    out.add(new Problem(Kind.STALE, p, LineDiff.summary(
                            new String(want, StandardCharsets.UTF_8), new String(have, StandardCharsets.UTF_8))));
                }
            }
        }
        byte[] manifest = Manifest.format(expectedOwned);
        Path mf = site.resolve(SiteLayout.MANIFEST);
        if (!Files.isRegularFile(mf)) {
            out.add(new Problem(Kind.MISSING, SiteLayout.MANIFEST, ""));
        } else if (!Arrays.equals(Files.readAllBytes(mf), manifest)) {
            out.add(new Problem(Kind.STALE, SiteLayout.MANIFEST, LineDiff.summary(
                    new String(manifest, StandardCharsets.UTF_8), Files.readString(mf, StandardCharsets.UTF_8))));
        }
        if (Files.isDirectory(site)) {
            try (Stream<Path> walk = Files.walk(site)) {
                walk.filter(f -> AtomicFiles.isTemporary(f.getFileName().toString()) && Files.isRegularFile(f))
                        .map(f -> site.relativize(f).toString().replace('\\', '/')).sorted()
                        .forEach(f -> out.add(new Problem(Kind.EXTRA, f, "temporary file of an interrupted generate; generate removes it")));
            }
        }
        return out;
    }

    /**
     * Counts per kind, e.g. {@code 2 stale, 1 missing}.
     *
     * @param problems the differences found
     * @return the counts, one kind after another
     */
    public static String counts(List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        for (Kind k : Kind.values()) {
            long n = problems.stream().filter(p -> p.kind() == k).count();
            if (n > 0) {
                parts.add(n + " " + k.label.strip());
            }
        }
        return String.join(", ", parts);
    }
}
