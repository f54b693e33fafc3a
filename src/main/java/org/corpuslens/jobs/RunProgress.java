package org.corpuslens.jobs;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.corpuslens.io.StageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple4;

/**
 * What a run is doing, while it runs, from CorpusLens' own counters: a line on stderr with the
 * stage (the description the jobs set on their Spark jobs), posts done of the total, articles,
 * rejects, elapsed time and an estimate of the time left. On a terminal the line is redrawn in
 * place; otherwise it is printed as a line of its own every few seconds (on stderr directly, not
 * through the logger, so that it shows at any log level). At the end, a short table of the stages' wall
 * times; and for {@code run_summary.json} the number of Spark jobs, stages and tasks, per stage.
 *
 * <p>The counts are the tasks' accumulator updates ({@link StageMetrics#FILES_DONE} etc.): those
 * of finished tasks, plus the latest values running tasks send with their heartbeats, so a long
 * task's progress shows before it ends. The totals come from local properties the jobs set before
 * their actions ({@link #TOTAL_FILES}, {@link #LISTED_REJECTS}). Shown values never go down (a
 * failed task's partial counts are dropped when it fails).
 *
 * <p>Settings (environment): {@code CORPUSLENS_PROGRESS} = {@code auto} (default: redrawn when
 * there is a console, logged otherwise), {@code terminal}, {@code log} or {@code off};
 * {@code CORPUSLENS_PROGRESS_SECONDS}: seconds between updates (default 0.5 redrawn, 5 logged).
 */
final class RunProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);

  /** Local property: the number of input files the next jobs process (absent or negative: unknown). */
  static final String TOTAL_FILES = "corpuslens.progress.total_files";

  /** Local property: rejects found while listing (counted as done, no task processes them). */
  static final String LISTED_REJECTS = "corpuslens.progress.listed_rejects";

  /** The start of each logged progress line (not a terminal): printed on stderr, whatever the log level. */
  static final String LOG_PREFIX = "corpuslens progress: ";

  private static final String DESCRIPTION = "spark.job.description";
  private static final String OTHER = "other";
  private static final String[] COUNTERS = {
    StageMetrics.FILES_DONE, StageMetrics.ARTICLES_DONE, StageMetrics.REJECTS_DONE
  };

  enum Mode {
    TERMINAL,
    LOG,
    OFF
  }

  private final SparkContext sc;
  private final PrintStream terminal;
  private final Mode mode;
  private final ScheduledExecutorService timer;
  private final long startNanos = System.nanoTime();
  private final Object lock = new Object();

  // guarded by lock
  private final Map<Long, long[]> running = new HashMap<>();
  private final java.util.Set<Long> ended = new java.util.HashSet<>();
  private final long[] finished = new long[COUNTERS.length];
  private final long[] stageTotals = new long[COUNTERS.length];
  private final long[] shown = new long[COUNTERS.length];
  private final Map<Integer, String> stageOfJob = new HashMap<>();
  private final Map<Integer, String> stageOfSparkStage = new HashMap<>();
  private final Map<String, StageTimes> stages = new LinkedHashMap<>();
  private String current = "listing input files";
  private long totalFiles = -1;
  private long listedRejects;
  private long processingStartNanos = -1;
  private int jobsStarted;
  private int jobsEnded;
  private int stagesCompleted;
  private long tasksEnded;

  /** Wall time and Spark work of one stage (all jobs with one description). */
  private static final class StageTimes {
    long firstStartNanos;
    long lastEndNanos = -1;
    int jobs;
    int stages;
    long tasks;
  }

  private RunProgress(SparkContext sc, PrintStream terminal, Mode mode, double seconds) {
    this.sc = sc;
    this.terminal = terminal;
    this.mode = mode;
    ThreadFactory daemon = r -> {
      Thread t = new Thread(r, "corpuslens-progress");
      t.setDaemon(true);
      return t;
    };
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon);
    if (mode != Mode.OFF) {
      long period = Math.max(10, Math.round(seconds * 1000));
      timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** How the progress is shown: read from the environment before Spark starts (bad values exit 2). */
  record Settings(Mode mode, double seconds) {
    static Settings fromEnvironment() {
      Mode mode = RunProgress.mode(System.getenv("CORPUSLENS_PROGRESS"), System.console() != null);
      String every = System.getenv("CORPUSLENS_PROGRESS_SECONDS");
      double seconds = mode == Mode.TERMINAL ? 0.5 : 5;
      if (every != null && !every.isBlank()) {
        try {
          seconds = Double.parseDouble(every.trim());
        } catch (NumberFormatException e) {
          throw new ConfigurationException("CORPUSLENS_PROGRESS_SECONDS=" + every + " is not a number of seconds");
        }
        if (!(seconds > 0)) {
          throw new ConfigurationException("CORPUSLENS_PROGRESS_SECONDS=" + every + " must be a positive number of seconds");
        }
      }
      return new Settings(mode, seconds);
    }
  }

  /** Starts following the jobs of {@code sc}; shows the line on stderr (or in the log). */
  static RunProgress start(SparkContext sc, Settings settings) {
    return start(sc, settings, System.err);
  }

  static RunProgress start(SparkContext sc, Settings settings, PrintStream terminal) {
    RunProgress p = new RunProgress(sc, terminal, settings.mode(), settings.seconds());
    sc.addSparkListener(p);
    return p;
  }

  static Mode mode(String setting, boolean console) {
    if (setting == null || setting.isBlank() || "auto".equalsIgnoreCase(setting.trim())) {
      return console ? Mode.TERMINAL : Mode.LOG;
    }
    return switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "terminal", "tty" -> Mode.TERMINAL;
      case "log" -> Mode.LOG;
      case "off", "none", "false" -> Mode.OFF;
      default -> throw new ConfigurationException(
          "CORPUSLENS_PROGRESS=" + setting + ": use auto, terminal, log or off");
    };
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    Properties props = job.properties();
    String stage = props == null ? null : props.getProperty(DESCRIPTION);
    stage = stage == null || stage.isBlank() ? OTHER : stage;
    boolean changed;
    synchronized (lock) {
      changed = !stage.equals(current);
    }
    if (changed) {
      show(); // the last state of the stage before, as it was
    }
    long now = System.nanoTime();
    synchronized (lock) {
      current = stage;
      jobsStarted++;
      stageOfJob.put(job.jobId(), stage);
      scala.collection.Iterator<Object> ids = job.stageIds().iterator();
      while (ids.hasNext()) {
        stageOfSparkStage.put((Integer) ids.next(), stage);
      }
      StageTimes t = stages.computeIfAbsent(stage, k -> new StageTimes());
      if (t.jobs++ == 0) {
        t.firstStartNanos = now;
      }
      if (props != null && props.getProperty(TOTAL_FILES) != null) {
        totalFiles = Long.parseLong(props.getProperty(TOTAL_FILES));
        listedRejects = Long.parseLong(props.getProperty(LISTED_REJECTS, "0"));
        if (processingStartNanos < 0) {
          processingStartNanos = now;
        }
      }
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd job) {
    long now = System.nanoTime();
    synchronized (lock) {
      jobsEnded++;
      StageTimes t = stages.get(stageOfJob.getOrDefault(job.jobId(), OTHER));
      if (t != null) {
        t.lastEndNanos = now;
      }
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stage) {
    synchronized (lock) {
      stagesCompleted++;
      StageTimes t = stages.get(stageOfSparkStage.getOrDefault(stage.stageInfo().stageId(), OTHER));
      if (t != null) {
        t.stages++;
      }
      // the driver's merged totals of the counters, as of this stage's end: exact, whatever the
      // task events carried
      scala.collection.Iterator<AccumulableInfo> it = stage.stageInfo().accumulables().values().iterator();
      while (it.hasNext()) {
        AccumulableInfo info = it.next();
        if (info.name().isDefined() && info.value().isDefined() && info.value().get() instanceof Number n) {
          for (int i = 0; i < COUNTERS.length; i++) {
            if (COUNTERS[i].equals(info.name().get())) {
              stageTotals[i] = Math.max(stageTotals[i], n.longValue());
            }
          }
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    long[] values = counters(task.taskInfo().accumulables());
    boolean success = task.taskInfo().successful();
    synchronized (lock) {
      tasksEnded++;
      StageTimes t = stages.get(stageOfSparkStage.getOrDefault(task.stageId(), OTHER));
      if (t != null) {
        t.tasks++;
      }
      long[] partial = running.remove(task.taskInfo().taskId());
      ended.add(task.taskInfo().taskId());
      if (values == null) {
        // the event came without the task's accumulator values (Spark may drop them from
        // finished tasks' infos): its last heartbeat's, until the stage's end gives the totals
        values = partial == null ? new long[COUNTERS.length] : partial;
      }
      if (success) {
        for (int i = 0; i < values.length; i++) {
          finished[i] += values[i];
        }
      }
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    scala.collection.Iterator<Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>>> it =
        update.accumUpdates().iterator();
    while (it.hasNext()) {
      Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t = it.next();
      long[] values = counters(t._4());
      long taskId = (Long) t._1();
      if (values != null) {
        synchronized (lock) {
          if (!ended.contains(taskId)) { // a heartbeat sent before the task's end, delivered after
            running.put(taskId, values);
          }
        }
      }
    }
  }

  /**
   * This task's values of the progress counters (its own update, not the merged total), or null
   * when none is there.
   */
  private static long[] counters(scala.collection.Iterable<AccumulableInfo> infos) {
    long[] values = new long[COUNTERS.length];
    boolean found = false;
    scala.collection.Iterator<AccumulableInfo> it = infos.iterator();
    while (it.hasNext()) {
      AccumulableInfo info = it.next();
      if (info.name().isEmpty() || info.update().isEmpty()) {
        continue;
      }
      String name = info.name().get();
      for (int i = 0; i < COUNTERS.length; i++) {
        if (COUNTERS[i].equals(name) && info.update().get() instanceof Number n) {
          values[i] = n.longValue();
          found = true;
        }
      }
    }
    return found ? values : null;
  }

  /** The progress line as of now. */
  String line() {
    long now = System.nanoTime();
    synchronized (lock) {
      long[] sum = finished.clone();
      for (long[] r : running.values()) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += r[i];
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.max(sum[i], stageTotals[i]);
      }
      boolean processing = processingStartNanos >= 0;
      if (processing) {
        sum[0] += listedRejects;
        sum[2] += listedRejects;
        if (totalFiles >= 0) {
          sum[0] = Math.min(sum[0], totalFiles);
        }
      }
      for (int i = 0; i < sum.length; i++) {
        shown[i] = Math.max(shown[i], sum[i]);
      }
      StringBuilder b = new StringBuilder(current);
      if (processing) {
        b.append(": ").append(shown[0]);
        if (totalFiles >= 0) {
          b.append(" of ").append(totalFiles);
        }
        b.append(" files, ").append(shown[1]).append(" articles, ").append(shown[2]).append(" rejects");
      }
      b.append(", ").append(seconds(now - startNanos)).append(" elapsed");
      if (processing && totalFiles > 0 && shown[0] > 0 && shown[0] < totalFiles) {
        double perFile = (double) (now - processingStartNanos) / shown[0];
        b.append(", about ").append(seconds((long) (perFile * (totalFiles - shown[0])))).append(" left");
      }
      return b.toString();
    }
  }

  private void show() {
    try {
      String line = line();
      switch (mode) {
        case TERMINAL -> {
          terminal.print("\r\u001b[K" + line);
          terminal.flush();
        }
        case LOG -> {
          terminal.println(LOG_PREFIX + line);
          terminal.flush();
        }
        case OFF -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("progress line failed: {}", e.toString(), e);
    }
  }

  private static String seconds(long nanos) {
    double s = nanos / 1e9;
    if (s < 100) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
  }

  /**
   * Waits until Spark's listener bus has delivered the events posted so far (at most 30 s: on a
   * busy machine the bus can lag well behind the jobs). {@code waitUntilEmpty} is Spark-internal
   * (Scala {@code private[spark]}, public to Java); if it is not there, the events of the jobs that
   * ended are waited for instead: every started job ended and nothing arrived for a moment.
   */
  private void settle() {
    try {
      sc.listenerBus().waitUntilEmpty(TimeUnit.SECONDS.toMillis(30));
      return;
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("Spark's listener bus still had events after 30 s: the progress counts may be behind");
      return;
    } catch (LinkageError e) {
      LOG.debug("no LiveListenerBus.waitUntilEmpty in this Spark: {}", e.toString());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long lastTasks = -1;
    int quiet = 0;
    while (System.nanoTime() < deadline && quiet < 2) {
      synchronized (lock) {
        quiet = jobsStarted == jobsEnded && tasksEnded == lastTasks ? quiet + 1 : 0;
        lastTasks = tasksEnded;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Spark jobs, stages and tasks so far, in total and per stage, for {@code run_summary.json}. */
  Map<String, Object> sparkWork() {
    settle();
    Map<String, Object> m = new LinkedHashMap<>();
    synchronized (lock) {
      m.put("jobs", jobsStarted);
      m.put("stages", stagesCompleted);
      m.put("tasks", tasksEnded);
      Map<String, Object> by = new LinkedHashMap<>();
      stages.forEach((name, t) -> {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("jobs", t.jobs);
        s.put("stages", t.stages);
        s.put("tasks", t.tasks);
        s.put("wall_s", t.lastEndNanos < 0 ? null : Math.round((t.lastEndNanos - t.firstStartNanos) / 1e7) / 100.0);
        by.put(name, s);
      });
      m.put("by_stage", by);
    }
    return m;
  }

  /** The stage timings as a small table: stage, wall seconds, Spark jobs, stages. */
  String table() {
    StringBuilder b = new StringBuilder("stage timings (wall s, Spark jobs / stages / tasks):\n");
    synchronized (lock) {
      stages.forEach((name, t) -> b.append(String.format(Locale.ROOT, "  %-32s %8.1f %4d / %d / %d%n",
          name, t.lastEndNanos < 0 ? 0.0 : (t.lastEndNanos - t.firstStartNanos) / 1e9, t.jobs, t.stages, t.tasks)));
      b.append(String.format(Locale.ROOT, "  %-32s %8.1f %4d / %d / %d", "total (since Spark was ready)",
          (System.nanoTime() - startNanos) / 1e9, jobsStarted, stagesCompleted, tasksEnded));
    }
    return b.toString();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    settle();
    sc.removeSparkListener(this);
    if (mode == Mode.OFF) {
      return;
    }
    show();
    if (mode == Mode.TERMINAL) {
      terminal.println();
      terminal.println(table());
      terminal.flush();
    } else {
      terminal.println(LOG_PREFIX + table());
      terminal.flush();
    }
  }
}
