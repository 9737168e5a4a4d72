package dev.modelcards.site;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses a run before it writes anything when the site's file system cannot hold the changed files, so
 * a full disk leaves the whole site at its previous version instead of half old, half new. The estimate
 * counts whole blocks and the one temporary file that exists beside its target while it is written; it
 * ignores new folders, so a nearly full disk can still fail midway (each file then stays old or new).
 */
final class SpaceCheck {
    private static final long DEFAULT_BLOCK = 4096;

    private SpaceCheck() {
    }

    /** @throws SiteException naming the folder, the bytes needed and the bytes available */
    static void require(Path site, SitePlan plan, List<String> changed) throws IOException {
        if (changed.isEmpty()) {
            return;
        }
        FileStore store = Files.getFileStore(site);
        long block = blockSize(store);
        long running = 0;
        long peak = 0;
        for (String p : changed) {
            Path file = site.resolve(p);
            long now = Files.isRegularFile(file) ? blocks(Files.size(file), block) : 0;
            long next = blocks(plan.files().get(p).length, block);
            peak = Math.max(peak, running + next); // the temporary file sits beside the old one until the rename
            running += next - now;
        }
        long manifest = 2 * blocks(Manifest.format(new java.util.TreeSet<>(plan.files().keySet())).length, block);
        long need = Math.max(peak, running) + manifest;
        long free = store.getUsableSpace();
        if (free == 0 && store.getTotalSpace() == 0) {
            return; // some file systems (FUSE, /proc-like) report no sizes: nothing to judge by
        }
        if (free < need) {
            throw new SiteException("not enough space in " + site + " to write " + changed.size() + " file(s): about "
                    + need + " bytes needed, " + free + " available; nothing was changed");
        }
    }

    private static long blockSize(FileStore store) {
        try {
            long b = store.getBlockSize();
            return b > 0 ? b : DEFAULT_BLOCK;
        } catch (IOException | UnsupportedOperationException e) {
            return DEFAULT_BLOCK;
        }
    }

    private static long blocks(long bytes, long block) {
        return (bytes + block - 1) / block * block;
    }
}
