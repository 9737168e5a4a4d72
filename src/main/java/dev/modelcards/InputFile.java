package dev.modelcards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Checks a file a user hands in before anything reads it, and reads it within its limit. A FIFO or a device
 * would block or never end, a folder is not a file, and a file far larger than any real input of its kind is
 * either a mistake or an attack: each is refused with one line naming the file, what it is and the limit,
 * before it is opened. The read itself is bounded too (a file that grows while it is read is refused), so what
 * was checked is what is read.
 *
 * <p>Every limit is stated here, in one place; {@code src/site/markdown/reliability.md} lists them.
 */
public final class InputFile {
    /** The largest real MobileNet (V2 1.4/224, float) is 24.4 MB as ONNX; 64 MiB leaves 2.6× room. */
    public static final Limit MODEL = new Limit("an ONNX model", 64L << 20);
    /** A 16-megapixel photo is 3–10 MB as JPEG, up to ~50 MB as PNG; the pixel limit is the image reader's. */
    public static final Limit IMAGE = new Limit("an image", 64L << 20);
    /** ImageNetLabels.txt is 10 kB. */
    public static final Limit LABELS = new Limit("a labels file", 1L << 20);
    /** The report of the whole catalog (412 models) is ~0.6 MB. */
    public static final Limit REPORT = new Limit("a verify report", 16L << 20);
    /** An export's manifest.json of the whole catalog is ~20 kB. */
    public static final Limit MANIFEST = new Limit("a manifest", 4L << 20);
    /** A generated markdown card read back by {@code docs --cards} (3–5 kB each). */
    public static final Limit CARD = new Limit("a card", 1L << 20);
    /** The README the docs front page is made from (~60 kB). */
    public static final Limit README = new Limit("a README", 4L << 20);

    /** Bytes read per call: 1 MiB fits in a core's cache, so hashing a chunk just read does not go to memory. */
    private static final int CHUNK = 1 << 20;

    private InputFile() {
    }

    /**
     * What kind of input a limit is for and its size.
     *
     * @param noun     the input with its article, for messages: {@code an ONNX model}
     * @param maxBytes the largest accepted size
     */
    public record Limit(String noun, long maxBytes) {
        /** The limit as a person writes it: {@code 64 MiB}. */
        public String text() {
            return maxBytes % (1L << 20) == 0 ? (maxBytes >> 20) + " MiB"
                    : maxBytes % 1024 == 0 ? (maxBytes >> 10) + " KiB" : maxBytes + " bytes";
        }

        private String rule() {
            return noun + " must be a regular file of at most " + text();
        }
    }

    /**
     * An input refused before it was read: not a regular file, or over its size limit. An
     * {@link IllegalArgumentException} so that every command prints it as its one-line error.
     */
    public static final class Rejected extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    /**
     * Checks {@code file} against {@code limit} without opening it.
     *
     * @return its size in bytes
     * @throws NoSuchFileException if it does not exist (callers decide whether that is an error)
     * @throws Rejected            if it is no regular file or too big
     * @throws IOException         if its attributes cannot be read (e.g. permission denied on a folder above)
     */
    public static long check(Path file, Limit limit) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isDirectory()) {
            throw new Rejected(file + ": a folder, not a file; " + limit.rule());
        }
        if (!a.isRegularFile()) {
            throw new Rejected(file + ": " + kind(file) + ", not a regular file; " + limit.rule());
        }
        if (a.size() > limit.maxBytes()) {
            throw new Rejected(file + ": " + a.size() + " bytes, over the " + limit.text() + " limit for "
                    + limit.noun());
        }
        return a.size();
    }

    /**
     * {@link #check}s {@code file}, then reads it: at most {@code limit} bytes, so a file that grows while it is
     * read (or a special file that lies about its size) is refused instead of read without end.
     *
     * @throws NoSuchFileException if it does not exist
     * @throws Rejected            if it is no regular file or too big
     * @throws IOException         if reading fails
     */
    public static byte[] read(Path file, Limit limit) throws IOException {
        return read(file, limit, null);
    }

    /**
     * {@link #read(Path, Limit)}, feeding every byte read to {@code digest} as it arrives: a model's SHA-256 is
     * then computed from bytes still in the CPU cache instead of in a second pass over tens of MiB.
     *
     * @param digest updated with the file's bytes in order; null for none
     * @throws NoSuchFileException if it does not exist
     * @throws Rejected            if it is no regular file or too big
     * @throws IOException         if reading fails
     */
    public static byte[] read(Path file, Limit limit, MessageDigest digest) throws IOException {
        long size = check(file, limit);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[(int) Math.min(limit.maxBytes() + 1, Math.max(size, 8192))];
            int n = 0;
            while (true) {
                // a chunk at a time, small enough to be hashed while it is still in the cache
                int r = in.read(buf, n, Math.min(CHUNK, buf.length - n));
                if (r < 0) {
                    break;
                }
                if (digest != null) {
                    digest.update(buf, n, r);
                }
                n += r;
                if (n > limit.maxBytes()) {
                    throw new Rejected(file + ": grew beyond the " + limit.text() + " limit for " + limit.noun()
                            + " while it was read");
                }
                if (n == buf.length) {
                    // the size stat gave: probe for the end before growing, so a file read whole is not
                    // copied twice (a 13 MiB model was doubled and then trimmed back on every read)
                    int next = in.read();
                    if (next < 0) {
                        return buf;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(limit.maxBytes() + 1, (long) buf.length * 2));
                    buf[n++] = (byte) next;
                    if (digest != null) {
                        digest.update((byte) next);
                    }
                    if (n > limit.maxBytes()) {
                        throw new Rejected(file + ": grew beyond the " + limit.text() + " limit for " + limit.noun()
                                + " while it was read");
                    }
                }
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    /**
     * {@link #read}s {@code file} as UTF-8 text. Malformed UTF-8 is an {@link IOException} saying where
     * (a file in another encoding would otherwise turn into replacement characters or a decoder's message).
     */
    public static String readString(Path file, Limit limit) throws IOException {
        return utf8(read(file, limit));
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws CharacterCodingException saying at which byte offset the text stops being UTF-8
     */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw new NotUtf8(String.format(java.util.Locale.ROOT, "not UTF-8 text (byte 0x%02x at offset %d)",
                    at < bytes.length ? bytes[at] & 0xff : 0, at));
        }
        return out.flip().toString();
    }

    /** Text that is not UTF-8; the message says where. */
    public static final class NotUtf8 extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String message;

        NotUtf8(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** {@code a FIFO}, {@code a character device}, ... from the file's mode; {@code a special file} otherwise. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
