package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.pipeline.FileOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingChunksTest {
  private static List<ListingChunks.Listed> readAll(List<String> chunks) {
    List<ListingChunks.Listed> all = new ArrayList<>();
    for (String c : chunks) {
      for (Iterator<ListingChunks.Listed> it = ListingChunks.read(c, new Configuration(false)); it.hasNext(); ) {
        all.add(it.next());
      }
    }
    return all;
  }

  @Test
  void writesTheFilesThenTheListingRejectsInChunksAndReadsThemBack(@TempDir Path tmp) throws Exception {
    List<InputFile> files = List.of(
        new InputFile("file:/a/1.md", "1.md", 10, false, 111L),
        new InputFile("file:/a/目录 with space/2.md", "目录 with space/2.md", 20, false, 222L),
        new InputFile("file:/a/3.tar.gz", "3.tar.gz", 30, true, 333L),
        new InputFile("file:/a/4.md", "4.md", 40)); // listed without a time
    List<FileOutcome.Reject> rejects =
        List.of(new FileOutcome.Reject("file:/a/huge.md", RejectReason.TOO_LARGE, "too large", 99, null));

    List<String> chunks = ListingChunks.write(new InputListing(files, rejects), 2, tmp.resolve("w").toString(), new Configuration(false));

    assertThat(chunks).hasSize(3); // 5 rows, 2 a chunk
    assertThat(readAll(chunks)).containsExactly(
        new ListingChunks.Listed("file:/a/1.md", ManifestDiff.FILE, 10, 111L),
        new ListingChunks.Listed("file:/a/目录 with space/2.md", ManifestDiff.FILE, 20, 222L),
        new ListingChunks.Listed("file:/a/3.tar.gz", ManifestDiff.FILE, 30, 333L),
        new ListingChunks.Listed("file:/a/4.md", ManifestDiff.FILE, 40, InputFile.UNKNOWN),
        new ListingChunks.Listed("file:/a/huge.md", ManifestDiff.LISTED_REJECT, 99, InputFile.UNKNOWN));
  }

  @Test
  void anEmptyListingIsOneEmptyChunk(@TempDir Path tmp) throws Exception {
    List<String> chunks =
        ListingChunks.write(new InputListing(List.of(), List.of()), 2_000, tmp.resolve("w").toString(), new Configuration(false));
    assertThat(chunks).hasSize(1);
    assertThat(readAll(chunks)).isEmpty();
  }

  @Test
  void aChunkThatIsGoneSaysWhichAndWhoWroteIt(@TempDir Path tmp) {
    String missing = tmp.resolve("w/listed-00000").toUri().toString();
    assertThatThrownBy(() -> ListingChunks.read(missing, new Configuration(false)))
        .hasMessageContaining("listed-00000")
        .hasMessageContaining("written by the driver");
  }

  @Test
  void refusesChunksOfNoRows(@TempDir Path tmp) {
    assertThatThrownBy(() -> ListingChunks.write(new InputListing(List.of(), List.of()), 0, tmp.toString(), new Configuration(false)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
