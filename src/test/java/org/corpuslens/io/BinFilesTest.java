package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinFilesTest {
  @TempDir Path dir;

  private static List<InputFile> all(Iterator<InputFile> it) {
    List<InputFile> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void binsRoundTripWithAnyCharacterAFileNameMayHold() throws Exception {
    List<InputFile> first =
        List.of(
            new InputFile("file:/data/新闻 联播/a\tb.md", "新闻 联播/a\tb.md", 1234),
            new InputFile("file:/data/x/line\nbreak.md", "x/line\nbreak.md", 0),
            new InputFile("hdfs://nn:8020/archive/posts.tar.gz", "archive/posts.tar.gz", 5_000_000_000L, true));
    List<InputFile> second = List.of(new InputFile("file:/data/" + "长".repeat(300) + ".md", "长".repeat(300) + ".md", 7));
    Configuration conf = new Configuration(false);
    List<String> names = BinFiles.write(List.of(first, second, List.of()), dir.resolve("bins").toUri().toString(), conf);
    assertThat(names).hasSize(3);
    assertThat(names.get(0)).endsWith("bin-00000");
    assertThat(all(BinFiles.read(names.get(0), conf))).isEqualTo(first);
    assertThat(all(BinFiles.read(names.get(1), conf))).isEqualTo(second);
    assertThat(all(BinFiles.read(names.get(2), conf))).isEmpty();
  }

  @Test
  void aMissingListFailsTheTaskWithItsName() {
    String missing = dir.resolve("bins/bin-00009").toUri().toString();
    assertThatThrownBy(() -> BinFiles.read(missing, new Configuration(false)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("bin-00009");
  }
}
