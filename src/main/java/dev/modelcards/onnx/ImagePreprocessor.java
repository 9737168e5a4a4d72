package dev.modelcards.onnx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes an image (JPEG, PNG, BMP, GIF: whatever {@link ImageIO} reads) and resizes it to the model's input
 * size with bilinear interpolation (half-pixel centres, as TF's {@code resize_bilinear(half_pixel_centers)}),
 * giving RGB values in [0, 1] in NHWC order — the TF-Hub image convention. Written out by hand rather than
 * with {@code Graphics2D} so the result is the same on every JDK.
 */
public final class ImagePreprocessor {
    private ImagePreprocessor() {
    }

    /**
     * The image at {@code height × width}, as floats {@code [height][width][3]} flattened.
     *
     * @param file an image file
     * @param height the target height, in pixels
     * @param width the target width, in pixels
     * @return the pixels, row-major, RGB in [0, 1]
     * @throws IllegalArgumentException naming the file when it is not a readable image
     */
    public static float[] load(Path file, int height, int width) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read image " + file + ": " + e.getMessage());
        }
        if (img == null) {
            throw new IllegalArgumentException(file + " is not an image format Java can decode (JPEG, PNG, BMP, GIF)");
        }
        return resize(img, height, width);
    }

    /**
     * Bilinear resize to {@code height × width}, RGB in [0, 1].
     *
     * @param img the image
     * @param height the target height, in pixels
     * @param width the target width, in pixels
     * @return the pixels, row-major, RGB in [0, 1]
     */
    public static float[] resize(BufferedImage img, int height, int width) {
        int h = img.getHeight();
        int w = img.getWidth();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[height * width * 3];
        double sy = (double) h / height;
        double sx = (double) w / width;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double dy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double dx = fx - x0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double top = channel(argb[y0 * w + x0], shift) * (1 - dx) + channel(argb[y0 * w + x1], shift) * dx;
                    double bottom = channel(argb[y1 * w + x0], shift) * (1 - dx) + channel(argb[y1 * w + x1], shift) * dx;
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
