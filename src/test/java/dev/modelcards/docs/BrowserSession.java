package dev.modelcards.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium page driven over the DevTools protocol (the JDK's WebSocket client, no driver
 * library): the test types into the page as a reader would, with key events, and reads the DOM back.
 */
final class BrowserSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private BrowserSession(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts {@code binary} headless on {@code url} and attaches to its page. */
    static BrowserSession open(Path binary, Path profile, String url) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), url).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browser = listeningUrl(p);
            URI base = URI.create(browser.replaceFirst("^ws://", "http://").replaceFirst("/devtools/.*$", ""));
            HttpClient http = HttpClient.newHttpClient();
            String page = null;
            for (int i = 0; i < 100 && page == null; i++) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        page = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (page == null) {
                    Thread.sleep(100);
                }
            }
            if (page == null) {
                throw new IOException("chromium opened no page for " + url);
            }
            BrowserSession[] self = new BrowserSession[1];
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        self[0].receive(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            self[0] = new BrowserSession(p, ws);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            throw e instanceof IOException io ? io : new IOException("cannot attach to chromium: " + e, e);
        }
    }

    private static String listeningUrl(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining chromium's log so it never blocks on a full pipe
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.add(line);
        }
        throw new IOException("chromium exited before opening DevTools: " + seen.stream().limit(5).toList());
    }

    private void receive(String message) {
        try {
            JsonNode n = JSON.readTree(message);
            if (n.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
                if (f != null) {
                    f.complete(n);
                }
            }
        } catch (IOException e) {
            // not a protocol message of ours
        }
    }

    /** Sends one DevTools command and waits for its result. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    /** The value of a JavaScript expression in the page (strings, numbers, booleans). */
    String eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        JsonNode v = r.path("result").path("value");
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** Waits until {@code expression} is true in the page; fails naming it after {@code timeout}. */
    void await(String expression, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if ("true".equals(eval("!!(" + expression + ")"))) {
                    return;
                }
            } catch (IOException e) {
                // the page is navigating; ask again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never got to: " + expression + " (at " + eval("location.href") + ")");
    }

    /** Types text as key presses would insert it into the focused element. */
    void type(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    /** Presses one key: {@code Enter}, {@code ArrowDown}, or a printable character such as {@code /}. */
    void press(String key) throws Exception {
        Map<String, Integer> codes = Map.of("Enter", 13, "ArrowDown", 40, "ArrowUp", 38, "/", 191);
        int code = codes.getOrDefault(key, 0);
        String text = key.equals("Enter") ? "\r" : key.length() == 1 ? key : "";
        send("Input.dispatchKeyEvent", Map.of("type", text.isEmpty() ? "rawKeyDown" : "keyDown", "key", key,
                "windowsVirtualKeyCode", code, "text", text));
        send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key, "windowsVirtualKeyCode", code));
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
