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
        return check(site, plan, SiteWriter.Inspector.NONE);
    }

    /**
     * The same, showing every rendered file to {@code inspector} (whose {@code beforeCommit} is not called).
     * Files are rendered and compared a batch at a time; only the differences are kept.
     *
     * @param site the site folder
     * @param plan what the site folder should hold
     * @param inspector sees each rendered file
     * @return the differences; empty when the site is up to date
     * @throws IOException if the site folder cannot be read
     */
    public static List<Problem> check(Path site, SitePlan plan, SiteWriter.Inspector inspector) throws IOException {
        List<Problem> out = new ArrayList<>();
        SortedSet<String> owned = Files.isDirectory(site) ? Manifest.read(site) : new TreeSet<>();
        SortedSet<String> expectedOwned = new TreeSet<>(plan.paths());
        for (String p : owned) {
            if (!plan.covers(p)) {
                expectedOwned.add(p);
            }
        }
        plan.forEach((e, b) -> {
            inspector.inspect(e, b);
            Path file = site.resolve(e.path());
            if (!Files.isRegularFile(file)) {
                out.add(new Problem(Kind.MISSING, e.path(), ""));
                return;
            }
            if (b == null) {
                if (sameStream(e, file)) {
                    return;
                }
                b = e.render(); // only a stale streamed file is rendered into memory, for its summary
            }
            byte[] have = Files.readAllBytes(file);
            if (!Arrays.equals(have, b)) {
                out.add(new Problem(Kind.STALE, e.path(), LineDiff.summary(
                        new String(b, StandardCharsets.UTF_8), new String(have, StandardCharsets.UTF_8))));
            }
        });
        for (String p : owned) {
            if (plan.entry(p) == null && plan.covers(p) && Files.exists(site.resolve(p))) {
                out.add(new Problem(Kind.EXTRA, p, "generate no longer writes it and would remove it"));
            }
        }
        out.sort(java.util.Comparator.comparing(Problem::path));
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

    /** Whether a streamed entry writes exactly the bytes of {@code file}, compared as they come. */
    private static boolean sameStream(SitePlan.Entry e, Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean[] same = {true};
            e.stream().writeTo(new java.io.OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    if (same[0] && in.read() != (b & 0xff)) {
                        same[0] = false;
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int i = 0; i < len && same[0]; i++) {
                        write(b[off + i]);
                    }
                }
            });
            return same[0] && in.read() == -1;
        }
    }
}
