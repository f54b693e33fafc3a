package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.corpuslens.testing.Cli;

/**
 * Inputs and local-mode reference runs shared by the cluster ITs of one test JVM (failsafe reuses
 * its fork), each made once: the sample posts, a custom topic lexicon, a large input made of
 * copies of the sample posts, and their tables from {@code jobs/run.sh} in local mode. The
 * reference runs go one after the other in a background thread, so that they overlap with the
 * cluster's start and runs. Everything lives in one temporary folder, deleted when the JVM ends.
 */
final class Fixtures {
  /** The lexicon of every run in these tests: not the default one, so its arrival is visible. */
  static final String TOPICS_YAML =
      """
      # a lexicon for the cluster tests: its keywords must reach the executors' segmenters
      topics:
        算力基建:
          keywords: [东数西算, 算力网络, 算力]
        新型储能:
          keywords: [储能温控, 储能电池, 储能电站]
      """;

  /** Custom words of {@link #TOPICS_YAML}: the segmenters log how many they were given. */
  static final int TOPIC_KEYWORDS = 6;

  /** Copies of the sample posts in the large input. */
  static final int COPIES = 50;

  /** A finished local-mode run: its tables and output. */
  record LocalRun(Path input, Path tables, String output, ReadOnlyDir workingDir) {
    TableDiff.Side side() {
      return new TableDiff.Side(tables, "file:" + input);
    }
  }

  private static Path root;
  private static CompletableFuture<LocalRun> sample;
  private static CompletableFuture<LocalRun> big;
  /** Runs the reference runs one after the other, in the background, while clusters work. */
  private static final ExecutorService BACKGROUND =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-reference-runs");
        t.setDaemon(true);
        return t;
      });

  private Fixtures() {}

  static synchronized Path root() throws IOException {
    if (root == null) {
      root = Files.createTempDirectory("corpuslens-cluster-it-");
      Path r = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(r), "delete-cluster-it-fixtures"));
    }
    return root;
  }

  static Path sampleData() {
    return Cli.projectDir().resolve("sample-data");
  }

  static synchronized Path topics() throws IOException {
    Path f = root().resolve("topics.yaml");
    if (!Files.exists(f)) {
      Files.writeString(f, TOPICS_YAML, StandardCharsets.UTF_8);
    }
    return f;
  }

  /** sample-data/ run in local mode by jobs/run.sh, in a working folder it cannot write to. */
  static LocalRun sampleReference() throws IOException, InterruptedException {
    return await(startSampleReference());
  }

  /** The large input run in local mode by jobs/run.sh. */
  static LocalRun bigReference() throws IOException, InterruptedException {
    return await(startBigReference());
  }

  /** Starts the sample-data reference run in the background, if it is not started yet. */
  static synchronized CompletableFuture<LocalRun> startSampleReference() {
    if (sample == null) {
      sample = CompletableFuture.supplyAsync(() -> uncheckedLocalRun("sample", Fixtures::sampleData), BACKGROUND);
    }
    return sample;
  }

  /** Starts the large-input reference run in the background (after the sample one). */
  static synchronized CompletableFuture<LocalRun> startBigReference() {
    if (big == null) {
      big = CompletableFuture.supplyAsync(() -> uncheckedLocalRun("big", Fixtures::bigInput), BACKGROUND);
    }
    return big;
  }

  private interface InputSupplier {
    Path get() throws IOException;
  }

  private static LocalRun uncheckedLocalRun(String name, InputSupplier input) {
    try {
      return localRun(name, input.get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static LocalRun await(CompletableFuture<LocalRun> run) throws IOException, InterruptedException {
    try {
      return run.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("local reference run failed", cause);
    }
  }

  /**
   * {@link #COPIES} copies of sample-data/ under new names (so new article ids): about 3,000
   * posts, articles and rejects of every kind, enough to keep two executors busy for a while.
   */
  static synchronized Path bigInput() throws IOException {
    Path big = root().resolve("big-input");
    if (Files.exists(big)) {
      return big;
    }
    Path tmp = root().resolve("big-input.tmp");
    Path src = sampleData().resolve("source");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(src)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (int i = 0; i < COPIES; i++) {
      Path copy = tmp.resolve(String.format(java.util.Locale.ROOT, "copy-%03d", i));
      for (Path f : files) {
        Path target = copy.resolve(src.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
    Files.move(tmp, big);
    return big;
  }

  private static LocalRun localRun(String name, Path input) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path out = root().resolve(name + "-local");
    ReadOnlyDir cwd = ReadOnlyDir.create(root().resolve(name + "-readonly-cwd"));
    try {
      Jobs.Result r =
          Jobs.run(
              cwd.dir(), Map.of(), root().resolve(name + "-local.log"), Duration.ofMinutes(10), "run.sh",
              "--master", "local[2]", "--input", input.toString(), "--output", out.toString(),
              "--topics", topics().toString());
      assertThat(r.exitCode()).as("local run of %s:\n%s", input, r.output()).isZero();
      try (Stream<Path> left = Files.list(cwd.dir())) {
        assertThat(left.toList()).as("files written into the working folder of a local run").isEmpty();
      }
      System.out.printf("local reference run %s: %d s%n", name, (System.nanoTime() - start) / 1_000_000_000L);
      return new LocalRun(input, out, r.output(), cwd);
    } finally {
      cwd.release();
    }
  }

  /** The line the run command prints about its counts, e.g. {@code CorpusLens: 61 input files -> ...}. */
  static String countsLine(String output) {
    return output.lines().filter(l -> l.startsWith("CorpusLens: ")).findFirst().orElseThrow(
        () -> new AssertionError("no 'CorpusLens: N input files' line in:\n" + output));
  }

  /**
   * A folder the process cannot write to: mode 555 and, where the file system allows it ({@code
   * chattr +i}), immutable, which holds for root too. {@code readOnly} says whether a write was
   * actually refused.
   */
  record ReadOnlyDir(Path dir, boolean immutable, boolean readOnly) {
    static ReadOnlyDir create(Path dir) throws IOException, InterruptedException {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      boolean immutable = run("chattr", "+i", dir.toString()) == 0;
      boolean readOnly;
      try {
        Files.delete(Files.createFile(dir.resolve("probe")));
        readOnly = false;
      } catch (FileSystemException e) {
        readOnly = true;
      }
      return new ReadOnlyDir(dir, immutable, readOnly);
    }

    void release() throws IOException, InterruptedException {
      if (immutable) {
        run("chattr", "-i", dir.toString());
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int run(String... command) throws IOException, InterruptedException {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
      } catch (IOException e) {
        return -1; // no chattr on this machine
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
