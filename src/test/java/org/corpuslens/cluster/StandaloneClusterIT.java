package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster (jobs/cluster.sh: a master and two workers, each its own JVM) and the
 * submit script jobs/run.sh, as the README tells users to run them: in client and in cluster
 * deploy mode, and with an executor killed while it segments. Every run's tables must equal those
 * of a local-mode run, row for row. The cluster is stopped after the last test, also when a test
 * fails, or by a shutdown hook when the JVM ends first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
  private static final Pattern DRIVER_ID = Pattern.compile("driver driver-(\\d+-\\d+) FINISHED");
  private static final String SEGMENTER_BUILT = "Built HanLP segmenter: ";

  private Path tmp;
  private TestCluster cluster;
  private Path appJar;
  private FileTime appJarTime;
  private Set<String> appJarFolder;

  @BeforeAll
  void startCluster(@TempDir Path tempDir) throws Exception {
    tmp = tempDir;
    // the local-mode reference runs go on in the background meanwhile
    Fixtures.startSampleReference();
    Fixtures.startBigReference();
    cluster = TestCluster.start(tmp.resolve("cluster"), 2);
    appJar = appJar();
    appJarTime = Files.getLastModifiedTime(appJar);
    appJarFolder = names(appJar.getParent());
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
      Jobs.Result status = cluster.script("status");
      assertThat(status.exitCode()).as(status.output()).isEqualTo(3);
      assertThat(status.output()).contains("cluster: stopped");
    }
    // nothing of the cluster may outlive it: no daemon, driver or executor of its work folder
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      List<String> left = all.map(p -> p.info().commandLine().orElse(""))
          .filter(c -> c.contains("corpuslens.cluster.dir=" + tmp.resolve("cluster"))
              || (c.contains("CoarseGrainedExecutorBackend") && c.contains(tmp.toString())))
          .toList();
      assertThat(left).as("processes left running by the test cluster").isEmpty();
    }
  }

  @Test
  @Order(0)
  void statusSaysWhatRuns() throws Exception {
    Jobs.Result status = cluster.script("status");
    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.output())
        .containsPattern("master: running, pid \\d+")
        .containsPattern("worker-1: running, pid \\d+")
        .containsPattern("worker-2: running, pid \\d+")
        .contains("master: " + cluster.masterUrl());
    assertThat(cluster.masterJson().path("aliveworkers").asInt()).isEqualTo(2);
  }

  @Test
  @Order(1)
  void clientModeGivesTheLocalModeTables() throws Exception {
    Fixtures.LocalRun reference = Fixtures.sampleReference();
    Set<Path> before = new HashSet<>(cluster.executorDirs());
    Path out = tmp.resolve("client");
    Jobs.Result r = submit("client.log", "client", reference.input(), out);

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains(Fixtures.countsLine(reference.output()));
    assertSegmentersBuiltOncePerExecutor(newExecutors(before));
    TableDiff.assertSameTables(reference.side(), new TableDiff.Side(out, "file:" + reference.input()));
  }

  @Test
  @Order(2)
  void clusterDeployModeGivesTheLocalModeTables() throws Exception {
    Fixtures.LocalRun reference = Fixtures.sampleReference();
    Set<Path> before = new HashSet<>(cluster.executorDirs());
    Path out = tmp.resolve("cluster-mode");
    Jobs.Result r = submit("cluster-mode.log", "cluster", reference.input(), out);

    // SparkSubmit exits 0 whatever the driver did: check the driver's own end state and output
    assertThat(r.exitCode()).as(r.output()).isZero();
    Matcher m = DRIVER_ID.matcher(r.output());
    assertThat(m.find()).as("the driver's final state in:\n%s", r.output()).isTrue();
    String driver = "driver-" + m.group(1);
    assertThat(cluster.driverState(driver)).as("the master's view of " + driver).contains("FINISHED");
    Path driverDir = cluster.driverDirs().stream().filter(d -> d.endsWith(driver)).findFirst().orElseThrow();
    assertThat(TestCluster.read(driverDir.resolve("stdout"))).contains(Fixtures.countsLine(reference.output()));
    assertSegmentersBuiltOncePerExecutor(newExecutors(before));
    TableDiff.assertSameTables(reference.side(), new TableDiff.Side(out, "file:" + reference.input()));
  }

  @Test
  @Order(3)
  void aFailedDriverInClusterDeployModeIsAFailedSubmission() throws Exception {
    Path missing = tmp.resolve("no-such-input");
    Jobs.Result r = submit("cluster-mode-failing.log", "cluster", missing, tmp.resolve("failing"));

    assertThat(r.exitCode()).as(r.output()).isNotZero();
    Matcher m = Pattern.compile("driver (driver-\\d+-\\d+) ended in state FAILED").matcher(r.output());
    assertThat(m.find()).as(r.output()).isTrue();
    assertThat(cluster.driverState(m.group(1))).contains("FAILED");
  }

  @Test
  @Order(4)
  void aKilledExecutorIsReplacedAndItsTasksRetried() throws Exception {
    Fixtures.LocalRun reference = Fixtures.bigReference();
    Set<Path> before = new HashSet<>(cluster.executorDirs());
    Path out = tmp.resolve("killed-executor");
    long start = System.nanoTime();
    Jobs.Running running = startSubmit("killed-executor.log", "client", reference.input(), out);
    long killed;
    try {
      killed = killAnExecutorOnceItSegments(before, running);
    } catch (RuntimeException | Error e) {
      Jobs.destroyTree(running.process());
      throw e;
    }
    Jobs.Result r = running.await(RUN_TIMEOUT);
    System.out.printf("killed-executor run: %d s%n", (System.nanoTime() - start) / 1_000_000_000L);

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains(Fixtures.countsLine(reference.output()));
    // the driver saw the executor go and its running task fail, and the master started another
    assertThat(r.output()).containsPattern("Lost executor \\d+")
        .containsPattern("Lost task [0-9.]+ in stage [0-9.]+ .*ExecutorLostFailure");
    List<Path> executors = newExecutors(before);
    assertThat(executors).as("executors of the application, the replacement included").hasSizeGreaterThanOrEqualTo(3);
    assertThat(executors.stream().map(TestCluster::executorPid)).contains(Optional.of(killed));
    TableDiff.assertSameTables(reference.side(), new TableDiff.Side(out, "file:" + reference.input()));
  }

  @Test
  @Order(5)
  void hanLpWritesNothingIntoWorkingFoldersOrBesideTheJar() throws Exception {
    // the executors' and drivers' working folders hold only what Spark puts there
    List<Path> dirs = new ArrayList<>(cluster.executorDirs());
    dirs.addAll(cluster.driverDirs());
    assertThat(dirs).isNotEmpty();
    for (Path d : dirs) {
      assertThat(names(d)).as("files in " + d).isSubsetOf("stdout", "stderr", appJar.getFileName().toString());
    }
    // the application jar is untouched, and nothing like HanLP's data or caches appeared beside it
    assertThat(Files.getLastModifiedTime(appJar)).isEqualTo(appJarTime);
    Set<String> added = names(appJar.getParent());
    added.removeAll(appJarFolder);
    assertThat(added).as("new files beside " + appJar)
        .allMatch(n -> n.matches("(failsafe|surefire)-reports|spark-classpath\\.txt|spark-home"));
    // the local-mode runs (driver and executor in one JVM) ran in a folder they could not write to
    Fixtures.ReadOnlyDir cwd = Fixtures.sampleReference().workingDir();
    System.out.printf(
        "local-mode reference ran in %s: immutable=%s, a write was refused=%s%n", cwd.dir(), cwd.immutable(), cwd.readOnly());
    if (cwd.immutable()) {
      assertThat(cwd.readOnly()).isTrue();
    }
  }

  private Jobs.Result submit(String log, String deployMode, Path input, Path out) throws Exception {
    long start = System.nanoTime();
    Jobs.Result r = startSubmit(log, deployMode, input, out).await(RUN_TIMEOUT);
    System.out.printf("%s: %d s%n", log, (System.nanoTime() - start) / 1_000_000_000L);
    return r;
  }

  private Jobs.Running startSubmit(String log, String deployMode, Path input, Path out) throws IOException {
    return Jobs.start(
        tmp, cluster.env(), tmp.resolve(log), "run.sh",
        "--properties-file", Cli.projectDir().resolve("jobs/conf/standalone.conf").toString(),
        "--master", cluster.masterUrl(), "--deploy-mode", deployMode, "--conf", "spark.ui.enabled=false",
        "--input", input.toString(), "--output", out.toString(), "--topics", Fixtures.topics().toString());
  }

  /**
   * Waits until an executor of the new application has built its segmenter (it does so in its
   * first task, right before segmenting that task's posts), then kills its JVM with SIGKILL.
   */
  private long killAnExecutorOnceItSegments(Set<Path> before, Jobs.Running running) throws Exception {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(running.process().isAlive()).as("the job ended before an executor could be killed: " + running.log()).isTrue();
      for (Path dir : newExecutors(before)) {
        if (TestCluster.read(dir.resolve("stderr")).contains(SEGMENTER_BUILT)) {
          long pid = TestCluster.executorPid(dir).orElseThrow();
          ProcessHandle executor = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("executor " + pid + " is gone"));
          assertThat(executor.info().commandLine().orElse("")).contains("CoarseGrainedExecutorBackend");
          assertThat(executor.destroyForcibly()).isTrue();
          executor.onExit().get();
          System.out.printf("killed executor JVM %d (%s) after it built its segmenter%n", pid, dir);
          return pid;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no executor built a segmenter within " + RUN_TIMEOUT);
  }

  private List<Path> newExecutors(Set<Path> before) throws IOException {
    return cluster.executorDirs().stream().filter(d -> !before.contains(d)).sorted().toList();
  }

  /** Each executor JVM builds the segmenter at most once, with the lexicon's custom words. */
  private static void assertSegmentersBuiltOncePerExecutor(List<Path> executors) {
    assertThat(executors).as("executors of the application").isNotEmpty();
    int built = 0;
    for (Path e : executors) {
      List<String> lines = TestCluster.read(e.resolve("stderr")).lines().filter(l -> l.contains(SEGMENTER_BUILT)).toList();
      assertThat(lines).as("segmenter builds in " + e).hasSizeLessThanOrEqualTo(1);
      for (String l : lines) {
        assertThat(l).contains(SEGMENTER_BUILT + Fixtures.TOPIC_KEYWORDS + " custom words");
      }
      built += lines.size();
    }
    assertThat(built).as("executors that built a segmenter").isPositive();
  }

  private static Path appJar() throws IOException {
    try (Stream<Path> files = Files.list(Cli.projectDir().resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("corpuslens-.*-app\\.jar")).findFirst().orElseThrow();
    }
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
