package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.corpuslens.jobs.CorpusLens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --input} and {@code --output} on HDFS: the sample posts are copied into Hadoop's
 * MiniDFSCluster (a name node and a data node in this JVM), {@code corpuslens run} reads them from
 * and writes its tables to {@code hdfs://}, and the tables, copied back, must equal those of a
 * local-mode run on the local copy, row for row ({@code source_path} compared relative to the
 * input root).
 */
class HdfsRoundTripIT {

  @Test
  void runReadsFromAndWritesToHdfs(@TempDir Path tmp) throws Exception {
    Fixtures.LocalRun reference = Fixtures.sampleReference();
    // Spark and HDFS in this JVM log at INFO by default: thousands of lines
    Level previousLevel = LogManager.getRootLogger().getLevel();
    Configurator.setRootLevel(Level.WARN);
    Configurator.setLevel("org.corpuslens", Level.INFO);
    Configuration conf = new Configuration();
    MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf, tmp.resolve("dfs").toFile()).numDataNodes(1).build();
    String previousUi = System.getProperty("spark.ui.enabled");
    try {
      dfs.waitActive();
      FileSystem fs = dfs.getFileSystem();
      org.apache.hadoop.fs.Path input = fs.makeQualified(new org.apache.hadoop.fs.Path("/archive/sample-data"));
      org.apache.hadoop.fs.Path output = fs.makeQualified(new org.apache.hadoop.fs.Path("/tables/sample-data"));
      fs.mkdirs(input.getParent());
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(reference.input().toUri()), input);
      assertThat(input.toString()).startsWith("hdfs://");

      System.setProperty("spark.ui.enabled", "false");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CommandLine cl = CorpusLens.commandLine();
      cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
      int code = cl.execute(
          "run", "--master", "local[2]", "--input", input.toString(), "--output", output.toString(),
          "--topics", Fixtures.topics().toString());
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(printed).isZero();
      assertThat(printed).contains(Fixtures.countsLine(reference.output()));
      assertThat(fs.exists(new org.apache.hadoop.fs.Path(output, "run_summary.json"))).isTrue();

      Path copied = tmp.resolve("from-hdfs");
      fs.copyToLocalFile(false, output, new org.apache.hadoop.fs.Path(copied.toUri()), true);
      TableDiff.assertSameTables(reference.side(), new TableDiff.Side(copied, input.toString()));
    } finally {
      if (previousUi == null) {
        System.clearProperty("spark.ui.enabled");
      } else {
        System.setProperty("spark.ui.enabled", previousUi);
      }
      dfs.shutdown();
      Configurator.setRootLevel(previousLevel);
    }
  }
}
