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

  private static List<RawPost> read(byte[] archive, String name, long max) throws IOException {
    List<RawPost> out = new ArrayList<>();
    try (ArchiveEntries entries = new ArchiveEntries(new ByteArrayInputStream(archive), "file:/a/" + name, "a/" + name,
        PostReader.postPattern(List.of("*.md", "*.html")), max)) {
      entries.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void tarGzEntriesStreamAsPostsAndOtherFilesAreSkipped() throws IOException {
    byte[] archive = tarGz("source/_posts/金融/甲报/一.md", "第一篇", "source/_posts/README.txt", "not a post",
        "source/_posts/金融/乙报/二.html", "第二篇");
    List<RawPost> posts = read(archive, "x.tar.gz", 1000);
    assertThat(posts).extracting(RawPost::path)
        .containsExactly("file:/a/x.tar.gz!/source/_posts/金融/甲报/一.md", "file:/a/x.tar.gz!/source/_posts/金融/乙报/二.html");
    assertThat(posts).extracting(RawPost::idKey).containsExactly("a/x.tar.gz!/source/_posts/金融/甲报/一.md", "a/x.tar.gz!/source/_posts/金融/乙报/二.html");
    assertThat(new String(posts.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("第一篇");
  }

  @Test
  void oversizedEntriesAreRejectedUnread() throws IOException {
    List<RawPost> posts = read(tarGz("big.md", "0123456789", "ok.md", "01"), "x.tgz", 5);
    assertThat(posts.get(0).readFailure().reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(posts.get(1).bytes()).hasSize(2);
  }

  @Test
  void truncatedArchiveKeepsWhatWasReadAndRejectsTheArchive() throws IOException {
    byte[] full = tarGz("a.md", "x".repeat(20_000), "b.md", "y".repeat(20_000), "c.md", "z");
    byte[] cut = Arrays.copyOf(full, full.length / 2);
    List<RawPost> posts = read(cut, "cut.tar.gz", 100_000);
    assertThat(posts).isNotEmpty();
    RawPost last = posts.get(posts.size() - 1);
    assertThat(last.path()).isEqualTo("file:/a/cut.tar.gz");
    assertThat(last.readFailure().reason()).isEqualTo(RejectReason.UNREADABLE);
    assertThat(last.readFailure().detail()).contains("truncated or corrupt");
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
    List<RawPost> posts = read(bytes.toByteArray(), "x.zip", 1000);
    assertThat(posts).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("file:/a/x.zip!/posts/一.md");
      assertThat(new String(p.bytes(), StandardCharsets.UTF_8)).isEqualTo("内容");
    });
  }

  @Test
  void notAnArchiveAtAllFailsWhenOpened() {
    // PostReader turns this into an UNREADABLE reject for the archive (tested end to end)
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("plain text".getBytes(StandardCharsets.UTF_8), "fake.tar.gz", 1000))
        .isInstanceOf(IOException.class);
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
