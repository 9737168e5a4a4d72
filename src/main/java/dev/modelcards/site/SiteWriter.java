package dev.modelcards.site;

import dev.modelcards.FileErrors;
import dev.modelcards.SafeFiles;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Brings a site folder in line with a {@link SitePlan}, touching as little as possible and streaming: no
 * more than a batch of cards is ever in memory.
 * <ol>
 *   <li>locks the site folder ({@link SafeFiles#lock}): a second run on the same folder at the same time is
 *       refused, naming the process that is writing;</li>
 *   <li><b>stage</b>: renders the plan a batch at a time and compares each file with the one on disk; a
 *       changed file is written to a temporary file beside its target ({@link SafeFiles#stage}), an unchanged
 *       one is left alone;</li>
 *   <li>refuses (changing nothing) if a planned file exists, differs and is not listed in the manifest:
 *       that file is someone else's; likewise when rendering fails, the {@link Inspector} vetoes, or a
 *       temporary file cannot be written (full disk, size limit): every staged file is removed again;</li>
 *   <li><b>commit</b>: records the union of old and new owned files in the manifest first, so a run killed at
 *       any point still knows every file it may have written, then renames each staged file over its target
 *       (each file is either its previous or its new version at any moment);</li>
 *   <li>removes owned files of the selected sets that the plan no longer has (and folders this
 *       leaves empty), then writes the final manifest and, when the lock file shows that the last run was
 *       killed, removes the temporary files killed runs left.</li>
 * </ol>
 * A second run on an unchanged catalog therefore writes nothing at all.
 */
public final class SiteWriter {
    private SiteWriter() {
    }

    /**
     * What a run did.
     *
     * @param written   paths written (new or changed)
     * @param unchanged how many planned files already had the right bytes
     * @param removed   owned paths removed because the plan no longer has them
     * @param bytes     bytes written
     */
    public record Result(List<String> written, int unchanged, List<String> removed, long bytes) {
    }

    /**
     * Sees every planned file as it is rendered, before anything is committed, and may stop the run.
     */
    public interface Inspector {
        /** Inspects nothing, vetoes nothing. */
        Inspector NONE = new Inspector() {
        };

        /**
         * One rendered file. Called on the rendering threads, several files at a time: it must be thread-safe
         * (and anything it collects must not depend on the order of the calls).
         *
         * @param e the plan entry
         * @param bytes its bytes, or null for a streamed entry
         */
        default void inspect(SitePlan.Entry e, byte[] bytes) {
        }

        /**
         * Whether {@link #inspect} also wants the cards taken unchanged from the render cache. An inspector whose
         * verdict depends only on what a card's dependency key covers may decline: such a card passed the same
         * inspection in the run that rendered it (a run whose inspection failed commits nothing and records no key).
         *
         * @return false to see only the files rendered in this run
         */
        default boolean inspectsReusedCards() {
            return true;
        }

        /**
         * Called once every file is rendered and staged, before the first is committed.
         *
         * @throws SiteException to stop the run, changing nothing; its message is the user's
         */
        default void beforeCommit() throws SiteException {
        }
    }

    /**
     * Writes {@code plan} into {@code site}.
     *
     * @param site the site folder, created if missing
     * @param plan the files to write
     * @return what was written, left and removed
     * @throws IOException if a file cannot be written or removed; the message names it
     */
    public static Result write(Path site, SitePlan plan) throws IOException {
        return write(site, plan, Inspector.NONE);
    }

    /**
     * Writes {@code plan} into {@code site}, showing every rendered file to {@code inspector} first.
     *
     * @param site the site folder, created if missing
     * @param plan the files to write
     * @param inspector sees each file before anything is committed, and may stop the run
     * @return what was written, left and removed
     * @throws IOException if a file cannot be written or removed; the message names it
     */
    public static Result write(Path site, SitePlan plan, Inspector inspector) throws IOException {
        return write(site, plan, inspector, false);
    }

    /**
     * Writes {@code plan} into {@code site}, taking every card whose dependency key is unchanged since the
     * last run from the disk instead of rendering it ({@link RenderCache}), unless {@code force}.
     *
     * @param site the site folder, created if missing
     * @param plan the files to write
     * @param inspector sees each file before anything is committed, and may stop the run
     * @param force render every card, whatever the cache says
     * @return what was written, left and removed
     * @throws IOException if a file cannot be written or removed; the message names it
     */
    public static Result write(Path site, SitePlan plan, Inspector inspector, boolean force) throws IOException {
        boolean existed = Files.isDirectory(site);
        try {
            Files.createDirectories(site);
        } catch (IOException e) {
            throw new IOException("cannot create the site folder " + site + ": " + FileErrors.reason(e), e);
        }
        boolean done = false;
        try {
            Result r;
            try (SafeFiles.Lock lock = AtomicFiles.lock(site)) {
                r = writeLocked(site, plan, inspector, RenderCache.open(site, !force), lock.takenOverFromAKilledRun());
            }
            done = true;
            return r;
        } finally {
            if (!done && !existed) {
                // the folder was made for the lock: a run that wrote nothing leaves no trace
                try {
                    Path abs = site.toAbsolutePath();
                    pruneEmptyFolders(abs.getParent(), abs);
                } catch (IOException | RuntimeException ignored) {
                    // the failure that stopped the run is the one to report
                }
            }
        }
    }

    private static Result writeLocked(Path site, SitePlan plan, Inspector inspector, RenderCache cache, boolean afterAKill)
            throws IOException {
        SortedSet<String> owned = Manifest.read(site);
        List<SafeFiles.Staged> staged = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        long[] bytes = {0};
        int committed = 0;
        try {
            try {
                plan.forEach(new SitePlan.Stages<Staging>() {
                    @Override
                    public Staging prepare(SitePlan.Entry e, byte[] b) throws IOException {
                        if (inspector.inspectsReusedCards() || !cache.unchangedOnDisk(e.path())) {
                            inspector.inspect(e, b);
                        }
                        return b != null ? stageCard(site, e.path(), b, owned, cache) : stageStreamed(site, e, owned);
                    }

                    @Override
                    public void accept(SitePlan.Entry e, Staging s) {
                        switch (s.kind()) {
                            case FOLDER -> foreign.add(e.path() + " (a folder)");
                            case FOREIGN -> foreign.add(e.path());
                            case SAME -> { }
                            case STAGED -> {
                                staged.add(s.staged());
                                changed.add(e.path());
                                bytes[0] += s.size();
                            }
                        }
                    }
                }, cache);
            } catch (IOException e) {
                if (FileErrors.reason(e.getCause() instanceof IOException c ? c : e).contains("no space left")) {
                    throw new SiteException("not enough space in " + site + " to write the changed files ("
                            + e.getMessage() + "); nothing was changed");
                }
                throw new IOException(e.getMessage() + "; nothing was changed", e);
            }
            if (!foreign.isEmpty()) {
                throw new SiteException("refusing to overwrite " + foreign.size() + " file(s) in " + site
                        + " that modelcards did not write (not in " + SiteLayout.MANIFEST + "): " + String.join(", ", foreign)
                        + "; move them away or choose another --out");
            }
            inspector.beforeCommit();
            List<String> stale = new ArrayList<>();
            for (String p : owned) {
                if (plan.covers(p) && plan.entry(p) == null) {
                    stale.add(p);
                }
            }
            SortedSet<String> union = new TreeSet<>(owned);
            union.addAll(plan.paths());
            if (!changed.isEmpty() && !union.equals(owned)) {
                try {
                    AtomicFiles.write(site.resolve(SiteLayout.MANIFEST), Manifest.format(union));
                } catch (IOException e) {
                    throw new IOException(e.getMessage() + "; nothing was changed", e);
                }
            }
            for (; committed < staged.size(); committed++) {
                AtomicFiles.commit(staged.get(committed));
            }
            List<String> removed = new ArrayList<>();
            for (String p : stale) {
                Path file = site.resolve(p);
                if (Files.deleteIfExists(file)) {
                    removed.add(p);
                }
                pruneEmptyFolders(site, file.getParent());
            }
            SortedSet<String> finalOwned = union;
            finalOwned.removeAll(stale);
            byte[] manifest = Manifest.format(finalOwned);
            Path mf = site.resolve(SiteLayout.MANIFEST);
            if (!Files.exists(mf) || !Arrays.equals(Files.readAllBytes(mf), manifest)) {
                AtomicFiles.write(mf, manifest);
            }
            if (afterAKill) {
                // only a killed run leaves temporary files, and it leaves its lock file too: walking a 100x site
                // (75,000 folders) on every run to find none cost more than a second
                AtomicFiles.sweep(site);
            }
            cache.save(plan);
            return new Result(List.copyOf(changed), plan.size() - changed.size(), List.copyOf(removed), bytes[0]);
        } finally {
            // a run stopped before or during the commit: what was staged and not committed goes again,
            // with the folders made for it that are left empty
            for (int i = committed; i < staged.size(); i++) {
                SafeFiles.Staged s = staged.get(i);
                AtomicFiles.discard(s);
                pruneEmptyFolders(site, s.target().getParent());
            }
        }
    }

    /** What preparing one planned file found: nothing to do, someone else's file or folder, or a staged write. */
    private record Staging(Kind kind, SafeFiles.Staged staged, long size) {
        enum Kind { SAME, FOREIGN, FOLDER, STAGED }

        static final Staging SAME = new Staging(Kind.SAME, null, 0);
        static final Staging FOREIGN = new Staging(Kind.FOREIGN, null, 0);
        static final Staging FOLDER = new Staging(Kind.FOLDER, null, 0);
    }

    /**
     * Compares a rendered card with its file and stages it if it changed (runs on the rendering threads). One
     * stat decides most cases: no file (stage), a file of another size (changed), a folder; only a file of the
     * same size is read to compare.
     */
    private static Staging stageCard(Path site, String path, byte[] b, SortedSet<String> owned, RenderCache cache) throws IOException {
        if (cache.unchangedOnDisk(path)) {
            return Staging.SAME; // taken from this very file a moment ago: nothing to compare or write
        }
        Path p = site.resolve(path);
        BasicFileAttributes a = attributes(p);
        if (a != null && a.isDirectory()) {
            return Staging.FOLDER;
        }
        if (a != null) {
            boolean same = a.isRegularFile() && a.size() == b.length && Arrays.equals(Files.readAllBytes(p), b);
            if (same) {
                return Staging.SAME;
            }
            if (!owned.contains(path)) {
                return Staging.FOREIGN;
            }
        }
        return new Staging(Staging.Kind.STAGED, AtomicFiles.stage(p, b), b.length);
    }

    /** A file too big to hold at 100x catalogs ({@code index.json}): staged first, then compared file to file. */
    private static Staging stageStreamed(Path site, SitePlan.Entry e, SortedSet<String> owned) throws IOException {
        Path p = site.resolve(e.path());
        if (Files.isDirectory(p)) {
            return Staging.FOLDER;
        }
        SafeFiles.Staged s = AtomicFiles.stage(p, e.stream());
        boolean exists = Files.exists(p);
        boolean same = exists && s.sameAsTarget();
        if (same || exists && !owned.contains(e.path())) {
            AtomicFiles.discard(s);
            return same ? Staging.SAME : Staging.FOREIGN;
        }
        return new Staging(Staging.Kind.STAGED, s, s.size());
    }

    /** What is at {@code p}, following a symbolic link (a card path may be a link to the real file); null if nothing. */
    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes {@code dir} and its parents up to (not including) {@code site} while they are empty. */
    private static void pruneEmptyFolders(Path site, Path dir) throws IOException {
        Path d = dir;
        while (d != null && !d.equals(site) && d.startsWith(site)) {
            try {
                Files.deleteIfExists(d);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
            d = d.getParent();
        }
    }
}
