package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Carrying an earlier table's files into a staged output: hard links, partition folders kept, hidden files left. */
class ParquetTablesCarryOverTest {
  private static void write(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  void dataFilesAreLinkedAtTheSamePlacesAndHiddenOnesLeftOut(@TempDir Path tmp) throws IOException {
    Path before = tmp.resolve("out");
    Path staged = tmp.resolve(".out.staging-1");
    write(before.resolve("articles/year=2022/part-00000-a.snappy.parquet"), "rows of 2022");
    write(before.resolve("articles/year=2023/part-00001-a.snappy.parquet"), "rows of 2023");
    write(before.resolve("articles/year=2023/.part-00001-a.snappy.parquet.crc"), "checksum");
    write(before.resolve("articles/_SUCCESS"), "");
    write(before.resolve("articles/_temporary/0/part-x.parquet"), "a dead attempt");
    // the update's own new file, already written
    write(staged.resolve("articles/year=2023/part-00000-b.snappy.parquet"), "new rows");
    Configuration conf = new Configuration();

    assertThat(ParquetTables.dataFiles(conf, before.toString(), "articles")).isEqualTo(2);
    long carried = ParquetTables.carryOver(conf, before.toString(), staged.toString(), "articles");

    assertThat(carried).isEqualTo(2);
    Path linked = staged.resolve("articles/year=2022/part-00000-a.snappy.parquet");
    assertThat(linked).hasContent("rows of 2022");
    assertThat(Files.isSameFile(linked, before.resolve("articles/year=2022/part-00000-a.snappy.parquet"))).isTrue();
    assertThat(Files.getAttribute(linked, "unix:nlink")).isEqualTo(2); // a hard link, not a copy
    assertThat(staged.resolve("articles/year=2023/part-00001-a.snappy.parquet")).hasContent("rows of 2023");
    assertThat(staged.resolve("articles/year=2023/part-00000-b.snappy.parquet")).hasContent("new rows");
    assertThat(staged.resolve("articles/_SUCCESS")).doesNotExist();
    assertThat(staged.resolve("articles/_temporary")).doesNotExist();
    assertThat(staged.resolve("articles/year=2023/.part-00001-a.snappy.parquet.crc")).doesNotExist();
    assertThat(ParquetTables.dataFiles(conf, staged.toString(), "articles")).isEqualTo(3);

    // deleting the staged copy (an aborted run) leaves the earlier table whole
    try (var files = Files.walk(staged)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(before.resolve("articles/year=2022/part-00000-a.snappy.parquet")).hasContent("rows of 2022");
  }

  @Test
  void aFileOfTheSameNameAtTheDestinationIsAnError(@TempDir Path tmp) throws IOException {
    write(tmp.resolve("a/t/part-1.parquet"), "earlier");
    write(tmp.resolve("b/t/part-1.parquet"), "other");
    assertThatThrownBy(() -> ParquetTables.carryOver(new Configuration(), tmp.resolve("a").toString(),
            tmp.resolve("b").toString(), "t"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already there");
    assertThat(tmp.resolve("b/t/part-1.parquet")).hasContent("other");
  }
}
