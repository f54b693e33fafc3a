package org.corpuslens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven over the DevTools protocol, with nothing but the JDK: the
 * browser is started with {@code --remote-debugging-port=0} on 127.0.0.1, its WebSocket address
 * read from {@code DevToolsActivePort} in a fresh profile directory, and one page is attached with
 * a flat session. Events are recorded for the test to inspect (console messages, exceptions,
 * network requests, dialogs). The flags keep Chromium off the network (no background services,
 * no component updates, no sync), as on a machine without network access.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private String session;

  /** The Chromium binary: $CHROMIUM if set, else chromium or chromium-browser on the PATH. */
  static Optional<Path> binary() {
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private HeadlessChromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts Chromium with a new profile under {@code workDir} and attaches to a blank page. */
  static HeadlessChromium start(Path binary, Path workDir) throws Exception {
    Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
    List<String> cmd = List.of(
        binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "about:blank");
    Process process = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("chromium.log").toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
            + Files.readString(workDir.resolve("chromium.log"), StandardCharsets.UTF_8));
      }
      if (Files.exists(portFile)) {
        lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        if (lines.size() >= 2) {
          break;
        }
      }
      Thread.sleep(100);
    }
    if (lines.size() < 2) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not open its DevTools port within " + TIMEOUT);
    }
    URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    HeadlessChromium[] self = new HeadlessChromium[1];
    Listener listener = new Listener(self);
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(TIMEOUT).buildAsync(uri, listener).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    HeadlessChromium c = new HeadlessChromium(process, ws);
    self[0] = c;
    String target = c.send("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    c.session = c.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      c.page(domain + ".enable", Map.of());
    }
    return c;
  }

  /** A browser-level command; returns its result. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    return call(method, params, null);
  }

  /** A command to the page. */
  JsonNode page(String method, Map<String, ?> params) throws Exception {
    return call(method, params, session);
  }

  private JsonNode call(String method, Map<String, ?> params, String sessionId) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (socket) {
      socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + " failed: " + r.get("error"));
    }
    return r.path("result");
  }

  /** Evaluates an expression in the page and returns its value (awaiting promises). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = page("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Navigates and waits until the load event and {@code readyCheck} (an expression) is true. */
  void open(String url, String readyCheck) throws Exception {
    int seen = events().size();
    page("Page.navigate", Map.of("url", url));
    awaitEvent(seen, e -> "Page.loadEventFired".equals(e.path("method").asText()));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!eval(readyCheck).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("page not ready: " + readyCheck);
      }
      Thread.sleep(50);
    }
  }

  private void awaitEvent(int from, Predicate<JsonNode> match) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (events) {
      while (true) {
        for (int i = from; i < events.size(); i++) {
          if (match.test(events.get(i))) {
            return;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("timed out waiting for a DevTools event");
        }
        events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** A copy of the events received so far. */
  List<JsonNode> events() {
    synchronized (events) {
      return new ArrayList<>(events);
    }
  }

  /** A PNG of the whole page at the given width. */
  byte[] screenshot(int width) throws Exception {
    // lay the page out at the width first, then measure its height and size the viewport to it
    page("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    settle();
    int height = eval("Math.ceil(document.documentElement.getBoundingClientRect().height)").asInt();
    page("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    settle();
    JsonNode shot = page("Page.captureScreenshot", Map.of("format", "png"));
    return java.util.Base64.getDecoder().decode(shot.get("data").asText());
  }

  /** Waits for the page's resize handlers and two frames. */
  void settle() throws Exception {
    eval("new Promise(function (r) { setTimeout(function () { requestAnimationFrame(function () { requestAnimationFrame(r); }); }, 100); })");
  }

  private void received(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable DevTools message", e);
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
      return;
    }
    if ("Page.javascriptDialogOpening".equals(msg.path("method").asText())) {
      // never leave the page blocked on a dialog; the test fails on the recorded event
      CompletableFuture.runAsync(() -> {
        try {
          page("Page.handleJavaScriptDialog", Map.of("accept", false));
        } catch (Exception e) {
          throw new IllegalStateException("cannot dismiss a dialog", e);
        }
      });
    }
    synchronized (events) {
      events.add(msg);
      events.notifyAll();
    }
  }

  /**
   * Stops Chromium and every process it started (renderer, GPU, utility, crash handler), and waits
   * for all of them: a child still writing into the profile after the main process exited made the
   * test's temporary folder fail to delete (ReportBrowserIT under load, 2026-12-07).
   */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    try {
      socket.abort();
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        child.destroy();
      }
      for (ProcessHandle child : children) {
        try {
          child.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          child.destroyForcibly();
          child.onExit().get(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** Reassembles fragmented text frames and hands complete messages to the client. */
  private static final class Listener implements WebSocket.Listener {
    private final HeadlessChromium[] client;
    private final StringBuilder buffer = new StringBuilder();
    private final List<String> early = new ArrayList<>();

    Listener(HeadlessChromium[] client) {
      this.client = client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        if (client[0] == null) {
          early.add(text);
        } else {
          early.forEach(client[0]::received);
          early.clear();
          client[0].received(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
