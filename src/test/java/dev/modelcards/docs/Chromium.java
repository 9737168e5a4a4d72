package dev.modelcards.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, run headless once per page: {@code --dump-dom} gives the DOM after the
 * page's scripts ran, {@code --screenshot} a PNG. Each run gets a fresh profile folder and no network
 * services (no background networking, component updates or sync).
 */
final class Chromium {
    private final Path binary;
    private final Path work;
    private int runs;

    private Chromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The browser named by {@code -Dmodelcards.chromium}, else the first of chromium/chromium-browser on PATH. */
    static Optional<Chromium> find(Path work) {
        String configured = System.getProperty("modelcards.chromium", "");
        List<Path> candidates = new ArrayList<>();
        if (!configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
                candidates.add(Path.of(dir, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(b -> new Chromium(b, work));
    }

    /** The serialized DOM of {@code url} after its scripts ran. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** Saves a screenshot of {@code url} at 1400×1000 in the light theme. */
    void screenshot(String url, Path png) throws IOException, InterruptedException {
        screenshot(url, png, false);
    }

    /** Saves a screenshot of {@code url} at 1400×1000, with {@code prefers-color-scheme: dark} if asked. */
    void screenshot(String url, Path png, boolean dark) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        List<String> args = new ArrayList<>(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1000",
                "--hide-scrollbars"));
        if (dark) {
            args.addAll(List.of("--force-dark-mode", "--blink-settings=preferredColorScheme=0"));
        }
        run(url, args.toArray(String[]::new));
        if (!Files.isRegularFile(png) || Files.size(png) < 1000) {
            throw new IOException("chromium wrote no screenshot " + png + " (see " + work + ")");
        }
    }

    /** A live page on {@code url} that the test drives with key events over the DevTools protocol. */
    BrowserSession session(String url) throws IOException, InterruptedException {
        return BrowserSession.open(binary, work.resolve("profile-" + (++runs)), url);
    }

    private String run(String url, String... action) throws IOException, InterruptedException {
        int n = ++runs;
        Path profile = Files.createDirectories(work.resolve("profile-" + n));
        Path out = work.resolve("run-" + n + ".out");
        Path err = work.resolve("run-" + n + ".err");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(action));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 90 s on " + url + " (see " + err + ")");
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + " on " + url + ": "
                    + Files.readString(err, StandardCharsets.UTF_8).lines().limit(5).toList());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
