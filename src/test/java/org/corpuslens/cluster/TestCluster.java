package org.corpuslens.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A standalone cluster started with {@code jobs/cluster.sh start} in its own work folder, on free
 * ports, and stopped with {@code jobs/cluster.sh stop} by {@link #close()} or, if the test JVM
 * ends first, by a shutdown hook.
 */
final class TestCluster implements AutoCloseable {
  private static final Pattern EXECUTOR_PID = Pattern.compile("Started daemon with process name: (\\d+)@");

  private final Path dir;
  private final int port;
  private final int webUiPort;
  private final Thread shutdownHook;
  private boolean stopped;

  private TestCluster(Path dir, int port, int webUiPort) {
    this.dir = dir;
    this.port = port;
    this.webUiPort = webUiPort;
    this.shutdownHook = new Thread(this::stopQuietly, "stop-test-cluster");
  }

  /** Starts a master and {@code workers} workers (2 cores, 2 GB each). */
  static TestCluster start(Path dir, int workers) throws IOException, InterruptedException {
    long start = System.nanoTime();
    TestCluster cluster = new TestCluster(dir, freePort(), freePort());
    // registered before starting: even a half-started cluster is stopped when the JVM ends
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    Jobs.Result r =
        cluster.script(
            "start", "--workers", String.valueOf(workers), "--port", String.valueOf(cluster.port),
            "--webui-port", String.valueOf(cluster.webUiPort));
    if (r.exitCode() != 0) {
      cluster.close();
      throw new IllegalStateException("jobs/cluster.sh start failed:\n" + r.output());
    }
    System.out.printf("cluster started: %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
    return cluster;
  }

  Jobs.Result script(String... args) throws IOException, InterruptedException {
    return Jobs.run(
        dir, env(), dir.resolve("cluster-sh-" + args[0] + ".out"), Duration.ofMinutes(5), "cluster.sh", args);
  }

  /** The environment of jobs/cluster.sh and of the submit scripts: this cluster's work folder. */
  Map<String, String> env() {
    return Map.of("CORPUSLENS_CLUSTER_DIR", dir.toString());
  }

  Path dir() {
    return dir;
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  /** The master's state: workers, applications and drivers (its web UI's /json/). */
  JsonNode masterJson() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return new ObjectMapper().readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** The state of a driver (cluster deploy mode) as the master reports it, if it knows it. */
  Optional<String> driverState(String driverId) throws IOException, InterruptedException {
    JsonNode json = masterJson();
    for (String list : List.of("activedrivers", "completeddrivers")) {
      for (JsonNode d : json.path(list)) {
        if (driverId.equals(d.path("id").asText())) {
          return Optional.of(d.path("state").asText());
        }
      }
    }
    return Optional.empty();
  }

  /** Executor folders (worker-I/work/APP/EXECUTOR) of all applications so far. */
  List<Path> executorDirs() throws IOException {
    return workDirs(p -> p.getFileName().toString().startsWith("app-"), true);
  }

  /** Driver folders (worker-I/work/driver-*) of all cluster-mode drivers so far. */
  List<Path> driverDirs() throws IOException {
    return workDirs(p -> p.getFileName().toString().startsWith("driver-"), false);
  }

  private List<Path> workDirs(java.util.function.Predicate<Path> top, boolean nested) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> workers = Files.list(dir)) {
      for (Path w : workers.filter(p -> p.getFileName().toString().matches("worker-\\d+")).toList()) {
        Path work = w.resolve("work");
        if (!Files.isDirectory(work)) {
          continue;
        }
        try (Stream<Path> tops = Files.list(work)) {
          for (Path t : tops.filter(top).toList()) {
            if (!nested) {
              out.add(t);
            } else {
              try (Stream<Path> execs = Files.list(t)) {
                execs.filter(Files::isDirectory).forEach(out::add);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** The pid of the executor JVM whose log is in {@code executorDir}, once it has logged it. */
  static Optional<Long> executorPid(Path executorDir) {
    Path stderr = executorDir.resolve("stderr");
    try {
      if (!Files.exists(stderr)) {
        return Optional.empty();
      }
      Matcher m = EXECUTOR_PID.matcher(Files.readString(stderr, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Jobs.Result r = script("stop");
      if (r.exitCode() != 0) {
        throw new IllegalStateException("jobs/cluster.sh stop failed:\n" + r.output());
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running or ran
      }
    }
  }

  private void stopQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop the test cluster in " + dir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
