package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.ingest.format.Content;
import org.corpuslens.ingest.format.SourceRecord;
import org.junit.jupiter.api.Test;

class ArchiveEntriesTest {
  private static byte[] tarGz(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.putArchiveEntry(new TarArchiveEntry("source/_posts/"));
      tar.closeArchiveEntry();
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(namesAndContents[i]);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static List<SourceRecord> read(byte[] archive, String name, long max) throws IOException {
    List<SourceRecord> out = new ArrayList<>();
    ReadSettings settings = new ReadSettings(1 << 20, 0, max, List.of("*.md", "*.html"), "auto");
    FileRecords.of(new InputFile("file:/a/" + name, "a/" + name, archive.length, true), path -> new ByteArrayInputStream(archive), settings)
        .forEachRemaining(out::add);
    return out;
  }

  private static String text(SourceRecord r) {
    return new String(((Content.Document) r.content()).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void tarGzEntriesStreamAsPostsAndOtherFilesAreSkipped() throws IOException {
    byte[] archive = tarGz("source/_posts/金融/甲报/一.md", "第一篇", "source/_posts/README.txt", "not a post",
        "source/_posts/金融/乙报/二.html", "第二篇");
    List<SourceRecord> posts = read(archive, "x.tar.gz", 1000);
    assertThat(posts).extracting(SourceRecord::sourcePath)
        .containsExactly("file:/a/x.tar.gz!/source/_posts/金融/甲报/一.md", "file:/a/x.tar.gz!/source/_posts/金融/乙报/二.html");
    assertThat(posts).extracting(SourceRecord::idKey).containsExactly("a/x.tar.gz!/source/_posts/金融/甲报/一.md", "a/x.tar.gz!/source/_posts/金融/乙报/二.html");
    // an .html entry without front matter is a saved page (issue 13)
    assertThat(posts).extracting(SourceRecord::format).containsExactly("post", "page");
    assertThat(posts).allMatch(SourceRecord::accountsForFile);
    assertThat(text(posts.get(0))).isEqualTo("第一篇");
  }

  @Test
  void oversizedEntriesAreRejected() throws IOException {
    List<SourceRecord> posts = read(tarGz("big.md", "0123456789", "ok.md", "01"), "x.tgz", 5);
    assertThat(posts.get(0).failure().reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(((Content.Document) posts.get(1).content()).bytes()).hasSize(2);
  }

  @Test
  void truncatedArchiveKeepsWhatWasReadAndRejectsTheArchive() throws IOException {
    byte[] full = tarGz("a.md", "x".repeat(20_000), "b.md", "y".repeat(20_000), "c.md", "z");
    byte[] cut = Arrays.copyOf(full, full.length / 2);
    List<SourceRecord> posts = read(cut, "cut.tar.gz", 100_000);
    assertThat(posts).isNotEmpty();
    SourceRecord last = posts.get(posts.size() - 1);
    assertThat(last.sourcePath()).startsWith("file:/a/cut.tar.gz");
    assertThat(last.failure().reason()).isEqualTo(RejectReason.UNREADABLE);
  }

  @Test
  void zipEntriesStream() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("posts/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("posts/一.md"));
      zip.write("内容".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    List<SourceRecord> posts = read(bytes.toByteArray(), "x.zip", 1000);
    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.sourcePath()).isEqualTo("file:/a/x.zip!/posts/一.md");
      assertThat(text(p)).isEqualTo("内容");
    });
  }

  @Test
  void notAnArchiveAtAllIsOneUnreadableRejectForIt() throws IOException {
    List<SourceRecord> records = read("plain text".getBytes(StandardCharsets.UTF_8), "fake.tar.gz", 1000);
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.sourcePath()).isEqualTo("file:/a/fake.tar.gz");
      assertThat(r.failure().reason()).isEqualTo(RejectReason.UNREADABLE);
      assertThat(r.accountsForFile()).isTrue();
    });
  }

  @Test
  void archivesAreRecognisedByName() {
    assertThat(ArchiveEntries.isArchive("posts.tar.gz")).isTrue();
    assertThat(ArchiveEntries.isArchive("POSTS.TGZ")).isTrue();
    assertThat(ArchiveEntries.isArchive("p.zip")).isTrue();
    assertThat(ArchiveEntries.isArchive("p.tar")).isTrue();
    assertThat(ArchiveEntries.isArchive("p.md")).isFalse();
    assertThat(ArchiveEntries.isArchive("p.gz")).isFalse();
  }
}
