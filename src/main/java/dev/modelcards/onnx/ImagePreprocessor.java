package dev.modelcards.onnx;

import dev.modelcards.FileErrors;
import dev.modelcards.InputFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image (JPEG, PNG, GIF or BMP) and resizes it to the model's input size with bilinear interpolation
 * (half-pixel centres, as TF's {@code resize_bilinear(half_pixel_centers)}), giving RGB values in [0, 1] in NHWC
 * order — the TF-Hub image convention. Written out by hand rather than with {@code Graphics2D} so the result is
 * the same on every JDK.
 *
 * <p>Hostile images are refused before they cost anything: the file is checked ({@link InputFile#IMAGE}), the
 * format is told from the first bytes (not from whichever Java decoder says yes), the dimensions are read from
 * the header and limited to {@link #MAX_PIXELS} before a pixel is decoded, and a progressive JPEG's scans (each
 * one more pass over the whole image) are counted first. A decoder warning (libjpeg's "Premature end of JPEG
 * file", "Corrupt JPEG data") fails the image instead of yielding a grey-filled picture and a confident label;
 * decoder exceptions become one line naming the file, without Java class names.
 */
public final class ImagePreprocessor {
    /**
     * At most 16 Mi pixels (4096 × 4096) are decoded: a 12–16 megapixel photo fits; decoding that many takes
     * ~0.5 s here and at most 128 MiB (16-bit RGBA PNG).
     */
    public static final long MAX_PIXELS = 1L << 24;
    /** A progressive JPEG of at most 64 scans (libjpeg writes 10 for a colour image). */
    public static final int MAX_JPEG_SCANS = 64;
    /**
     * Each scan of a progressive JPEG is one more pass over the image: at most 160 M pixel-scans (10 scans of a
     * 16-megapixel image; a 4096 × 4096 one may have 9).
     */
    public static final long MAX_JPEG_PIXEL_SCANS = 160_000_000L;

    private ImagePreprocessor() {
    }

    /** An image that was not decoded; the message names the file and why, in one line. */
    public static final class BadImage extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadImage(String message) {
            super(message);
        }
    }

    /**
     * The image at {@code height × width}, as floats {@code [height][width][3]} flattened.
     *
     * @throws BadImage naming the file when it is not a readable image within the limits
     */
    public static float[] load(Path file, int height, int width) {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, InputFile.IMAGE);
        } catch (NoSuchFileException e) {
            throw new BadImage(file + ": image not found");
        } catch (InputFile.Rejected e) {
            throw new BadImage(e.getMessage());
        } catch (IOException e) {
            throw new BadImage(file + ": cannot read image: " + FileErrors.reason(e));
        }
        return resize(decode(file.toString(), bytes), height, width);
    }

    /**
     * Decodes {@code bytes}; {@code source} names them in messages.
     *
     * @throws BadImage when they are not a JPEG, PNG, GIF or BMP image within the limits, or are truncated or corrupt
     */
    public static BufferedImage decode(String source, byte[] bytes) {
        if (bytes.length == 0) {
            throw new BadImage(source + ": empty file, not an image");
        }
        String format = format(bytes);
        if (format == null) {
            StringBuilder head = new StringBuilder();
            for (int i = 0; i < Math.min(4, bytes.length); i++) {
                head.append(String.format(Locale.ROOT, "%s%02x", i == 0 ? "" : " ", bytes[i] & 0xff));
            }
            throw new BadImage(source + ": not a JPEG, PNG, GIF or BMP image (it starts with " + head + ")");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new BadImage(source + ": this Java has no " + format + " decoder");
        }
        if (format.equals("BMP")) {
            // the BMP decoder refuses large headers with a message of its own; say which limit they break
            bmpSize(source, bytes);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            long w = reader.getWidth(0);
            long h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                throw new BadImage(source + ": " + w + " × " + h + " pixels; an image may have at most " + MAX_PIXELS
                        + " pixels (e.g. 4096 × 4096)");
            }
            if (format.equals("JPEG")) {
                jpegScans(source, bytes, w * h);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            BufferedImage img = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new BadImage(source + ": truncated or corrupt " + format + " (" + clean(warnings.get(0)) + ")");
            }
            if (img == null || img.getWidth() != w || img.getHeight() != h) {
                throw new BadImage(source + ": truncated or corrupt " + format + " (the decoder returned no image of"
                        + " the declared size)");
            }
            return img;
        } catch (BadImage e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the JDK's decoders throw anything on corrupt data (IIOException, IllegalArgumentException,
            // ArrayIndexOutOfBounds, a colour-profile error): one line, without the class name
            throw new BadImage(source + ": truncated or corrupt " + format + " (" + reason(e) + ")");
        } finally {
            reader.dispose();
        }
    }

    /** The format the first bytes announce, as {@link ImageIO} names it, or null. */
    private static String format(byte[] b) {
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return "JPEG";
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "PNG";
        }
        if (starts(b, 'G', 'I', 'F', '8') && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "GIF";
        }
        if (starts(b, 'B', 'M')) {
            return "BMP";
        }
        return null;
    }

    /**
     * A BMP's declared size against {@link #MAX_PIXELS}, from its info header (any version; OS/2's 16-bit one),
     * and no embedded JPEG or PNG.
     */
    private static void bmpSize(String source, byte[] b) {
        if (b.length < 26) {
            return; // the decoder says it is truncated
        }
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long w;
        long hgt;
        if (h.getInt(14) == 12) {
            w = h.getShort(18) & 0xffff;
            hgt = h.getShort(20) & 0xffff;
        } else {
            w = Math.abs((long) h.getInt(18));
            hgt = Math.abs((long) h.getInt(22)); // negative: rows stored top-down
        }
        if (w * hgt > MAX_PIXELS) {
            throw new BadImage(source + ": " + w + " × " + hgt + " pixels; an image may have at most " + MAX_PIXELS
                    + " pixels (e.g. 4096 × 4096)");
        }
        // BI_JPEG and BI_PNG: the BMP decoder hands the pixel data to another decoder, whose own header the size
        // check above never saw (a 173-byte file made it allocate the whole heap); printers use them, photos don't
        int compression = h.getInt(14) >= 40 && b.length >= 34 ? h.getInt(30) : 0;
        if (compression == 4 || compression == 5) {
            throw new BadImage(source + ": a BMP holding an embedded " + (compression == 4 ? "JPEG" : "PNG")
                    + " image is not supported; convert it to a plain JPEG, PNG or BMP");
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts the scans (start-of-scan markers; 0xFF is never followed by 0xDA inside entropy-coded data, where it
     * is stuffed as 0xFF00) and refuses a JPEG whose scans would cost more than the limits allow.
     */
    private static void jpegScans(String source, byte[] b, long pixels) {
        int scans = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == (byte) 0xff && b[i + 1] == (byte) 0xda) {
                scans++;
            }
        }
        if (scans > MAX_JPEG_SCANS || (scans > 1 && scans * pixels > MAX_JPEG_PIXEL_SCANS)) {
            throw new BadImage(source + ": progressive JPEG with " + scans + " scans of " + pixels + " pixels; at most "
                    + MAX_JPEG_SCANS + " scans and " + MAX_JPEG_PIXEL_SCANS + " pixels × scans are decoded");
        }
    }

    /** The decoder's reason, from the first message in the cause chain, without Java class names. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.startsWith("Caught exception")) {
                return clean(m);
            }
        }
        return "the decoder gave no reason";
    }

    private static String clean(String m) {
        String line = m.strip().lines().findFirst().orElse(m)
                .replaceAll("\\b(java|javax|sun|com\\.sun)(\\.\\w+)+\\.(\\w+)(Exception|Error):?\\s*", "")
                .replaceAll("\\b\\w+(Exception|Error):\\s*", "")
                .strip();
        if (line.isEmpty()) {
            line = "the decoder gave no reason";
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * Bilinear resize to {@code height × width}, RGB in [0, 1]. Reads only the pixels it samples (four per output
     * pixel), so a large picture is never copied into a second array.
     */
    public static float[] resize(BufferedImage img, int height, int width) {
        int h = img.getHeight();
        int w = img.getWidth();
        float[] out = new float[height * width * 3];
        double sy = (double) h / height;
        double sx = (double) w / width;
        int[] x0s = new int[width];
        int[] x1s = new int[width];
        double[] dxs = new double[width];
        for (int x = 0; x < width; x++) {
            double fx = Math.max(0, (x + 0.5) * sx - 0.5);
            x0s[x] = Math.min((int) fx, w - 1);
            x1s[x] = Math.min(x0s[x] + 1, w - 1);
            dxs[x] = fx - x0s[x];
        }
        int[] row0 = new int[w];
        int[] row1 = new int[w];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double dy = fy - y0;
            img.getRGB(0, y0, w, 1, row0, 0, w);
            img.getRGB(0, y1, w, 1, row1, 0, w);
            for (int x = 0; x < width; x++) {
                int x0 = x0s[x];
                int x1 = x1s[x];
                double dx = dxs[x];
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double top = channel(row0[x0], shift) * (1 - dx) + channel(row0[x1], shift) * dx;
                    double bottom = channel(row1[x0], shift) * (1 - dx) + channel(row1[x1], shift) * dx;
                    out[(y * width + x) * 3 + c] = (float) ((top * (1 - dy) + bottom * dy) / 255.0);
                }
            }
        }
        return out;
    }

    private static int channel(int argb, int shift) {
        return (argb >> shift) & 0xff;
    }
}
