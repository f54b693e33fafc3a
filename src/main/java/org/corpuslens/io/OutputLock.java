package org.corpuslens.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per output folder. The lock is a small text file beside the output, {@code
 * .NAME.lock}, created atomically (a local {@code CREATE_NEW}, HDFS's {@code create} without
 * overwrite), naming its holder: host, process id, start time, run id and command. While the run
 * lives, a heartbeat refreshes the file's modification time every 30 seconds; closing the lock
 * deletes the file.
 *
 * <p>A lock whose holder is dead is taken over, and said so: on this host when its process id is
 * no longer running (or now belongs to a process started after the lock), on another host when
 * its heartbeat is older than the stale-after limit (default 10 minutes). A live holder makes
 * {@link #acquire} fail at once with {@link BusyException}.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

  /** A lock of another host without a heartbeat for this long belongs to a dead run. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(10);

  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final String SUFFIX = ".lock";
  private static final int ATTEMPTS = 5;

  /** Who holds a lock. */
  public record Holder(String host, long pid, Instant startedAt, String runId, String command) {
    /** This process, starting a run of {@code command} now. */
    public static Holder current(String command) {
      ProcessHandle self = ProcessHandle.current();
      Instant started = self.info().startInstant().orElse(Instant.now());
      return new Holder(hostName(), self.pid(), started, UUID.randomUUID().toString(), command);
    }

    /** For messages: "corpuslens run on host h, pid 123, started 2026-...Z (run id ...)". */
    public String describe() {
      return String.format(
          Locale.ROOT, "corpuslens %s on host %s, pid %d, started %s (run %s)", command, host, pid, startedAt, runId);
    }

    String toText() {
      return "host=" + host + "\npid=" + pid + "\nstarted_at=" + startedAt + "\nrun_id=" + runId + "\ncommand=" + command + "\n";
    }

    /** Parses {@link #toText}; empty when the text is not a complete lock (a crash while writing it). */
    static Optional<Holder> parse(String text) {
      Map<String, String> kv = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
      try {
        return Optional.of(
            new Holder(
                kv.get("host"),
                Long.parseLong(kv.get("pid")),
                Instant.parse(kv.get("started_at")),
                kv.get("run_id"),
                kv.getOrDefault("command", "?")));
      } catch (RuntimeException e) { // NumberFormatException, DateTimeParseException, NullPointerException
        return Optional.empty();
      }
    }
  }

  /** The output is held by a live run. */
  public static final class BusyException extends IOException {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  private final LockFile file;
  private final Holder holder;
  private final ScheduledExecutorService heartbeat;

  private OutputLock(LockFile file, Holder holder) {
    this.file = file;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "corpuslens-output-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Where the lock of {@code output} lives: {@code .NAME.lock} beside it. */
  public static String lockPath(String output, Configuration conf) throws IOException {
    Path target = qualified(output, conf);
    return new Path(target.getParent(), "." + target.getName() + SUFFIX).toString();
  }

  /**
   * Takes the lock of {@code output}, taking over the lock of a dead run (said through {@code
   * say}, in one line).
   *
   * @throws BusyException when a live run holds it; the message names the holder
   */
  public static OutputLock acquire(
      String output, Configuration conf, String command, Duration staleAfter, Consumer<String> say) throws IOException {
    return acquire(output, conf, Holder.current(command), staleAfter, say);
  }

  static OutputLock acquire(
      String output, Configuration conf, Holder me, Duration staleAfter, Consumer<String> say) throws IOException {
    Path target = qualified(output, conf);
    if (target.getParent() == null) {
      throw new IOException("the output " + output + " must not be a file system root");
    }
    Path lockPath = new Path(target.getParent(), "." + target.getName() + SUFFIX);
    LockFile file = LockFile.of(lockPath, conf);
    file.mkdirsParent();
    String tookOver = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (file.createNew(me.toText())) {
        if (tookOver != null) {
          say.accept(tookOver);
        }
        LOG.info("output {} locked by {} ({})", target, me.describe(), lockPath);
        return new OutputLock(file, me);
      }
      Optional<String> text = file.read();
      if (text.isEmpty()) {
        continue; // released in between
      }
      Optional<Holder> other = Holder.parse(text.get());
      Optional<Instant> beat = file.modified();
      String stale = staleReason(other, beat.orElse(Instant.EPOCH), me, staleAfter);
      if (stale == null) {
        throw new BusyException(
            "the output " + output + " is in use by " + other.map(Holder::describe).orElse("another run")
                + " (lock file " + lockPath + "): wait for that run to finish, or choose another --output");
      }
      String aside = ".stale-" + me.runId();
      if (!file.moveAside(aside)) {
        continue; // someone else moved it first
      }
      Optional<String> moved = file.readAside(aside);
      if (!moved.equals(text)) {
        // between our read and our move another run took the lock over: give it back
        file.moveBack(aside);
        throw new BusyException(
            "the output " + output + " is in use by "
                + moved.flatMap(Holder::parse).map(Holder::describe).orElse("another run")
                + " (lock file " + lockPath + "): wait for that run to finish, or choose another --output");
      }
      file.deleteAside(aside);
      tookOver = "took over the lock of " + output + " from a dead run: "
          + other.map(Holder::describe).orElse("an unreadable lock file") + "; " + stale;
    }
    throw new IOException("could not take the lock " + lockPath + " after " + ATTEMPTS + " attempts: other runs keep taking it");
  }

  /** Null when the holder may be alive; else why it is dead. */
  static String staleReason(Optional<Holder> other, Instant lastBeat, Holder me, Duration staleAfter) {
    Duration silent = Duration.between(lastBeat, Instant.now());
    if (other.isEmpty()) {
      // a run killed while writing its lock: judged by age alone
      return silent.compareTo(staleAfter) > 0 ? "its lock file is unreadable and " + minutes(silent) + " old" : null;
    }
    Holder h = other.get();
    if (h.host().equals(me.host())) {
      if (h.pid() == me.pid() && h.startedAt().equals(me.startedAt())) {
        return null; // this very process holds it (another run in the same JVM)
      }
      Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
      if (p.isEmpty() || !p.get().isAlive()) {
        return "pid " + h.pid() + " is no longer running on " + h.host();
      }
      Optional<Instant> started = p.get().info().startInstant();
      if (started.isPresent() && started.get().isAfter(h.startedAt().plusSeconds(2))) {
        return "pid " + h.pid() + " now belongs to a process started at " + started.get();
      }
      return null;
    }
    if (silent.compareTo(staleAfter) > 0) {
      return "no heartbeat from host " + h.host() + " for " + minutes(silent) + " (limit " + minutes(staleAfter) + ")";
    }
    return null;
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%.1f min", d.toMillis() / 60000.0);
  }

  /** Who holds this lock. */
  public Holder holder() {
    return holder;
  }

  private void beat() {
    try {
      file.touch();
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not refresh the output lock {}: another host may take it over after the stale limit", file, e);
    }
  }

  /** Stops the heartbeat and deletes the lock file, if it is still ours. */
  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    Optional<String> text = file.read();
    if (text.isPresent() && text.get().equals(holder.toText())) {
      file.delete();
    } else {
      LOG.warn("the output lock {} is no longer ours ({}): left in place", file, text.orElse("gone"));
    }
  }

  private static Path qualified(String output, Configuration conf) throws IOException {
    Path p = new Path(output);
    return p.getFileSystem(conf).makeQualified(p);
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      LOG.warn("cannot resolve this host's name ({}); the output lock names it {}", e.getMessage(), env);
      return env == null || env.isBlank() ? "unknown-host" : env;
    }
  }

  /** The lock file: local files through NIO (atomic create), others through Hadoop. */
  private abstract static class LockFile {
    static LockFile of(Path path, Configuration conf) throws IOException {
      if ("file".equals(path.toUri().getScheme())) {
        return new Local(java.nio.file.Path.of(path.toUri()));
      }
      return new Hadoop(path.getFileSystem(conf), path);
    }

    abstract void mkdirsParent() throws IOException;

    abstract boolean createNew(String text) throws IOException;

    abstract Optional<String> read() throws IOException;

    abstract Optional<Instant> modified() throws IOException;

    /** Atomically renames the lock to NAME + suffix; false when it is gone. */
    abstract boolean moveAside(String suffix) throws IOException;

    abstract Optional<String> readAside(String suffix) throws IOException;

    abstract void moveBack(String suffix) throws IOException;

    abstract void deleteAside(String suffix) throws IOException;

    abstract void touch() throws IOException;

    abstract void delete() throws IOException;
  }

  private static final class Local extends LockFile {
    private final java.nio.file.Path path;

    Local(java.nio.file.Path path) {
      this.path = path;
    }

    private java.nio.file.Path aside(String suffix) {
      return path.resolveSibling(path.getFileName() + suffix);
    }

    @Override
    void mkdirsParent() throws IOException {
      Files.createDirectories(path.getParent());
    }

    @Override
    boolean createNew(String text) throws IOException {
      try {
        Files.writeString(path, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    Optional<String> read() throws IOException {
      return readFile(path);
    }

    private static Optional<String> readFile(java.nio.file.Path p) throws IOException {
      try {
        return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    Optional<Instant> modified() throws IOException {
      try {
        return Optional.of(Files.getLastModifiedTime(path).toInstant());
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    boolean moveAside(String suffix) throws IOException {
      try {
        Files.move(path, aside(suffix), StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (NoSuchFileException e) {
        return false;
      }
    }

    @Override
    Optional<String> readAside(String suffix) throws IOException {
      return readFile(aside(suffix));
    }

    @Override
    void moveBack(String suffix) throws IOException {
      try {
        Files.move(aside(suffix), path); // fails if a third run created the lock meanwhile: it keeps it
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(aside(suffix));
      }
    }

    @Override
    void deleteAside(String suffix) throws IOException {
      Files.deleteIfExists(aside(suffix));
    }

    @Override
    void touch() throws IOException {
      Files.setLastModifiedTime(path, FileTime.from(Instant.now()));
    }

    @Override
    void delete() throws IOException {
      Files.deleteIfExists(path);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }

  private static final class Hadoop extends LockFile {
    private final FileSystem fs;
    private final Path path;

    Hadoop(FileSystem fs, Path path) {
      this.fs = fs;
      this.path = path;
    }

    private Path aside(String suffix) {
      return new Path(path.getParent(), path.getName() + suffix);
    }

    @Override
    void mkdirsParent() throws IOException {
      fs.mkdirs(path.getParent());
    }

    @Override
    boolean createNew(String text) throws IOException {
      try (OutputStream out = fs.create(path, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      }
    }

    @Override
    Optional<String> read() throws IOException {
      return readFile(path);
    }

    private Optional<String> readFile(Path p) throws IOException {
      try (InputStream in = fs.open(p)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    Optional<Instant> modified() throws IOException {
      try {
        return Optional.of(Instant.ofEpochMilli(fs.getFileStatus(path).getModificationTime()));
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    boolean moveAside(String suffix) throws IOException {
      return fs.rename(path, aside(suffix));
    }

    @Override
    Optional<String> readAside(String suffix) throws IOException {
      return readFile(aside(suffix));
    }

    @Override
    void moveBack(String suffix) throws IOException {
      if (!fs.rename(aside(suffix), path)) {
        fs.delete(aside(suffix), false);
      }
    }

    @Override
    void deleteAside(String suffix) throws IOException {
      fs.delete(aside(suffix), false);
    }

    @Override
    void touch() throws IOException {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    }

    @Override
    void delete() throws IOException {
      fs.delete(path, false);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }
}
