package dev.modelcards.site;

import dev.modelcards.FileErrors;
import dev.modelcards.SafeFiles;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *       leaves empty), then writes the final manifest and removes temporary files killed runs left.</li>
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
         * One rendered file.
         *
         * @param e the plan entry
         * @param bytes its bytes, or null for a streamed entry
         */
        default void inspect(SitePlan.Entry e, byte[] bytes) {
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
                r = writeLocked(site, plan, inspector, RenderCache.open(site, !force));
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

    private static Result writeLocked(Path site, SitePlan plan, Inspector inspector, RenderCache cache) throws IOException {
        SortedSet<String> owned = Manifest.read(site);
        List<SafeFiles.Staged> staged = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        long[] bytes = {0};
        int committed = 0;
        try {
            try {
                plan.forEach((e, b) -> {
                    inspector.inspect(e, b);
                    String path = e.path();
                    Path p = site.resolve(path);
                    if (Files.isDirectory(p)) {
                        foreign.add(path + " (a folder)");
                        return;
                    }
                    SafeFiles.Staged s;
                    if (b != null) {
                        if (cache.unchangedOnDisk(path)) {
                            return; // taken from this very file a moment ago: nothing to compare or write
                        }
                        byte[] have = readIfExists(p);
                        if (have != null && Arrays.equals(have, b)) {
                            return;
                        }
                        if (have != null && !owned.contains(path)) {
                            foreign.add(path);
                            return;
                        }
                        s = AtomicFiles.stage(p, b);
                    } else {
                        // too big to hold at 100x catalogs: staged first, then compared file to file
                        s = AtomicFiles.stage(p, e.stream());
                        boolean exists = Files.exists(p);
                        boolean same = exists && s.sameAsTarget();
                        if (same || exists && !owned.contains(path)) {
                            AtomicFiles.discard(s);
                            if (!same) {
                                foreign.add(path);
                            }
                            return;
                        }
                    }
                    staged.add(s);
                    changed.add(path);
                    bytes[0] += b != null ? b.length : s.size();
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
            AtomicFiles.sweep(site);
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

    /** The file's bytes, or null if there is no such file. */
    private static byte[] readIfExists(Path p) throws IOException {
        try {
            return Files.readAllBytes(p);
        } catch (java.nio.file.NoSuchFileException e) {
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
