package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corpuslens.io.WarcTestFiles;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extract} over WARC files written with jwarc (a complete one and a truncated one), a saved
 * page and a post: every HTML response is an article or a reject at {@code FILE#OFFSET} (the
 * offset the writer wrote the record at), the other records are counted per kind in {@code
 * run_summary.json}, the truncated file keeps its earlier records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarcRunIT {
  static final String A = "https://news.example.com/2023/0315/a.html";

  Path in;
  Path out;
  Cli.Result result;
  List<Long> news;
  List<Long> broken;
  Duck duck;

  @BeforeAll
  void run(@TempDir Path tmp) throws Exception {
    in = tmp.resolve("in");
    Files.createDirectories(in.resolve("crawl"));
    Files.createDirectories(in.resolve("saved"));
    Files.createDirectories(in.resolve("posts"));
    WarcTestFiles warc = new WarcTestFiles()
        .warcinfo()
        .request(A)
        .html(A, WarcTestFiles.page("城市更新让老街区焕发新活力", "2023-03-15T10:23:00+08:00",
            "走进城东的老街区，青砖灰瓦之间多了几家咖啡馆和手作工坊。", "街道负责人介绍，改造过程中多次召开居民议事会。"))
        .metadata(A)
        .response("https://news.example.com/404.html", 404, "text/html", "<html>无</html>".getBytes(StandardCharsets.UTF_8))
        .response("https://news.example.com/a.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        .revisit(A)
        .html("https://news.example.com/en.html",
            "<html><head><title>English</title></head><body><div class=\"article\"><p>This page is written in English, "
                + "with several sentences of ordinary prose.</p><p>It should be rejected as not Chinese.</p></div></body></html>")
        .html("https://news.example.com/gbk.html",
            WarcTestFiles.page("国标编码的新闻", null, "这是一篇用国标编码保存的新闻稿件，内容涉及生物医药产业的发展。").replace("utf-8", "gbk"),
            Charset.forName("GBK"), "gbk");
    Files.write(in.resolve("crawl/news.warc.gz"), warc.bytes(true));
    news = warc.offsets();

    WarcTestFiles two = new WarcTestFiles()
        .request(A)
        .html("https://paper.example.com/2023/0316/b.html", WarcTestFiles.page("第二家网站的新闻", null, "第二家网站的正文段落，讲述乡村产业振兴。"))
        .request(A)
        .html("https://paper.example.com/2023/0316/c.html", WarcTestFiles.page("被截断的新闻", null, "这条记录被截断，不能读出。"));
    byte[] full = two.bytes(false);
    broken = two.offsets();
    Files.write(in.resolve("crawl/broken.warc"), Arrays.copyOf(full, (int) (broken.get(3) + 150)));

    Files.writeString(in.resolve("saved/page.html"),
        "<!-- saved from url=(0047)https://www.example.com/2023/0317/saved-page.html -->\n"
            + WarcTestFiles.page("保存下来的网页", "2023-03-17T08:00:00+08:00", "保存下来的网页正文，讲述数字经济的发展。"),
        StandardCharsets.UTF_8);
    Files.writeString(in.resolve("posts/a.md"),
        "---\ntitle: '一篇帖子'\ncategories:\n - 金融\n - 甲报\n - 要闻\nauthor: 甲报\ndate: 2022-04-12 12:14:54\n---\n"
            + "<div><p>帖子的正文，讲述绿色金融。</p></div>\n",
        StandardCharsets.UTF_8);

    out = tmp.resolve("out");
    result = Cli.run(tmp.resolve("run.log"), "extract", "--input", in.toString(), "--output", out.toString(), "--master", "local[2]");
    assertThat(result.exitCode()).as(result.output()).isZero();
    duck = new Duck();
  }

  String path(String file, long offset) {
    return "file:" + in.resolve(file) + "#" + offset;
  }

  @Test
  void everyHtmlRecordIsAnArticleOrARejectAtItsOffset() throws Exception {
    Map<String, String> rows = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path FROM " + Duck.table(out, "articles"))) {
      rows.put(String.valueOf(r.get("source_path")), "article");
    }
    for (Map<String, Object> r : duck.query("SELECT source_path, reason FROM " + Duck.table(out, "rejects"))) {
      rows.put(String.valueOf(r.get("source_path")), String.valueOf(r.get("reason")));
    }
    assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(
        path("crawl/news.warc.gz", news.get(2)), "article",
        path("crawl/news.warc.gz", news.get(7)), "NOT_CHINESE",
        path("crawl/news.warc.gz", news.get(8)), "article",
        path("crawl/broken.warc", broken.get(1)), "article",
        "file:" + in.resolve("crawl/broken.warc"), "UNREADABLE",
        "file:" + in.resolve("saved/page.html"), "article",
        "file:" + in.resolve("posts/a.md"), "article"));
  }

  @Test
  void pageArticlesCarryUrlDatesAndText() throws Exception {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path, url, title, source, text, date_kind, "
        + "strftime(published_at, '%Y-%m-%dT%H:%M:%SZ') AS published_at, language, record_format FROM " + Duck.table(out, "articles"))) {
      rows.put(String.valueOf(r.get("source_path")), r);
    }
    Map<String, Object> a = rows.get(path("crawl/news.warc.gz", news.get(2)));
    assertThat(a.get("url")).isEqualTo(A);
    assertThat(a.get("title")).isEqualTo("城市更新让老街区焕发新活力");
    assertThat(a.get("source")).isEqualTo("测试新闻网");
    assertThat(a.get("text")).isEqualTo("走进城东的老街区，青砖灰瓦之间多了几家咖啡馆和手作工坊。\n街道负责人介绍，改造过程中多次召开居民议事会。");
    assertThat(a.get("date_kind")).isEqualTo("published");
    assertThat(a.get("published_at")).isEqualTo("2023-03-15T02:23:00Z");
    assertThat(a.get("language")).isEqualTo("zh");
    assertThat(a.get("record_format")).isEqualTo("warc");

    Map<String, Object> gbk = rows.get(path("crawl/news.warc.gz", news.get(8)));
    assertThat(gbk.get("text")).isEqualTo("这是一篇用国标编码保存的新闻稿件，内容涉及生物医药产业的发展。");
    // no date on the page or in its URL: the WARC-Date
    assertThat(gbk.get("date_kind")).isEqualTo("crawled");
    assertThat(gbk.get("published_at")).isEqualTo(WarcTestFiles.CRAWL.toString().replace(".000", ""));

    Map<String, Object> b = rows.get(path("crawl/broken.warc", broken.get(1)));
    assertThat(b.get("published_at")).as("the URL's date /2023/0316/").isEqualTo("2023-03-15T16:00:00Z");

    Map<String, Object> saved = rows.get("file:" + in.resolve("saved/page.html"));
    assertThat(saved.get("url")).isEqualTo("https://www.example.com/2023/0317/saved-page.html");
    assertThat(saved.get("record_format")).isEqualTo("page");
    assertThat(rows.get("file:" + in.resolve("posts/a.md")).get("record_format")).isEqualTo("post");
  }

  @Test
  void otherRecordsAreCountedPerKind() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    JsonNode warc = summary.get("formats").get("warc");
    assertThat(warc.get("skipped_request").asLong()).isEqualTo(3);
    assertThat(warc.get("skipped_warcinfo").asLong()).isEqualTo(1);
    assertThat(warc.get("skipped_metadata").asLong()).isEqualTo(1);
    assertThat(warc.get("skipped_non_200").asLong()).isEqualTo(1);
    assertThat(warc.get("skipped_non_html").asLong()).isEqualTo(1);
    assertThat(warc.get("skipped_revisit").asLong()).isEqualTo(1);
    assertThat(warc.get("articles").asLong()).isEqualTo(3);
    assertThat(warc.get("rejects").asLong()).isEqualTo(2);
    assertThat(warc.get("files").asLong()).isEqualTo(2);
    assertThat(summary.get("input_files").asLong()).isEqualTo(4);
    assertThat(summary.get("rejects_by_reason").toString()).doesNotContain("request");
  }
}
