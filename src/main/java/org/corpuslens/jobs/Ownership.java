package org.corpuslens.jobs;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.io.OutputLock;
import org.corpuslens.io.StagedOutput;

/**
 * Takes an output folder for one command, before Spark starts: its lock (a busy output is a
 * configuration error, exit 2, naming the holder), then the clean-up of what dead runs left
 * beside it. Each thing done is said in one line on the error stream.
 */
final class Ownership {
  private Ownership() {}

  static OutputLock take(String output, String command, PrintWriter err) throws IOException {
    Configuration conf = org.corpuslens.io.SparkSessions.hadoopConfiguration();
    OutputLock lock;
    try {
      lock = OutputLock.acquire(output, conf, command, OutputLock.DEFAULT_STALE_AFTER, line -> say(err, line));
    } catch (OutputLock.BusyException e) {
      throw new ConfigurationException(e.getMessage(), e);
    }
    try {
      for (String line : StagedOutput.recover(output, conf)) {
        say(err, line);
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  private static void say(PrintWriter err, String line) {
    err.println("corpuslens: " + line);
    err.flush();
  }
}
