package dev.modelcards.site;

import dev.modelcards.render.RenderKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code generate} rendered last time, so an unchanged card is not rendered again (make-style): the
 * file {@value #FILE} in the site folder records, per card, its dependency key ({@link RenderKey}: data
 * model, templates, modelcards code) and the digest of the bytes written. A card whose key is unchanged and
 * whose file still has those bytes is taken from the disk instead of being rendered. The file is a cache:
 * not in the manifest, never compared by {@code --check}, rebuilt when missing or unreadable;
 * {@code generate --force} ignores it (and writes it afresh).
 */
final class RenderCache {
    /** The cache file, at the top of the site folder. */
    static final String FILE = ".modelcards-keys";
    private static final String HEADER = "# modelcards render keys: key, digest of the written bytes, path. A cache: safe to delete.";

    private final Path site;
    private final Map<String, String[]> old;
    private final boolean use;
    private final byte[] oldBytes;
    private final Map<String, String> next = new ConcurrentHashMap<>();
    /** Cards reused from their files in this run (rendering threads add to it). */
    private final Set<String> onDisk = ConcurrentHashMap.newKeySet();

    private RenderCache(Path site, Map<String, String[]> old, boolean use, byte[] oldBytes) {
        this.site = site;
        this.old = old;
        this.use = use;
        this.oldBytes = oldBytes;
    }

    /**
     * The cache of {@code site}.
     *
     * @param site the site folder
     * @param use whether to reuse what it records (false: {@code --force}, record only)
     * @return the cache
     */
    static RenderCache open(Path site, boolean use) {
        Map<String, String[]> old = new HashMap<>();
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(site.resolve(FILE));
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" ");
                if (f.length == 3 && !line.startsWith("#")) {
                    old.put(f[2], new String[] {f[0], f[1]});
                }
            }
        } catch (IOException | RuntimeException e) {
            old.clear(); // no cache, or an unreadable one: every card renders
        }
        return new RenderCache(site, old, use, bytes);
    }

    /**
     * Whether the last run that wrote the site rendered the card at {@code path} with this very key (whatever the
     * file holds now), so that what that run checked of the card still holds.
     */
    boolean recorded(String path, String key) {
        String[] rec = use ? old.get(path) : null;
        return rec != null && rec[0].equals(key);
    }

    /**
     * The bytes of the card at {@code path} if they are known to be what rendering it now would give: its
     * recorded key equals {@code key} and the file still has the recorded bytes.
     *
     * @return the file's bytes, or null to render
     */
    byte[] reuse(String path, String key) {
        if (!recorded(path, key)) {
            return null;
        }
        String[] rec = old.get(path);
        Path file = site.resolve(path);
        if (!Files.isRegularFile(file)) {
            return null; // gone, or replaced by something a read could block on (a FIFO): render
        }
        byte[] have;
        try {
            have = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null; // unreadable now: render, and let the writer report the problem
        }
        if (!RenderKey.digest(have).equals(rec[1])) {
            return null;
        }
        onDisk.add(path);
        return have;
    }

    /**
     * Whether the card at {@code path} was taken from its file by {@link #reuse} in this run: its bytes are the
     * file's, so the writer need not read the file again to compare.
     */
    boolean unchangedOnDisk(String path) {
        return onDisk.contains(path);
    }

    /** Records the key and bytes of a card of this run (called from rendering threads). */
    void record(String path, String key, byte[] bytes) {
        next.put(path, key + " " + RenderKey.digest(bytes));
    }

    /**
     * Writes the cache for the next run: this run's records plus the old ones of sets the plan did not cover.
     * Called after the commit.
     */
    void save(SitePlan plan) throws IOException {
        TreeMap<String, String> all = new TreeMap<>(next);
        old.forEach((path, rec) -> {
            if (!plan.covers(path)) {
                all.putIfAbsent(path, rec[0] + " " + rec[1]);
            }
        });
        StringBuilder b = new StringBuilder(all.size() * 120).append(HEADER).append('\n');
        all.forEach((path, rec) -> b.append(rec).append(' ').append(path).append('\n'));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(bytes, oldBytes)) {
            AtomicFiles.write(site.resolve(FILE), bytes);
        }
    }
}
