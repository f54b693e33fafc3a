package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.format.Content;
import org.corpuslens.ingest.format.SourceRecord;
import org.junit.jupiter.api.Test;

class FileRecordsTest {
  private static List<SourceRecord> read(String name, String content, String format, long max) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    ReadSettings settings = new ReadSettings(1 << 20, 0, max, List.of("*"), format);
    List<SourceRecord> out = new ArrayList<>();
    FileRecords.of(new InputFile("file:/in/金融/" + name, "in/金融/" + name, bytes.length), p -> new ByteArrayInputStream(bytes), settings)
        .forEachRemaining(out::add);
    return out;
  }

  @Test
  void aPostIsOneAccountedRecordWithItsBytes() {
    String post = "---\ntitle: 一\n---\n正文";
    assertThat(read("一.md", post, "auto", 1000)).singleElement().satisfies(r -> {
      assertThat(r.sourcePath()).isEqualTo("file:/in/金融/一.md");
      assertThat(r.idKey()).isEqualTo("in/金融/一.md");
      assertThat(r.format()).isEqualTo("post");
      assertThat(r.accountsForFile()).isTrue();
      assertThat(((Content.Document) r.content()).bytes()).isEqualTo(post.getBytes(StandardCharsets.UTF_8));
      assertThat(r.sizeBytes()).isEqualTo(post.getBytes(StandardCharsets.UTF_8).length);
    });
  }

  @Test
  void aFileNoFormatKnowsIsOneUnknownFormatReject() {
    assertThat(read("notes.dat", "some words", "auto", 1000)).singleElement().satisfies(r -> {
      assertThat(r.failure().reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT);
      assertThat(r.failure().detail()).contains("--format");
      assertThat(r.accountsForFile()).isTrue();
    });
    // forced: read as a post whatever its name (and then rejected by the post rules downstream)
    assertThat(read("notes.dat", "some words", "post", 1000)).singleElement()
        .satisfies(r -> assertThat(r.format()).isEqualTo("post"));
  }

  @Test
  void aPostOverTheLimitIsTooLarge() {
    assertThat(read("big.md", "---\n" + "x".repeat(100), "auto", 50)).singleElement()
        .satisfies(r -> assertThat(r.failure().reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void anUnopenableFileIsOneUnreadableReject() {
    ReadSettings settings = new ReadSettings(1 << 20, 0, 1000, List.of("*"), "auto");
    List<SourceRecord> out = new ArrayList<>();
    FileRecords.of(new InputFile("file:/in/gone.md", "in/gone.md", 10), p -> {
      throw new FileNotFoundException(p);
    }, settings).forEachRemaining(out::add);
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.failure().reason()).isEqualTo(RejectReason.UNREADABLE);
      assertThat(r.failure().detail()).contains("gone.md");
      assertThat(r.accountsForFile()).isTrue();
    });
  }

  @Test
  void folderNamesAreTheParentSegment() {
    assertThat(FileRecords.folderName("file:/data/THUCNews/体育/1.txt")).isEqualTo("体育");
    assertThat(FileRecords.folderName("file:/1.txt")).isEqualTo("");
    assertThat(FileRecords.fileName("file:/data/体育/1.txt")).isEqualTo("1.txt");
  }
}
