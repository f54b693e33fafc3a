package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corpuslens.testing.Cli;
import org.corpuslens.testing.Duck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input, generated here (not committed as blobs), mixed with good posts: every
 * file must end up in articles or rejects with the expected reason, nothing crashes, no mojibake;
 * reruns are identical; an existing output is protected; a killed run leaves it untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final String GOOD_BODY =
      "<div>   \n<p>　　记者从会议上获悉，本市将继续推进绿色金融改革，扩大绿色信贷投放，支持实体经济稳定增长。</p>\n</div>\n";

  private Path tmp;
  private Path input;
  private Path out;
  /** relative path -> expected "article" or reason code. */
  private final Map<String, String> expected = new TreeMap<>();
  /** relative path -> a phrase the article's text must contain. */
  private final Map<String, String> phrases = new HashMap<>();
  private Cli.Result result;
  private Duck duck;

  private static String post(String frontMatter, String body) {
    return "\n---\n" + frontMatter + "---\n\n" + body;
  }

  private static String fm(String title, String source, String date) {
    return "title: '" + title + "'\ncategories: \n - 金融\n - " + source + "\n - 要闻\nheadimg: ''\nauthor: " + source
        + "\ncomments: false\ndate: " + date + "\nthumbnail: ''\n";
  }

  private void file(String name, byte[] bytes, String expectation) throws IOException {
    Path p = input.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    expected.put(name, expectation);
  }

  private void text(String name, String content, String expectation) throws IOException {
    file(name, content.getBytes(StandardCharsets.UTF_8), expectation);
  }

  @BeforeAll
  void buildHostileCorpusAndRun(@TempDir Path dir) throws Exception {
    tmp = dir;
    input = tmp.resolve("archive");
    String ok = "Thu, 10 Feb 2022 15:04:05 GMT";
    text("good/一.md", post(fm("绿色金融改革持续推进", "甲报", ok), GOOD_BODY), "article");
    text("good/二.md", post(fm("另一篇报道", "乙报", "2022-04-12 12:14:54"), GOOD_BODY.replace("绿色金融", "数字经济")), "article");
    text("good/crlf.md", post(fm("换行符为CRLF", "甲报", ok), GOOD_BODY).replace("\n", "\r\n"), "article");
    phrases.put("good/crlf.md", "扩大绿色信贷投放");
    // the same story in another feed: a duplicate, still an article
    text("dup/一-转载.md", post(fm("绿色金融改革持续推进", "丙报", "Fri, 11 Feb 2022 15:04:05 GMT"), GOOD_BODY), "article");

    // encodings
    String gbk = post(fm("国产编码的稿件", "丁报", ok), "<div>\n<p>这是一篇用国标编码保存的新闻稿件，内容涉及生物医药产业的发展。</p>\n</div>\n");
    file("enc/gbk.md", gbk.getBytes(Charset.forName("GBK")), "article");
    phrases.put("enc/gbk.md", "生物医药产业的发展");
    // an .html file without front matter is a saved page (issue 13): decoded by its <meta>, its body
    // found, but it names no source (no 来源 line, og:site_name or URL)
    file("enc/gb18030-declared.html", ("<meta charset=\"gb18030\">" + gbk).getBytes(Charset.forName("GB18030")), "MISSING_SOURCE");
    file("enc/utf16.md", gbk.getBytes(StandardCharsets.UTF_16), "article");
    phrases.put("enc/utf16.md", "国标编码保存的新闻稿件");
    byte[] utf8 = gbk.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    file("enc/utf8-bom.md", bom, "article");
    byte[] broken = utf8.clone();
    broken[broken.length - 20] = (byte) 0xFF;
    file("enc/broken-utf8.md", broken, "UNDECODABLE");

    // structure
    file("bad/empty.md", new byte[0], "EMPTY_FILE");
    byte[] png = new byte[2048];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    System.arraycopy(sig, 0, png, 0, sig.length);
    for (int i = sig.length; i < png.length; i++) {
      png[i] = (byte) (i * 31);
    }
    file("bad/image.md", png, "BINARY");
    text("bad/nul.md", post(fm("含有空字节", "甲报", ok), "<p>正文\u0000正文</p>"), "BINARY");
    text("bad/no-front-matter.md", "<div><p>只有正文，没有前置元数据。</p></div>", "NO_FRONT_MATTER");
    text("bad/unclosed.md", "\n---\n" + fm("未闭合", "甲报", ok) + "\n<p>正文</p>", "UNCLOSED_FRONT_MATTER");
    text("bad/quotes.md", post("title: 'It's a \"test\"'\nauthor: 甲报\ndate: " + ok + "\n", GOOD_BODY), "INVALID_YAML");
    text("bad/tabs.md", post("title: 'x'\ncategories:\n\t- 金融\n\t- 甲报\ndate: " + ok + "\n", GOOD_BODY), "INVALID_YAML");
    text("bad/categories.md", post("title: 'x'\ncategories: 金融\nauthor: 甲报\ndate: " + ok + "\n", GOOD_BODY), "BAD_CATEGORIES");
    text("bad/no-date.md", post("title: 'x'\nauthor: 甲报\n", GOOD_BODY), "MISSING_DATE");
    text("bad/empty-date.md", post("title: 'x'\nauthor: 甲报\ndate: \n", GOOD_BODY), "MISSING_DATE");
    text("bad/invalid-date.md", post(fm("x", "甲报", "Invalid Date"), GOOD_BODY), "INVALID_DATE");
    text("bad/garbage-date.md", post(fm("x", "甲报", "上周三"), GOOD_BODY), "INVALID_DATE");
    text("bad/old-date.md", post(fm("x", "甲报", "Tue, 01 Jan 1985 00:00:00 GMT"), GOOD_BODY), "IMPLAUSIBLE_DATE");
    String future = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH)
        .format(Instant.now().plus(java.time.Duration.ofDays(3)).atZone(ZoneOffset.UTC));
    text("bad/future-date.md", post(fm("x", "甲报", future), GOOD_BODY), "IMPLAUSIBLE_DATE");
    text("bad/empty-text.md", post(fm("x", "甲报", ok), "<div><style>p&#123;color:red&#125;</style><!--article_adlist[<p>广告</p>]article_adlist--></div>"), "EMPTY_TEXT");
    text("bad/no-source.md", post("title: 'x'\ndate: " + ok + "\n", GOOD_BODY), "MISSING_SOURCE");
    StringBuilder bomb = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (char c = 'b'; c <= 'm'; c++) {
      bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(",*").append((char) (c - 1))
          .append(",*").append((char) (c - 1)).append(",*").append((char) (c - 1)).append("]\n");
    }
    text("bad/alias-bomb.md", post(bomb + "author: 甲报\ndate: " + ok + "\n", GOOD_BODY), "INVALID_YAML");
    text("bad/java-tag.md", post("title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\nauthor: 甲报\ndate: " + ok + "\n", GOOD_BODY), "INVALID_YAML");
    byte[] big = new byte[3_000_000];
    java.util.Arrays.fill(big, (byte) 'a');
    file("bad/too-large.md", big, "TOO_LARGE");

    // bounded work on pathological but valid posts
    String deep = "<div>".repeat(100_000) + "深层嵌套的正文内容" + "</div>".repeat(100_000);
    text("odd/deep.md", post(fm("深层嵌套", "甲报", ok), deep), "article");
    phrases.put("odd/deep.md", "深层嵌套的正文内容");
    String line = "数字经济与实体经济深度融合，".repeat(12_000); // one line, ~168k chars, ~500 KB
    text("odd/one-line.md", post(fm("超长单行", "甲报", ok), "<p>" + line + "</p>"), "article");

    // the file system
    Files.createDirectories(input.resolve("fs/folder.md"));
    expected.put("fs/folder.md", "NOT_A_FILE");
    Files.createDirectories(input.resolve("fs/loop"));
    Files.createSymbolicLink(input.resolve("fs/loop/again"), input.resolve("fs"));
    expected.put("fs/loop/again", "NOT_A_FILE");
    Files.createSymbolicLink(input.resolve("fs/dangling.md"), input.resolve("fs/nowhere.md"));
    expected.put("fs/dangling.md", "UNREADABLE");

    out = tmp.resolve("out");
    result = Cli.run(tmp.resolve("run.log"), "run", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]", "--max-file-bytes", "2000000");
    assertThat(result.exitCode()).as(result.output()).isZero();
    duck = new Duck();
  }

  private String relative(Object sourcePath) {
    String p = String.valueOf(sourcePath);
    String prefix = "file:" + input + "/";
    assertThat(p).startsWith(prefix);
    return p.substring(prefix.length());
  }

  @Test
  void everyFileIsAccountedForWithTheRightReason() throws Exception {
    Map<String, String> actual = new TreeMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path FROM " + Duck.table(out, "articles"))) {
      assertThat(actual.put(relative(r.get("source_path")), "article")).isNull();
    }
    for (Map<String, Object> r : duck.query("SELECT source_path, reason, detail FROM " + Duck.table(out, "rejects"))) {
      assertThat(actual.put(relative(r.get("source_path")), (String) r.get("reason"))).isNull();
      assertThat((String) r.get("detail")).isNotBlank();
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void articlesHaveNoMojibakeAndKeepTheirText() throws Exception {
    Map<String, String> texts = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path, text FROM " + Duck.table(out, "articles"))) {
      texts.put(relative(r.get("source_path")), (String) r.get("text"));
    }
    phrases.forEach((file, phrase) -> assertThat(texts.get(file)).as(file).contains(phrase));
    assertThat(texts.values()).allSatisfy(t -> assertThat(t).doesNotContain("\uFFFD").doesNotContain("ï¿½").doesNotContain("æ"));
  }

  @Test
  void rejectDetailsNameTheProblem() throws Exception {
    Map<String, String> details = new HashMap<>();
    for (Map<String, Object> r : duck.query("SELECT source_path, detail FROM " + Duck.table(out, "rejects"))) {
      details.put(relative(r.get("source_path")), (String) r.get("detail"));
    }
    assertThat(details.get("bad/invalid-date.md")).contains("Invalid Date");
    assertThat(details.get("bad/too-large.md")).contains("3,000,000");
    assertThat(details.get("bad/nul.md")).contains("NUL");
    assertThat(details.get("bad/categories.md")).contains("categories");
    assertThat(details.get("fs/loop/again")).contains("loop");
    assertThat(details.get("enc/broken-utf8.md")).contains("UTF-8");
  }

  @Test
  void duplicatesAreMarkedCountedAndExcluded() throws Exception {
    List<Map<String, Object>> dups = duck.query(
        "SELECT d.source_path AS dup, k.source_path AS kept FROM " + Duck.table(out, "articles") + " d JOIN "
            + Duck.table(out, "articles") + " k ON d.duplicate_of = k.article_id");
    Map<String, String> pairs = new TreeMap<>();
    dups.forEach(r -> pairs.put(relative(r.get("dup")), relative(r.get("kept"))));
    // the same story in another feed, and the same post saved in three encodings; good/crlf.md has
    // good/一.md's body under another title (a near-duplicate, same date and source): it is kept,
    // being first by path, and the exact copy in another feed points to the kept article
    assertThat(pairs).containsExactlyInAnyOrderEntriesOf(Map.of(
        "good/一.md", "good/crlf.md", "dup/一-转载.md", "good/crlf.md", "enc/utf16.md", "enc/gbk.md",
        "enc/utf8-bom.md", "enc/gbk.md"));
    List<Map<String, Object>> stats = duck.query("SELECT source, article_count, duplicate_count FROM " + Duck.table(out, "source_stats") + " WHERE source = '丙报'");
    assertThat(stats).singleElement().satisfies(r -> {
      assertThat(((Number) r.get("article_count")).longValue()).isZero();
      assertThat(((Number) r.get("duplicate_count")).longValue()).isEqualTo(1);
    });
    long inTrends = ((Number) duck.query("SELECT sum(total_articles) AS n FROM " + Duck.table(out, "topic_trends") + " WHERE topic = '绿色金融'").get(0).get("n")).longValue();
    long articles = expected.values().stream().filter("article"::equals).count();
    assertThat(inTrends).isEqualTo(articles - 4);
  }

  @Test
  void runSummaryAccountsForEverything() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    long articles = expected.values().stream().filter("article"::equals).count();
    assertThat(summary.get("input_files").asLong()).isEqualTo(expected.size());
    assertThat(summary.get("articles").asLong()).isEqualTo(articles);
    assertThat(summary.get("rejects").asLong()).isEqualTo(expected.size() - articles);
    assertThat(summary.get("duplicates").asLong()).isEqualTo(4); // 3 exact, good/一.md a near-duplicate
    assertThat(summary.get("rejects_by_reason").get("INVALID_YAML").asLong()).isEqualTo(4);
    assertThat(summary.get("versions").get("spark").asText()).isEqualTo("4.2.0");
    assertThat(summary.get("versions").get("hanlp").asText()).contains("1.8.6");
    assertThat(summary.get("lexicon").get("sha256").asText()).hasSize(64);
    assertThat(result.output()).contains("CorpusLens: " + expected.size() + " input files");
  }

  @Test
  void anExistingOutputIsNotOverwrittenWithoutOverwrite() throws Exception {
    String before = fingerprint(out);
    Cli.Result again = Cli.run(tmp.resolve("again.log"), "run", "--input", input.toString(), "--output", out.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.output()).contains("already exists").contains("--overwrite");
    assertThat(fingerprint(out)).isEqualTo(before);
  }

  @Test
  void rerunGivesIdenticalRowsAndAKilledRunLeavesThePreviousOutputIntact() throws Exception {
    Path second = tmp.resolve("second");
    Cli.Result rerun = Cli.run(tmp.resolve("second.log"), "run", "--input", input.toString(), "--output", second.toString(),
        "--master", "local[2]", "--max-file-bytes", "2000000");
    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    for (String table : List.of("articles", "rejects", "term_frequencies", "topic_trends", "topic_trends_by_source", "source_stats")) {
      String a = Duck.table(out, table);
      String b = Duck.table(second, table);
      Map<String, Object> c = duck.query("SELECT (SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b
          + ")) AS x, (SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")) AS y").get(0);
      assertThat(((Number) c.get("x")).longValue() + ((Number) c.get("y")).longValue())
          .as(table + ": " + duck.query("SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b))
          .isZero();
    }

    // now overwrite `second` and kill the run once it is writing
    String before = fingerprint(second);
    Process p = Cli.start(tmp.resolve("killed.log"), "run", "--input", input.toString(), "--output", second.toString(),
        "--master", "local[2]", "--max-file-bytes", "2000000", "--overwrite");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (System.nanoTime() < deadline && !stagingHasTables(tmp)) {
        Thread.sleep(200);
      }
      assertThat(stagingHasTables(tmp)).as("the run reached its staging directory").isTrue();
    } finally {
      p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    }
    assertThat(fingerprint(second)).isEqualTo(before);
    try (Stream<Path> entries = Files.list(second)) {
      assertThat(entries.map(e -> e.getFileName().toString())).noneMatch(n -> n.contains("staging"));
    }
  }

  private static boolean stagingHasTables(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.anyMatch(e -> e.getFileName().toString().startsWith(".second.staging-") && Files.exists(e.resolve("articles")));
    }
  }

  /** SHA-256 over every file's relative path and bytes under {@code dir}. */
  private static String fingerprint(Path dir) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
