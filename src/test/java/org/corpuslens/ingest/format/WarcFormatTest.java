package org.corpuslens.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.io.WarcTestFiles;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcTargetRecord;

class WarcFormatTest {
  static final String A = "https://news.example.com/2023/0316/a.html";
  static final String B = "https://news.example.com/2023/0316/b.html";

  static byte[] mixed(boolean gzip) throws IOException {
    String gbkPage = WarcTestFiles.page("国标编码的新闻", null, "这是一篇用国标编码保存的新闻稿件，内容涉及生物医药产业的发展。");
    return new WarcTestFiles()
        .warcinfo()
        .request(A)
        .html(A, WarcTestFiles.page("第一篇新闻", "2023-03-16T10:00:00+08:00", "第一段正文，讲述城市更新。"))
        .metadata(A)
        .request(B)
        .html(B, gbkPage.replace("utf-8", "gbk"), Charset.forName("GBK"), "gbk")
        .response("https://news.example.com/missing.html", 404, "text/html", "<html>not found</html>".getBytes(StandardCharsets.UTF_8))
        .response("https://news.example.com/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        .revisit(A)
        .resource("https://news.example.com/saved.html", WarcTestFiles.page("资源记录", null, "资源记录的正文。"))
        .bytes(gzip);
  }

  static List<SourceRecord> read(byte[] warc, long max) throws IOException {
    List<SourceRecord> out = new ArrayList<>();
    RecordInput in = RecordInput.whole("file:/c/x.warc.gz", "c/x.warc.gz", "x.warc.gz", "c", warc.length,
        new ByteArrayInputStream(warc), max, Map.of());
    try (RecordIterator records = new WarcFormat().open(in)) {
      records.forEachRemaining(out::add);
    }
    return out;
  }

  static String kind(SourceRecord r) {
    if (r.failure() != null) {
      return "reject";
    }
    return r.content() instanceof Content.Skipped s ? s.kind() : "page";
  }

  static byte[] body(SourceRecord r) {
    return ((Content.Document) r.content()).bytes();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void keepsHtmlResponsesAndResourcesAndCountsTheRest(boolean gzip) throws IOException {
    byte[] warc = mixed(gzip);
    List<SourceRecord> posts = read(warc, 1_000_000);

    assertThat(posts).extracting(WarcFormatTest::kind)
        .containsExactly("warcinfo", "request", "page", "metadata", "request", "page", "non_200", "non_html", "revisit", "page");
    SourceRecord first = posts.get(2);
    assertThat(first.meta().url()).isEqualTo(A);
    assertThat(first.meta().time()).isEqualTo(WarcTestFiles.CRAWL.toString());
    assertThat(first.meta().charset()).isEqualToIgnoringCase("utf-8");
    assertThat(first.meta().httpStatus()).isEqualTo(200);
    assertThat(new String(body(first), StandardCharsets.UTF_8)).contains("第一段正文");
    assertThat(((Content.Document) first.content()).kind()).isEqualTo(Content.DocumentKind.HTML_PAGE);
    SourceRecord gbk = posts.get(5);
    assertThat(gbk.meta().charset()).isEqualToIgnoringCase("gbk");
    assertThat(new String(body(gbk), Charset.forName("GBK"))).contains("生物医药产业");
    assertThat(posts.get(9).meta().url()).isEqualTo("https://news.example.com/saved.html");

    // source_path is FILE#offset and the offset is where the record can be read again
    for (SourceRecord p : posts) {
      assertThat(p.sourcePath()).matches("file:/c/x\\.warc\\.gz#\\d+");
    }
    assertThat(posts).extracting(SourceRecord::sourcePath).doesNotHaveDuplicates();
    long offset = Long.parseLong(gbk.sourcePath().substring(gbk.sourcePath().indexOf('#') + 1));
    try (WarcReader again = new WarcReader(Channels.newChannel(new ByteArrayInputStream(Arrays.copyOfRange(warc, (int) offset, warc.length))))) {
      assertThat(((WarcTargetRecord) again.next().orElseThrow()).target()).isEqualTo(B);
    }
    assertThat(gbk.idKey()).isEqualTo("c/x.warc.gz#" + offset);
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() throws IOException {
    List<SourceRecord> posts = read(mixed(true), 100);
    assertThat(posts.get(2).failure().reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(posts).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aTruncatedFileKeepsEarlierRecordsAndRejectsTheRest(boolean gzip) throws IOException {
    byte[] warc = mixed(gzip);
    List<SourceRecord> whole = read(warc, 1_000_000);
    long gbkOffset = Long.parseLong(whole.get(5).sourcePath().replaceAll(".*#", ""));
    long nextOffset = Long.parseLong(whole.get(6).sourcePath().replaceAll(".*#", ""));
    // cut in the GBK page's record: in its headers, and in its body
    for (long cutAt : new long[] {gbkOffset + 200, nextOffset - 30}) {
      byte[] cut = Arrays.copyOf(warc, (int) cutAt);

      List<SourceRecord> posts = read(cut, 1_000_000);

      assertThat(posts).as("cut at %d", cutAt).hasSize(6);
      assertThat(posts.subList(0, 5)).extracting(SourceRecord::sourcePath).isEqualTo(whole.subList(0, 5).stream().map(SourceRecord::sourcePath).toList());
      SourceRecord last = posts.get(5);
      assertThat(last.failure().reason()).isEqualTo(RejectReason.UNREADABLE);
      assertThat(last.sourcePath()).as("the rest of the file").isEqualTo("file:/c/x.warc.gz");
      assertThat(last.failure().detail()).contains("truncated or corrupt").contains("after 5 complete records");
    }
  }

  @Test
  void garbageIsOneReject() throws IOException {
    List<SourceRecord> posts = read("this is not a WARC file at all\r\n\r\n".getBytes(StandardCharsets.UTF_8), 1000);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).failure().reason()).isEqualTo(RejectReason.UNREADABLE);
    assertThat(posts.get(0).sourcePath()).isEqualTo("file:/c/x.warc.gz");
  }

  @Test
  void detection() throws IOException {
    WarcFormat f = new WarcFormat();
    assertThat(f.detect("x.warc", "WARC/1.1\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Match.CONTENT);
    assertThat(f.detect("CC-NEWS-20230316.warc.gz", mixed(true))).isEqualTo(Match.CONTENT);
    assertThat(f.detect("renamed.bin", mixed(false))).isEqualTo(Match.CONTENT);
    assertThat(f.detect("a.md", "---\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Match.NO);
    // chosen by the registry for a .warc.gz of gzip members, whatever the patterns
    assertThat(RecordFormats.choose("x.warc.gz", mixed(true), null)).containsInstanceOf(WarcFormat.class);
  }
}
