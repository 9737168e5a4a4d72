package dev.modelcards.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A make-style dependency key of one rendered document: a digest of everything its bytes depend on, so that
 * an unchanged key means unchanged output and the document need not be rendered again. The inputs are the
 * template's data model (every catalog fact the card can show, walked in a canonical order), the templates
 * folder's files, and the modelcards code that renders (its version plus the jar's or classes' size and
 * time, so a rebuilt snapshot counts as new code). Templates cannot reach anything else: the engine gives
 * them no Java access ({@link TemplateEngine}).
 */
public final class RenderKey {
    private static volatile byte[] code;

    private RenderKey() {
    }

    /**
     * The key of one document.
     *
     * @param templates the templates' fingerprint ({@link TemplateEngine#fingerprint()})
     * @param what      which template renders it (rendering and template name)
     * @param model     the template's data model
     * @return the key, 32 hex digits
     */
    public static String of(byte[] templates, String what, Map<String, Object> model) {
        MessageDigest d = sha256();
        d.update(code());
        d.update(templates);
        put(d, what);
        walk(d, model);
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /**
     * The digest of some bytes, as keys record a document's output.
     *
     * @param bytes the bytes
     * @return 32 hex digits
     */
    public static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes), 0, 16);
    }

    /** Feeds a data-model value in a canonical form: tagged by type, lengths before contents, map keys sorted. */
    private static void walk(MessageDigest d, Object v) {
        if (v == null) {
            d.update((byte) 'n');
        } else if (v instanceof String s) {
            d.update((byte) 's');
            put(d, s);
        } else if (v instanceof Boolean b) {
            d.update((byte) (b ? 't' : 'f'));
        } else if (v instanceof Number n) {
            d.update((byte) '#');
            put(d, n.getClass().getName() + ":" + n);
        } else if (v instanceof Map<?, ?> m) {
            d.update((byte) 'm');
            List<String> keys = new ArrayList<>();
            m.keySet().forEach(k -> keys.add((String) k));
            keys.sort(null); // Map.of has no stable order between runs
            putInt(d, keys.size());
            for (String k : keys) {
                put(d, k);
                walk(d, m.get(k));
            }
        } else if (v instanceof Collection<?> c) {
            d.update((byte) 'l');
            putInt(d, c.size());
            c.forEach(x -> walk(d, x));
        } else {
            throw new IllegalArgumentException("a template data model holds a " + v.getClass().getSimpleName()
                    + "; only maps, lists, strings, numbers and booleans have a key");
        }
    }

    private static void put(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putInt(d, b.length);
        d.update(b);
    }

    private static void putInt(MessageDigest d, int n) {
        d.update((byte) (n >>> 24));
        d.update((byte) (n >>> 16));
        d.update((byte) (n >>> 8));
        d.update((byte) n);
    }

    /**
     * The fingerprint of a folder's files: every relative path and its bytes, in path order.
     *
     * @param dir a folder
     * @return the digest
     */
    static byte[] folder(Path dir) {
        MessageDigest d = sha256();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                put(d, dir.relativize(p).toString().replace('\\', '/'));
                byte[] b = Files.readAllBytes(p);
                putInt(d, b.length);
                d.update(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d.digest();
    }

    /** The rendering code's fingerprint: version, and the jar's (or class folder's) size and modification time. */
    private static byte[] code() {
        byte[] c = code;
        if (c == null) {
            MessageDigest d = sha256();
            put(d, String.valueOf(RenderKey.class.getPackage().getImplementationVersion()));
            try {
                Path src = Path.of(RenderKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                            put(d, src.relativize(p) + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis());
                        }
                    }
                } else {
                    put(d, src + ":" + Files.size(src) + ":" + Files.getLastModifiedTime(src).toMillis());
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                put(d, "unknown code " + System.nanoTime()); // no fingerprint: no key matches, everything renders
            }
            c = d.digest();
            code = c;
        }
        return c;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
