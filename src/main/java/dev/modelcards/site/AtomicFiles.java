package dev.modelcards.site;

import dev.modelcards.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The site's use of the one safe writer ({@link SafeFiles}): cards, index and manifest are replaced
 * atomically, temporary files end in {@value #TMP_SUFFIX}, and a run holds the site folder's lock.
 */
final class AtomicFiles {
    /** Suffix of the site's temporary files (and of its lock file). */
    static final String TMP_SUFFIX = ".modelcards-tmp";

    static final SafeFiles WRITER = new SafeFiles(TMP_SUFFIX);

    private AtomicFiles() {
    }

    /** @throws IOException whose message names {@code target} and the reason, ready for the user */
    static void write(Path target, byte[] bytes) throws IOException {
        WRITER.write(target, bytes);
    }

    /** Stages a write (see {@link SafeFiles#stage}); nothing is visible until {@link #commit}. */
    static SafeFiles.Staged stage(Path target, byte[] bytes) throws IOException {
        return WRITER.stage(target, bytes);
    }

    /** Stages a streamed write (see {@link SafeFiles#stage(Path, SafeFiles.Content)}). */
    static SafeFiles.Staged stage(Path target, SafeFiles.Content content) throws IOException {
        return WRITER.stage(target, content);
    }

    /** Makes a staged write visible: one atomic rename. */
    static void commit(SafeFiles.Staged s) throws IOException {
        WRITER.commit(s);
    }

    /** Drops a staged write. */
    static void discard(SafeFiles.Staged s) {
        WRITER.discard(s);
    }

    /** Whether a file name is a temporary file of a site write (a killed run's, or a running one's). */
    static boolean isTemporary(String name) {
        return name.endsWith(TMP_SUFFIX);
    }

    /**
     * Removes the temporary files runs killed mid-write left anywhere under {@code site}: untagged ones of
     * older versions, and tagged ones of processes that no longer run. Called while holding the site's lock.
     *
     * @return the removed files
     */
    static List<Path> sweep(Path site) throws IOException {
        return WRITER.sweep(site, true, true);
    }

    /** Locks {@code site} for one generate run (see {@link SafeFiles#lock}). */
    static SafeFiles.Lock lock(Path site) throws IOException {
        return WRITER.lock(site);
    }
}
