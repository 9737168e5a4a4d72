package dev.modelcards.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident set size, from Linux's {@code /proc/self/status} (VmHWM). {@link #reset()}
 * writes 5 to {@code /proc/self/clear_refs}, which restarts the peak, so phases can be measured one by one.
 * Elsewhere both report "not available" rather than a made-up number.
 */
public final class PeakRss {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakRss() {
    }

    /** {@return the peak RSS in KiB since start or the last {@link #reset()}, or -1 where not available} */
    public static long kib() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Restarts the peak at the current RSS.
     *
     * @return whether the platform allowed it
     */
    public static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
