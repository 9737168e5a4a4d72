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
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Brings a site folder in line with a {@link SitePlan}, touching as little as possible:
 * <ol>
 *   <li>locks the site folder ({@link SafeFiles#lock}): a second run on the same folder at the same time is
 *       refused, naming the process that is writing;</li>
 *   <li>refuses (changing nothing) if a planned file exists, differs and is not listed in the manifest:
 *       that file is someone else's;</li>
 *   <li>records the union of old and new owned files in the manifest first, so a run killed at any
 *       point still knows every file it may have written;</li>
 *   <li>refuses (changing nothing) if the file system has clearly too little free space for the
 *       changed files ({@link SpaceCheck});</li>
 *   <li>writes only files whose bytes differ, each atomically ({@link AtomicFiles});</li>
 *   <li>removes owned files of the selected sets that the plan no longer has (and folders this
 *       leaves empty), then writes the final manifest and removes temporary files killed runs left.</li>
 * </ol>
 * A write that fails midway (disk full, permissions) stops the run with the target's path: every file is
 * then either its previous or its new version, and no temporary file is left.
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
     * Writes {@code plan} into {@code site}.
     *
     * @param site the site folder, created if missing
     * @param plan the files to write
     * @return what was written, left and removed
     * @throws IOException if a file cannot be written or removed; the message names it
     */
    public static Result write(Path site, SitePlan plan) throws IOException {
        try {
            Files.createDirectories(site);
        } catch (IOException e) {
            throw new IOException("cannot create the site folder " + site + ": " + FileErrors.reason(e), e);
        }
        try (SafeFiles.Lock lock = AtomicFiles.lock(site)) {
            return writeLocked(site, plan);
        }
    }

    private static Result writeLocked(Path site, SitePlan plan) throws IOException {
        SortedSet<String> owned = Manifest.read(site);
        List<String> changed = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : plan.files().entrySet()) {
            Path p = site.resolve(e.getKey());
            if (Files.isDirectory(p)) {
                foreign.add(e.getKey() + " (a folder)");
            } else if (!Files.exists(p)) {
                changed.add(e.getKey());
            } else if (!Arrays.equals(Files.readAllBytes(p), e.getValue())) {
                if (owned.contains(e.getKey())) {
                    changed.add(e.getKey());
                } else {
                    foreign.add(e.getKey());
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new SiteException("refusing to overwrite " + foreign.size() + " file(s) in " + site
                    + " that modelcards did not write (not in " + SiteLayout.MANIFEST + "): " + String.join(", ", foreign)
                    + "; move them away or choose another --out");
        }
        List<String> stale = new ArrayList<>();
        for (String p : owned) {
            if (plan.covers(p) && !plan.files().containsKey(p)) {
                stale.add(p);
            }
        }
        SortedSet<String> union = new TreeSet<>(owned);
        union.addAll(plan.files().keySet());
        SpaceCheck.require(site, plan, changed);
        if (!changed.isEmpty() && !union.equals(owned)) {
            AtomicFiles.write(site.resolve(SiteLayout.MANIFEST), Manifest.format(union));
        }
        long bytes = 0;
        for (String p : changed) {
            byte[] b = plan.files().get(p);
            AtomicFiles.write(site.resolve(p), b);
            bytes += b.length;
        }
        List<String> removed = new ArrayList<>();
        for (String p : stale) {
            Path file = site.resolve(p);
            if (Files.deleteIfExists(file)) {
                removed.add(p);
            }
            pruneEmptyFolders(site, file.getParent());
        }
        SortedSet<String> finalOwned = new TreeSet<>(union);
        finalOwned.removeAll(stale);
        byte[] manifest = Manifest.format(finalOwned);
        Path mf = site.resolve(SiteLayout.MANIFEST);
        if (!Files.exists(mf) || !Arrays.equals(Files.readAllBytes(mf), manifest)) {
            AtomicFiles.write(mf, manifest);
        }
        AtomicFiles.sweep(site);
        return new Result(List.copyOf(changed), plan.files().size() - changed.size(), List.copyOf(removed), bytes);
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
