package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.ingest.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputListerTest {
  @TempDir Path dir;

  private InputLister lister(long maxBytes) {
    return new InputLister(List.of("*.md", "*.html", "*.htm"), maxBytes, new Configuration(false));
  }

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void listsMatchingFilesRecursivelyIncludingUnderscoreAndDotFolders() throws IOException {
    write("source/_posts/金融/某报/要闻/一.md", "a");
    write("source/_posts/金融/某报/要闻/二 带空格.html", "bb");
    write("source/.hidden/三.htm", "ccc");
    write("source/_posts/notes.txt", "x");
    write("source/_posts/image.png", "x");
    InputListing listing = lister(100).list(List.of(dir.resolve("source").toString()));
    assertThat(listing.files()).extracting(InputFile::relativePath)
        .containsExactlyInAnyOrder("source/_posts/金融/某报/要闻/一.md", "source/_posts/金融/某报/要闻/二 带空格.html", "source/.hidden/三.htm");
    assertThat(listing.files()).extracting(InputFile::size).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(listing.files()).allSatisfy(f -> assertThat(f.path()).startsWith("file:/"));
    assertThat(listing.rejects()).isEmpty();
  }

  @Test
  void aSingleFileInputIsListedWhateverItsName() throws IOException {
    Path f = write("one.md", "abc");
    InputListing listing = lister(100).list(List.of(f.toString()));
    assertThat(listing.files()).singleElement().satisfies(x -> {
      assertThat(x.relativePath()).isEqualTo("one.md");
      assertThat(x.size()).isEqualTo(3);
    });
  }

  @Test
  void tooLargeFilesAreRejectedWithoutReading() throws IOException {
    write("big.md", "0123456789");
    write("small.md", "01");
    InputListing listing = lister(5).list(List.of(dir.toString()));
    assertThat(listing.files()).extracting(InputFile::size).containsExactly(2L);
    assertThat(listing.rejects()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
      assertThat(r.detail()).contains("10 bytes").contains("5 bytes");
      assertThat(r.sizeBytes()).isEqualTo(10);
    });
    assertThat(listing.inputCount()).isEqualTo(2);
  }

  @Test
  void aDirectoryNamedLikeAPostIsRejectedAndItsContentsRead() throws IOException {
    write("x.md/inner.md", "a");
    InputListing listing = lister(100).list(List.of(dir.toString()));
    assertThat(listing.files()).extracting(InputFile::relativePath).containsExactly(dir.getFileName() + "/x.md/inner.md");
    assertThat(listing.rejects()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.NOT_A_FILE);
      assertThat(r.sourcePath()).endsWith("/x.md");
    });
  }

  @Test
  void symlinkLoopsAreReportedNotFollowedForever() throws IOException {
    write("a/post.md", "a");
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));
    InputListing listing = lister(100).list(List.of(dir.toString()));
    assertThat(listing.files()).extracting(InputFile::relativePath).containsExactly(dir.getFileName() + "/a/post.md");
    assertThat(listing.rejects()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.NOT_A_FILE);
      assertThat(r.detail()).contains("loop");
    });
  }

  @Test
  void missingInputIsAnError() {
    assertThatThrownBy(() -> lister(100).list(List.of(dir.resolve("nope").toString())))
        .isInstanceOf(FileNotFoundException.class).hasMessageContaining("nope");
  }

  @Test
  void packingKeepsEveryFileOnceInPathOrderAndSpreadsWork() {
    List<InputFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      files.add(new InputFile("file:/f" + String.format("%03d", i), "f" + i, 1000));
    }
    ReadSettings settings = new ReadSettings(10_000, 0, 1000, List.of("*.md"), "auto");
    List<List<InputFile>> bins = InputReader.pack(files, settings, 2);
    assertThat(bins.stream().flatMap(List::stream).toList()).isEqualTo(files);
    assertThat(bins).hasSize(10).allSatisfy(b -> assertThat(b).hasSize(10));
    // few files, many cores: at least 2 x parallelism bins so that every core has work
    List<List<InputFile>> small = InputReader.pack(files.subList(0, 8), settings, 2);
    assertThat(small).hasSize(4);
    assertThat(InputReader.pack(List.of(), settings, 2)).isEmpty();
  }

  @Test
  void theRunsOwnOutputInsideTheInputIsSkippedWithItsHiddenSiblings() throws IOException {
    write("in/a.md", "a");
    write("in/out/report.html", "<html>");
    write("in/out/articles/x.md", "x");
    write("in/.out.staging-1234abcd/y.md", "y");
    write("in/.out.lock", "host=h");
    write("in/.outer/z.md", "z"); // not the output's: read
    InputLister lister =
        new InputLister(List.of("*.md", "*.html", "*.lock"), 100, new Configuration(false), "file:" + dir.resolve("in/out"));
    InputListing listing = lister.list(List.of(dir.resolve("in").toString()));
    assertThat(listing.files()).extracting(InputFile::relativePath).containsExactlyInAnyOrder("in/a.md", "in/.outer/z.md");
    assertThat(listing.rejects()).isEmpty();
  }

  @Test
  void theTablesOfAnyEarlierRunInsideTheInputAreNotPosts() throws IOException {
    write("in/a.md", "a");
    write("in/old-run/report.html", "<html>");
    write("in/old-run/run_summary.json", "{}");
    write("in/old-run/articles/year=2022/part-0.parquet", "p");
    write("in/notes/run_summary.json", "{}"); // a marker without tables: an ordinary folder
    write("in/notes/b.html", "b");
    InputListing listing = lister(100).list(List.of(dir.resolve("in").toString()));
    assertThat(listing.files()).extracting(InputFile::relativePath).containsExactlyInAnyOrder("in/a.md", "in/notes/b.html");
  }

  @Test
  void listedPathsAreWhatHadoopsPathMakesOfThemWhateverTheirCharacters() throws IOException {
    List<String> names =
        List.of("plain.md", "空 格.md", "100%.md", "a%20b.md", "hash#tag.md", "what?.md", "colon:x.md", "[brackets].md",
            "curly{}.md", "emoji😀.md", "..dots.md", "trailing..md", "tab\tname.md", "back\\slash.md", "a;b=c&d.md",
            "加号+和~波浪.md", "'quote'.md", "quote\"d.md");
    for (String name : names) {
      write("deep/路 径/" + name, "---\ntitle: x\n---\n正文");
    }
    InputListing listing = lister(1_000_000).list(List.of(dir.toString()));
    assertThat(listing.files()).hasSize(names.size());
    for (InputFile f : listing.files()) {
      String local = f.path().substring("file:".length());
      assertThat(f.path()).isEqualTo(new org.apache.hadoop.fs.Path("file", null, local).toString());
      assertThat(Files.isRegularFile(Path.of(new org.apache.hadoop.fs.Path(f.path()).toUri()))).as(f.path()).isTrue();
    }
  }

  @Test
  void pathsHadoopWouldNormaliseStillGoThroughHadoop() {
    for (String raw : List.of("/a/./b.md", "/a/../b.md", "/a//b.md", "/a/b/", "/a/.", "/a/..")) {
      assertThat(InputLister.isNormalAbsolute(raw)).as(raw).isFalse();
      assertThat(InputLister.hadoopPath(Path.of(raw)))
          .as(raw)
          .isEqualTo(new org.apache.hadoop.fs.Path("file", null, Path.of(raw).toAbsolutePath().toString()).toString());
    }
    assertThat(InputLister.isNormalAbsolute("/a/b.md")).isTrue();
    assertThat(InputLister.hadoopPath(Path.of("/a/b.md"))).isEqualTo("file:/a/b.md");
  }
}
