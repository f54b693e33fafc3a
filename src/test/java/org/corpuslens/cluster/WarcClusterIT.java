package org.corpuslens.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.corpuslens.generate.GeneratedPagesIT;
import org.corpuslens.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated {@code .warc.gz} through a real standalone cluster (jobs/cluster.sh, one worker) with
 * the submit script jobs/run.sh, as the README tells users to run it: every page's article must
 * match the generator's ground truth, the non-page records must be counted per kind.
 */
class WarcClusterIT {

  @Test
  void aGeneratedWarcRunsOnTheCluster(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("crawl");
    Cli.Result gen = Cli.run(tmp.resolve("gen.log"), "generate", "--format", "warc", "--articles", "400", "--seed", "11",
        "--output", corpus.toString());
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    try (TestCluster cluster = TestCluster.start(tmp.resolve("cluster"), 1)) {
      Path out = tmp.resolve("out");
      Jobs.Result r = Jobs.run(tmp, cluster.env(), tmp.resolve("submit.log"), Duration.ofMinutes(10), "run.sh",
          "--properties-file", Cli.projectDir().resolve("jobs/conf/standalone.conf").toString(),
          "--master", cluster.masterUrl(), "--deploy-mode", "client", "--conf", "spark.ui.enabled=false",
          "--input", corpus.toString(), "--output", out.toString());
      assertThat(r.exitCode()).as(r.output()).isZero();
      GeneratedPagesIT.assertMatchesGroundTruth(corpus, out, 400, 1);
    }
  }
}
