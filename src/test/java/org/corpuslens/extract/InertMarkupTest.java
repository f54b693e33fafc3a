package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * {@link InertMarkup} on hand-written tricky inputs: what it must empty, and what it must leave
 * exactly as it is because the parser would read it differently. Every case also checks that
 * jsoup reads the same visible text from the page before and after.
 */
class InertMarkupTest {

  private static String strip(String html) {
    String out = InertMarkup.strip(html);
    assertThat(Jsoup.parse(out).body().text()).as("visible text of %s", html).isEqualTo(Jsoup.parse(html).body().text());
    assertThat(Jsoup.parse(out).title()).isEqualTo(Jsoup.parse(html).title());
    return out;
  }

  @Test
  void emptiesScriptAndStyleBodiesKeepingTheElements() {
    assertThat(strip("<head><style>p{color:red}</style><script>var a = 1;</script></head><body><p>正文</p>"))
        .isEqualTo("<head><style></style><script></script></head><body><p>正文</p>");
  }

  @Test
  void uppercaseTagsAndAnEndTagWithASpace() {
    assertThat(strip("<p>a</p><SCRIPT type=\"text/javascript\">var s = '<p>x</p>';</SCRIPT ><p>b</p><STYLE>p{}</Style>"))
        .isEqualTo("<p>a</p><SCRIPT type=\"text/javascript\"></SCRIPT ><p>b</p><STYLE></Style>");
  }

  @Test
  void keepsJsonLd() {
    String ld = "<script type=\"application/ld+json\">{\"headline\":\"标题\",\"datePublished\":\"2021-03-05T08:00:00+08:00\"}</script>";
    assertThat(strip(ld + "<script>track();</script><p>t</p>")).isEqualTo(ld + "<script></script><p>t</p>");
    String upper = "<SCRIPT TYPE='Application/LD+JSON'>{\"a\":1}</SCRIPT>";
    assertThat(strip(upper)).isEqualTo(upper);
  }

  @Test
  void jsonLdStillGivesTheDateBehindHeavyScripts() {
    String big = "x".repeat(50_000);
    String html = "<html><head><title>一个标题</title><script>var s=\"" + big + "\";</script>"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-03-05T08:00:00+08:00\"}</script>"
        + "<style>" + big + "</style></head><body><!-- " + big + " --><div class=\"article\"><p>这是正文的第一段，内容很长，有标点。</p>"
        + "<p>这是正文的第二段，内容也很长，也有标点。</p></div><script>" + big + "</script></body></html>";
    PageText t = PageExtractor.extract(html, null);
    assertThat(t.publishedAt()).isEqualTo(Instant.parse("2021-03-05T00:00:00Z"));
    assertThat(t.paragraphs()).containsExactly("这是正文的第一段，内容很长，有标点。", "这是正文的第二段，内容也很长，也有标点。");
    assertThat(InertMarkup.strip(html).length()).isLessThan(1_000);
  }

  @Test
  void anUnclosedScriptOrStyleOrCommentLeavesTheRestAsItIs() {
    String script = "<style>a{}</style><p>a</p><script>var x = \"<p>b</p>\";";
    assertThat(strip(script)).isEqualTo("<style></style><p>a</p><script>var x = \"<p>b</p>\";");
    String comment = "<p>a</p><!-- never closed <script>x</script> <p>b</p>";
    assertThat(strip(comment)).isSameAs(comment);
    String style = "<p>a</p><style>p{} <p>b</p>";
    assertThat(strip(style)).isSameAs(style);
  }

  @Test
  void aCommentHoldingAScriptIsEmptiedAsAComment() {
    assertThat(strip("<p>a</p><!-- <script>var a;</script> --><p>b</p><script>c()</script>"))
        .isEqualTo("<p>a</p><!----><p>b</p><script></script>");
    assertThat(strip("<p>a</p><!-- a long comment ending oddly --!><p>b</p>")).isEqualTo("<p>a</p><!----><p>b</p>");
    String shortOne = "<p>a</p><!-- 统计 --><p>b</p>";
    assertThat(strip(shortOne)).isSameAs(shortOne);
  }

  @Test
  void keepsTheSavedFromComment() {
    String html = "<!-- saved from url=(0042)https://www.example.cn/2020/0222/a.html -->\n<html><body><!-- another long comment here --><p>t</p>";
    assertThat(strip(html))
        .isEqualTo("<!-- saved from url=(0042)https://www.example.cn/2020/0222/a.html -->\n<html><body><!----><p>t</p>");
  }

  @Test
  void textAfterAStrayEndTagIsKept() {
    assertThat(strip("<p>a</style>b</p><style>p{color:red}</style><p>c</script>d</p>"))
        .isEqualTo("<p>a</style>b</p><style></style><p>c</script>d</p>");
  }

  @Test
  void aGreaterThanSignInAnAttributeDoesNotEndTheTag() {
    assertThat(strip("<div data-x=\"a>b<script>c</script>\" title='<style>'><p>t</p></div><script>y</script>"))
        .isEqualTo("<div data-x=\"a>b<script>c</script>\" title='<style>'><p>t</p></div><script></script>");
  }

  @Test
  void aScriptEndsAtTheFirstEndTagEvenInsideAString() {
    // as in a browser: the rest of the "string" is text of the page
    assertThat(strip("<script>var s = \"</script>\"; alert(1)</script><p>t</p>"))
        .isEqualTo("<script></script>\"; alert(1)</script><p>t</p>");
    assertThat(strip("<script>a = '</scripts>';</script><p>t</p>")).isEqualTo("<script></script><p>t</p>");
  }

  @Test
  void anEscapedScriptThatMayRunOnIsLeftAlone() {
    String html = "<p>a</p><script><!-- document.write(\"<script>x()</script>\"); --></script><p>t</p><style>p{}</style>";
    assertThat(strip(html)).isSameAs(html);
    assertThat(strip("<script><!-- old(); //--></script><p>t</p>")).isEqualTo("<script></script><p>t</p>");
  }

  @Test
  void rawTextElementsAreSkippedUnchanged() {
    String html = "<title>A <script>x</script> title</title><textarea><style>p{}</style><!-- not a comment --></textarea><p>t</p>";
    assertThat(strip(html)).isSameAs(html);
  }

  @Test
  void iconsAreEmptiedOnlyWhenTheyHoldDrawingElements() {
    assertThat(strip("<a href=\"/\"><svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0L1 1\"/></g></svg>首页</a>"))
        .isEqualTo("<a href=\"/\"><svg viewBox=\"0 0 1 1\"></svg>首页</a>");
    String foreign = "<svg><foreignObject><p>text</p></foreignObject></svg><script>x()</script>";
    assertThat(strip(foreign)).isSameAs(foreign);
    String math = "<math><mi>x</mi></math><script>y()</script>";
    assertThat(strip(math)).isSameAs(math);
  }

  @Test
  void aFramesetPageIsLeftAlone() {
    String html = "<html><head><script>a()</script></head><frameset><frame src=\"a.html\"></frameset></html>";
    assertThat(InertMarkup.strip(html)).isSameAs(html);
  }

  @Test
  void nothingToEmptyGivesTheSameString() {
    String html = "<p>a < b, 1<2</p><!doctype html><?xml x?>";
    assertThat(strip(html)).isSameAs(html);
  }
}
