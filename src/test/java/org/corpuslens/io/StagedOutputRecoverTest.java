package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What dead runs leave beside an output, cleaned up by the next run (the states a kill -9 can leave). */
class StagedOutputRecoverTest {
  @TempDir Path dir;
  private final Configuration conf = new Configuration(false);

  private Path file(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  private List<String> recover() throws IOException {
    return StagedOutput.recover(dir.resolve("out").toString(), conf);
  }

  @Test
  void leftoverStagingFoldersOfDeadRunsAreRemovedInOneLine() throws IOException {
    file("out/articles/a.parquet", "current");
    file(".out.staging-1a2b3c4d/articles/part-0.parquet", "x".repeat(2_000_000));
    file(".out.staging-99999999/rejects/part-0.parquet", "y");
    file(".other.staging-11111111/articles/p.parquet", "not ours");
    List<String> said = recover();
    assertThat(said).singleElement().asString()
        .contains("removed 2 leftover folder(s) of dead runs")
        .contains("(2.0 MB)")
        .contains(".out.staging-1a2b3c4d")
        .contains(".out.staging-99999999");
    assertThat(dir.resolve(".out.staging-1a2b3c4d")).doesNotExist();
    assertThat(dir.resolve(".other.staging-11111111")).exists();
    assertThat(dir.resolve("out/articles/a.parquet")).hasContent("current");
    assertThat(recover()).isEmpty();
  }

  @Test
  void aCommitKilledBetweenItsRenamesGetsThePreviousOutputBack() throws IOException {
    file(".out.old-abcdef01/articles/a.parquet", "previous");
    file(".out.staging-abcdef01/articles/a.parquet", "new, complete");
    List<String> said = recover();
    assertThat(said).hasSize(2);
    assertThat(said.get(0)).contains("restored the previous output");
    assertThat(dir.resolve("out/articles/a.parquet")).hasContent("previous");
    assertThat(dir.resolve(".out.staging-abcdef01")).doesNotExist();
  }

  @Test
  void aCommitKilledAfterItsRenamesLeavesTheNewOutputAndLosesTheOldCopy() throws IOException {
    file("out/articles/a.parquet", "new");
    file(".out.old-abcdef01/articles/a.parquet", "previous");
    assertThat(recover()).singleElement().asString().contains("removed 1 leftover folder(s)");
    assertThat(dir.resolve("out/articles/a.parquet")).hasContent("new");
    assertThat(dir.resolve(".out.old-abcdef01")).doesNotExist();
  }

  @Test
  void anInPlaceCommitKilledMidwayPutsBackTheTablesItHadMovedOut() throws IOException {
    file("out/articles/a.parquet", "articles");
    file("out/topic_trends/t.parquet", "new trends"); // already moved in
    file(".out.replaced-12345678/topic_trends/t.parquet", "previous trends");
    file(".out.replaced-12345678/source_stats/s.parquet", "previous stats"); // moved out, new one not yet in
    file(".out.staging-12345678/source_stats/s.parquet", "new stats");
    List<String> said = recover();
    assertThat(said).hasSize(2);
    assertThat(said.get(0)).contains("put back 1 table(s)");
    assertThat(dir.resolve("out/source_stats/s.parquet")).hasContent("previous stats");
    assertThat(dir.resolve("out/topic_trends/t.parquet")).hasContent("new trends");
    assertThat(dir.resolve(".out.replaced-12345678")).doesNotExist();
  }

  @Test
  void theTargetOfAStagingFolder() {
    assertThat(StagedOutput.targetOf("file:/a/b/.out.staging-1234abcd")).isEqualTo("file:/a/b/out");
    assertThat(StagedOutput.targetOf("file:/a/b/.my.out.staging-1234abcd")).isEqualTo("file:/a/b/my.out");
    assertThat(StagedOutput.targetOf("file:/a/b/out")).isEqualTo("file:/a/b/out");
  }
}
