package org.corpuslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostParserTest {
  private final PostParser parser = new PostParser();

  private static String post(String frontMatter, String body) {
    return "\n---\n" + frontMatter + "---\n\n" + body;
  }

  private static final String GOOD =
      "title: '南方某市发布&#123;绿色&#125;产业计划'\n"
          + "categories: \n - 金融\n - 南方日报\n - 要闻\n"
          + "headimg: 'https://example.org/a.png'\n"
          + "author: 南方日报\n"
          + "comments: false\n"
          + "date: Thu, 10 Feb 2022 15:04:05 GMT\n"
          + "thumbnail: 'https://example.org/a.png'\n";

  @Test
  void readsTheArchiveLayout() throws RejectException {
    Post p = parser.parse(post(GOOD, "<div>   \n<p>正文</p>\n</div>"));
    FrontMatter fm = p.frontMatter();
    assertThat(fm.title()).isEqualTo("南方某市发布{绿色}产业计划");
    assertThat(fm.categories()).containsExactly("金融", "南方日报", "要闻");
    assertThat(fm.source()).isEqualTo("南方日报");
    assertThat(fm.section()).isEqualTo("金融");
    assertThat(fm.channel()).isEqualTo("要闻");
    assertThat(fm.date()).isEqualTo("Thu, 10 Feb 2022 15:04:05 GMT");
    assertThat(p.body()).isEqualTo("\n<div>   \n<p>正文</p>\n</div>");
  }

  @Test
  void crawlDateStaysTextNotATimestamp() throws RejectException {
    Post p = parser.parse(post("title: 'x'\nauthor: 某日报\ndate: 2022-04-12 12:14:54\n", "b"));
    assertThat(p.frontMatter().date()).isEqualTo("2022-04-12 12:14:54");
  }

  @Test
  void doubleQuotedTitleWithApostrophe() throws RejectException {
    Post p = parser.parse(post("title: \"It's 数字经济\"\nauthor: a\ndate: x\n", "b"));
    assertThat(p.frontMatter().title()).isEqualTo("It's 数字经济");
  }

  @Test
  void blankTitleIsNull() throws RejectException {
    Post p = parser.parse(post("title: ' '\nauthor: a\ndate: x\n", "b"));
    assertThat(p.frontMatter().title()).isNull();
  }

  @Test
  void sourceFallsBackToSecondCategory() throws RejectException {
    Post p = parser.parse(post("title: 't'\ncategories:\n - 金融\n - 财经网\ndate: x\n", "b"));
    assertThat(p.frontMatter().source()).isEqualTo("财经网");
    assertThat(p.frontMatter().channel()).isNull();
  }

  @Test
  void blankCategoryItemsAreNotValues() throws RejectException {
    Post p = parser.parse(post("title: 't'\ncategories:\n - \n - \n - 要闻\ndate: x\n", "b"));
    assertThat(p.frontMatter().section()).isNull();
    assertThat(p.frontMatter().source()).isNull();
    assertThat(p.frontMatter().channel()).isEqualTo("要闻");
  }

  @Test
  void crlfAndBomWork() throws RejectException {
    String text = "\uFEFF\r\n---\r\ntitle: 'a'\r\nauthor: b\r\ndate: Thu, 10 Feb 2022 15:04:05 GMT\r\n---\r\n<p>x</p>";
    Post p = parser.parse(text);
    assertThat(p.frontMatter().title()).isEqualTo("a");
    assertThat(p.frontMatter().date()).isEqualTo("Thu, 10 Feb 2022 15:04:05 GMT");
    assertThat(p.body()).isEqualTo("<p>x</p>");
  }

  @Test
  void noFrontMatter() {
    assertReject("<div>正文</div>", RejectReason.NO_FRONT_MATTER, "<div>正文</div>");
    assertReject("", RejectReason.NO_FRONT_MATTER, "");
  }

  @Test
  void unclosedFrontMatter() {
    assertReject("\n---\ntitle: 'a'\nauthor: b\n<p>x</p>", RejectReason.UNCLOSED_FRONT_MATTER, "closing");
  }

  @Test
  void titleWithBothQuoteKindsIsInvalidYaml() {
    assertReject(post("title: 'it's \"x\"'\nauthor: a\n", "b"), RejectReason.INVALID_YAML, "YAML");
  }

  @Test
  void tabIndentedListIsInvalidYaml() {
    assertReject(post("categories:\n\t- 金融\n\t- 某报\n", "b"), RejectReason.INVALID_YAML, "YAML");
  }

  @Test
  void categoriesAsTextIsRejected() {
    assertReject(post("title: 'a'\ncategories: 金融\nauthor: a\n", "b"), RejectReason.BAD_CATEGORIES, "not a list");
  }

  @Test
  void frontMatterThatIsAListIsInvalid() {
    assertReject(post("- a\n- b\n", "b"), RejectReason.INVALID_YAML, "not a mapping");
  }

  @Test
  void javaTypeTagsNeverBuildObjects() {
    assertReject(
        post("title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n", "b"),
        RejectReason.INVALID_YAML,
        "");
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    assertReject(post(y.toString(), "b"), RejectReason.INVALID_YAML, "");
  }

  @Test
  void duplicateKeysAreInvalid() {
    assertReject(post("title: a\ntitle: b\n", "x"), RejectReason.INVALID_YAML, "");
  }

  private void assertReject(String text, RejectReason reason, String detailPart) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            RejectException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(detailPart);
            });
  }
}
