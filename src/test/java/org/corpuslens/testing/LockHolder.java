package org.corpuslens.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.io.OutputLock;
import org.corpuslens.io.StagedOutput;

/**
 * A process that holds an output the way a running {@code corpuslens run} does: the lock, and a
 * staging folder with a partial table in it. It then waits to be killed (kill -9 in the tests).
 * Arguments: OUTPUT.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    OutputLock lock = OutputLock.acquire(args[0], conf, "run", OutputLock.DEFAULT_STALE_AFTER, System.out::println);
    StagedOutput staged = StagedOutput.begin(args[0], conf);
    Path partial = Path.of(java.net.URI.create(staged.dir())).resolve("articles/part-00000.parquet");
    Files.createDirectories(partial.getParent());
    Files.write(partial, new byte[300_000]);
    System.out.println("HOLDING " + lock.holder().describe() + " " + staged.dir());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(10).toMillis());
    Files.writeString(partial, "not killed", StandardCharsets.UTF_8);
  }
}
