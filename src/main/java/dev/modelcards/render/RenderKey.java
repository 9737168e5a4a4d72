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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A make-style dependency key of one rendered document: a checksum of everything its bytes depend on, so that
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
     * @return the key, 24 hex digits
     */
    public static String of(byte[] templates, String what, Map<String, Object> model) {
        Canonical c = BUFFER.get();
        c.reset();
        c.write(code());
        c.write(templates);
        c.put(what);
        c.walk(model);
        return c.key();
    }

    private static final ThreadLocal<Canonical> BUFFER = ThreadLocal.withInitial(Canonical::new);

    /**
     * A data model written out in a canonical form (tagged by type, lengths before contents, map keys sorted)
     * and reduced to 96 bits: its length and two different CRCs (CRC-32 and CRC-32C, JIT intrinsics even
     * under C1, where SHA-256 in pure Java cost a third of an unchanged run). Not cryptographic, and need
     * not be: the catalog and templates are the user's own, and a false match needs two models of one card
     * with the same length and both checksums equal.
     */
    private static final class Canonical {
        private byte[] buf = new byte[16384];
        private int count;

        void reset() {
            count = 0;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        String key() {
            java.util.zip.CRC32 a = new java.util.zip.CRC32();
            a.update(buf, 0, count);
            java.util.zip.CRC32C b = new java.util.zip.CRC32C();
            b.update(buf, 0, count);
            // by hand: String.format sets up locale symbols on each call, and this runs for every card
            char[] hex = new char[24];
            hex8(hex, 0, count);
            hex8(hex, 8, a.getValue());
            hex8(hex, 16, b.getValue());
            return new String(hex);
        }

        private static void hex8(char[] out, int at, long v) {
            for (int i = 7; i >= 0; i--) {
                out[at + i] = Character.forDigit((int) (v & 0xf), 16);
                v >>>= 4;
            }
        }

        void walk(Object v) {
            if (v == null) {
                write('n');
            } else if (v instanceof String s) {
                write('s');
                put(s);
            } else if (v instanceof Boolean b) {
                write(b ? 't' : 'f');
            } else if (v instanceof Number n) {
                write('#');
                put(n.getClass().getName() + ":" + n);
            } else if (v instanceof Map<?, ?> m) {
                write('m');
                List<String> keys = new ArrayList<>();
                m.keySet().forEach(k -> keys.add((String) k));
                keys.sort(null); // Map.of has no stable order between runs
                putInt(keys.size());
                for (String k : keys) {
                    put(k);
                    walk(m.get(k));
                }
            } else if (v instanceof Collection<?> c) {
                write('l');
                putInt(c.size());
                c.forEach(this::walk);
            } else {
                throw new IllegalArgumentException("a template data model holds a " + v.getClass().getSimpleName()
                        + "; only maps, lists, strings, numbers and booleans have a key");
            }
        }

        void put(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            write(b, 0, b.length);
        }

        void putInt(int n) {
            ensure(4);
            buf[count++] = (byte) (n >>> 24);
            buf[count++] = (byte) (n >>> 16);
            buf[count++] = (byte) (n >>> 8);
            buf[count++] = (byte) n;
        }

        void write(byte[] b) {
            write(b, 0, b.length);
        }
    }

    /**
     * The fingerprint of a document's bytes, as the render cache records what it wrote: length and CRC-32C.
     *
     * @param bytes the bytes
     * @return the fingerprint
     */
    public static String digest(byte[] bytes) {
        // a guard against files edited by hand, not a key: length and CRC-32C are enough
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return Integer.toHexString(bytes.length) + "-" + Long.toHexString(crc.getValue());
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
