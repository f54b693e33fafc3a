package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock of an output folder, with holders written by hand: live, dead, and of another host. */
class OutputLockTest {
  @TempDir Path dir;
  private final Configuration conf = new Configuration(false);
  private final List<String> said = new ArrayList<>();

  private Path output() {
    return dir.resolve("out");
  }

  private Path lockFile() {
    return dir.resolve(".out.lock");
  }

  private OutputLock acquire(OutputLock.Holder me) throws IOException {
    return OutputLock.acquire(output().toString(), conf, me, OutputLock.DEFAULT_STALE_AFTER, said::add);
  }

  private static OutputLock.Holder me() {
    return OutputLock.Holder.current("run");
  }

  /** A holder of another process on this host, described by its real pid and start time. */
  private static OutputLock.Holder holderOf(Process p) {
    ProcessHandle h = p.toHandle();
    return new OutputLock.Holder(
        OutputLock.hostName(), h.pid(), h.info().startInstant().orElseThrow(), "other-run", "extract");
  }

  @Test
  void theLockFileNamesItsHolderAndIsDeletedOnClose() throws IOException {
    OutputLock.Holder me = me();
    try (OutputLock lock = acquire(me)) {
      assertThat(lockFile()).exists();
      Optional<OutputLock.Holder> stored = OutputLock.Holder.parse(Files.readString(lockFile(), StandardCharsets.UTF_8));
      assertThat(stored).contains(me);
      assertThat(stored.orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(lock.holder()).isEqualTo(me);
    }
    assertThat(lockFile()).doesNotExist();
    assertThat(said).isEmpty();
    assertThat(OutputLock.lockPath(output().toString(), conf)).isEqualTo("file:" + lockFile());
  }

  @Test
  void aLiveHolderOnThisHostMakesTheSecondRunFailNamingIt() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      OutputLock.Holder other = holderOf(sleeper);
      Files.writeString(lockFile(), other.toText(), StandardCharsets.UTF_8);
      assertThatThrownBy(() -> acquire(me()))
          .isInstanceOf(OutputLock.BusyException.class)
          .hasMessageContaining("is in use by corpuslens extract on host " + other.host())
          .hasMessageContaining("pid " + sleeper.pid())
          .hasMessageContaining("started " + other.startedAt());
      assertThat(Files.readString(lockFile(), StandardCharsets.UTF_8)).isEqualTo(other.toText()); // untouched
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }

  @Test
  void theLockOfAProcessThatEndedIsTakenOverAndSaidSo() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    OutputLock.Holder other = holderOf(ended);
    ended.waitFor();
    while (ended.toHandle().isAlive()) {
      Thread.sleep(10);
    }
    Files.writeString(lockFile(), other.toText(), StandardCharsets.UTF_8);
    OutputLock.Holder me = me();
    try (OutputLock lock = acquire(me)) {
      assertThat(OutputLock.Holder.parse(Files.readString(lockFile(), StandardCharsets.UTF_8))).contains(me);
    }
    assertThat(said).singleElement().asString()
        .contains("took over the lock")
        .contains("pid " + other.pid() + " is no longer running");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).isEmpty(); // no .stale-* left behind
    }
  }

  @Test
  void aPidNowUsedByALaterProcessIsStale() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      OutputLock.Holder real = holderOf(sleeper);
      // the lock says this pid started an hour before the process that has it now
      OutputLock.Holder recycled =
          new OutputLock.Holder(real.host(), real.pid(), real.startedAt().minusSeconds(3600), "old-run", "run");
      Files.writeString(lockFile(), recycled.toText(), StandardCharsets.UTF_8);
      try (OutputLock lock = acquire(me())) {
        assertThat(said).singleElement().asString().contains("now belongs to a process started at");
      }
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }

  @Test
  void anotherHostsLockIsBusyWhileItsHeartbeatIsFreshAndStaleAfterTheLimit() throws IOException {
    OutputLock.Holder remote = new OutputLock.Holder("some-other-host", 4242, Instant.now().minusSeconds(3600), "r", "run");
    Files.writeString(lockFile(), remote.toText(), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> acquire(me()))
        .isInstanceOf(OutputLock.BusyException.class)
        .hasMessageContaining("on host some-other-host, pid 4242");

    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
    try (OutputLock lock = acquire(me())) {
      assertThat(said).singleElement().asString()
          .contains("took over")
          .contains("no heartbeat from host some-other-host for 11.0 min (limit 10.0 min)");
    }
  }

  @Test
  void anUnreadableLockIsJudgedByItsAge() throws IOException {
    Files.writeString(lockFile(), "", StandardCharsets.UTF_8); // a run killed while writing it
    assertThatThrownBy(() -> acquire(me())).isInstanceOf(OutputLock.BusyException.class).hasMessageContaining("another run");
    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
    try (OutputLock lock = acquire(me())) {
      assertThat(said).singleElement().asString().contains("unreadable");
    }
  }

  @Test
  void twoLocksOfOneProcessExcludeEachOther() throws IOException {
    OutputLock.Holder me = me();
    try (OutputLock lock = acquire(me)) {
      OutputLock.Holder sameJvm = new OutputLock.Holder(me.host(), me.pid(), me.startedAt(), "second", "analyze");
      assertThatThrownBy(() -> acquire(sameJvm)).isInstanceOf(OutputLock.BusyException.class);
    }
  }

  @Test
  void theHeartbeatKeepsTheLockFreshAndCloseLeavesALockThatIsNoLongerOurs() throws IOException {
    OutputLock lock = acquire(me());
    OutputLock.Holder thief = new OutputLock.Holder("h", 1, Instant.EPOCH, "t", "run");
    Files.writeString(lockFile(), thief.toText(), StandardCharsets.UTF_8);
    lock.close();
    assertThat(Files.readString(lockFile(), StandardCharsets.UTF_8)).isEqualTo(thief.toText());
  }
}
