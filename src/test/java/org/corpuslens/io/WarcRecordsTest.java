package org.corpuslens.io;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcTargetRecord;

class WarcRecordsTest {
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

  static List<RawPost> read(byte[] warc, long max) throws IOException {
    List<RawPost> out = new ArrayList<>();
    try (WarcRecords records = new WarcRecords(new ByteArrayInputStream(warc), "file:/c/x.warc.gz", "c/x.warc.gz", max)) {
      records.forEachRemaining(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void keepsHtmlResponsesAndResourcesAndCountsTheRest(boolean gzip) throws IOException {
    byte[] warc = mixed(gzip);
    List<RawPost> posts = read(warc, 1_000_000);

    assertThat(posts).extracting(p -> p.skippedKind() == null ? (p.page() != null ? "page" : "reject") : p.skippedKind())
        .containsExactly("warcinfo", "request", "page", "metadata", "request", "page", "non_200", "non_html", "revisit", "page");
    RawPost first = posts.get(2);
    assertThat(first.page().url()).isEqualTo(A);
    assertThat(first.page().crawledAt()).isEqualTo(WarcTestFiles.CRAWL);
    assertThat(first.page().declaredCharset()).isEqualToIgnoringCase("utf-8");
    assertThat(new String(first.bytes(), StandardCharsets.UTF_8)).contains("第一段正文");
    RawPost gbk = posts.get(5);
    assertThat(gbk.page().declaredCharset()).isEqualToIgnoringCase("gbk");
    assertThat(new String(gbk.bytes(), Charset.forName("GBK"))).contains("生物医药产业");
    assertThat(posts.get(9).page().url()).isEqualTo("https://news.example.com/saved.html");

    // source_path is FILE#offset and the offset is where the record can be read again
    for (RawPost p : posts) {
      assertThat(p.path()).matches("file:/c/x\\.warc\\.gz#\\d+");
    }
    assertThat(posts).extracting(RawPost::path).doesNotHaveDuplicates();
    long offset = Long.parseLong(gbk.path().substring(gbk.path().indexOf('#') + 1));
    try (WarcReader again = new WarcReader(Channels.newChannel(new ByteArrayInputStream(Arrays.copyOfRange(warc, (int) offset, warc.length))))) {
      assertThat(((WarcTargetRecord) again.next().orElseThrow()).target()).isEqualTo(B);
    }
    assertThat(gbk.idKey()).isEqualTo("c/x.warc.gz#" + offset);
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() throws IOException {
    List<RawPost> posts = read(mixed(true), 100);
    assertThat(posts.get(2).readFailure().reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(posts).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aTruncatedFileKeepsEarlierRecordsAndRejectsTheRest(boolean gzip) throws IOException {
    byte[] warc = mixed(gzip);
    List<RawPost> whole = read(warc, 1_000_000);
    long gbkOffset = Long.parseLong(whole.get(5).path().replaceAll(".*#", ""));
    long nextOffset = Long.parseLong(whole.get(6).path().replaceAll(".*#", ""));
    // cut in the GBK page's record: in its headers, and in its body
    for (long cutAt : new long[] {gbkOffset + 200, nextOffset - 30}) {
      byte[] cut = Arrays.copyOf(warc, (int) cutAt);

      List<RawPost> posts = read(cut, 1_000_000);

      assertThat(posts).as("cut at %d", cutAt).hasSize(6);
      assertThat(posts.subList(0, 5)).extracting(RawPost::path).isEqualTo(whole.subList(0, 5).stream().map(RawPost::path).toList());
      RawPost last = posts.get(5);
      assertThat(last.readFailure().reason()).isEqualTo(RejectReason.UNREADABLE);
      assertThat(last.path()).as("the rest of the file").isEqualTo("file:/c/x.warc.gz");
      assertThat(last.readFailure().detail()).contains("truncated or corrupt").contains("after 5 complete records");
    }
  }

  @Test
  void garbageIsOneReject() throws IOException {
    List<RawPost> posts = read("this is not a WARC file at all\r\n\r\n".getBytes(StandardCharsets.UTF_8), 1000);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).readFailure().reason()).isEqualTo(RejectReason.UNREADABLE);
    assertThat(posts.get(0).path()).isEqualTo("file:/c/x.warc.gz");
  }

  @Test
  void warcNames() {
    assertThat(WarcRecords.isWarc("CC-NEWS-20230316.warc.gz")).isTrue();
    assertThat(WarcRecords.isWarc("a.WARC")).isTrue();
    assertThat(WarcRecords.isWarc("a.warc.gz.md")).isFalse();
  }
}
