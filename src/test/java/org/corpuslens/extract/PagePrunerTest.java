package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Hand-written pages: which lists are cut before the parse, and that doubt leaves the page alone. */
class PagePrunerTest {

  /** Enough filler for a page to be worth cutting ({@link PagePruner#MIN_PAGE_CHARS}). */
  private static final String PAD = "<p>" + "正文。".repeat(PagePruner.MIN_PAGE_CHARS / 3) + "</p>";

  private static String links(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("<li><a href=\"/c").append(i).append("\" title=\"a > b\">栏目").append(i).append("</a></li>");
    }
    return b.toString();
  }

  private static String page(String body) {
    return "<html><head><title>标题</title></head><body>" + body + PAD + "</body></html>";
  }

  @Test
  void aMenuOfLinksIsCutWithItsTags() {
    String html = page("<div id=top><ul class=nav>" + links(12) + "</ul></div><h1>标题</h1>");
    String out = PagePruner.strip(html);
    // the div holds nothing but the menu: it is the outermost list
    assertThat(out).doesNotContain("栏目").doesNotContain("<ul").contains("<body><h1>标题</h1>");
  }

  @Test
  void theOutermostListGoesWithTheListsInside() {
    String html = page("<nav><div class=col><ul>" + links(6) + "</ul></div><div class=col><ul>" + links(6)
        + "</ul></div><span>热门</span></nav><p>后文。</p>");
    assertThat(PagePruner.strip(html)).doesNotContain("<nav").doesNotContain("热门").contains("<p>后文。</p>");
  }

  @Test
  void shortListsAndListsWithSentencesOrLabelsStay() {
    String four = "<ul>" + links(4) + "</ul>";
    String teaser = "<ul>" + links(6) + "<li>本文摘要，说明这一批文章的内容。</li></ul>";
    String byline = "<div class=info><span>来源 华夏网</span>" + links(6) + "</div>";
    String dated = "<div class=info><span>2024-03-05</span>" + links(6) + "</div>";
    String timed = "<div class=info><span>03-05 10:21</span>" + links(6) + "</div>";
    String latin = "<ul>" + links(6) + "<li>Read the full story. It is long.</li></ul>";
    for (String kept : new String[] {four, teaser, byline, dated, timed, latin}) {
      String html = page(kept);
      assertThat(PagePruner.strip(html)).as(kept).isEqualTo(html);
    }
  }

  @Test
  void listsHoldingOtherMarkupStay() {
    for (String inner : new String[] {"<h2>小标题</h2>", "<p>段落</p>", "<table><tr><td>x</td></tr></table>",
        "<script>var a = '<ul>';</script>", "<!-- note -->", "<time datetime=2024-03-05>三月</time>",
        "<meta itemprop=datePublished content=2024-03-05>", "<iframe src=x></iframe>"}) {
      String html = page("<ul>" + links(8) + "<li>" + inner + "</li></ul>");
      assertThat(PagePruner.strip(html)).as(inner).contains("<ul>" + links(8) + "<li>");
    }
  }

  @Test
  void listsOfPagesTooSmallToMatterAreNotTouched() {
    String html = "<body><ul>" + links(20) + "</ul><p>正文。</p></body>";
    assertThat(PagePruner.strip(html)).isSameAs(html);
  }

  @Test
  void doubtLeavesTheWholePageAsItIs() {
    String list = "<ul>" + links(8) + "</ul>";
    String[] doubtful = {
      page(list + "<!-- a comment that never ends"),
      page(list + "<script>var x = 1;"),
      page(list + "<div class=\"never closed>"),
      page(list + "<plaintext>"),
      // a script escaped past its first end tag: where it ends is the tokenizer's business
      page(list + "<script><!-- document.write('<script>x</script>'); --></script>"),
    };
    for (String html : doubtful) {
      assertThat(PagePruner.strip(html)).as(html.substring(0, 80)).isSameAs(html);
    }
  }

  @Test
  void rawTextAndQuotedAttributesDoNotFoolTheScan() {
    // a "</ul>" inside a script or an attribute ends nothing; the list still ends at its own tag
    String html = page("<ul data-x=\"</ul>\">" + links(6) + "</ul><script>var s = '</ul>';</script><p>后文。</p>");
    String out = PagePruner.strip(html);
    assertThat(out).doesNotContain("栏目").contains("<script></script><p>后文。</p>");
  }

  @Test
  void anUnclosedListInsideIsNotCutButItsParentCanBe() {
    // the inner <ul> is closed by </div>: its extent is the parser's guess, so neither is cut
    String html = page("<div class=side><ul>" + links(6) + "</div><p>后文。</p>");
    assertThat(PagePruner.strip(html)).isEqualTo(html);
  }

  @Test
  void whatIsLeftParsesToTheSameTreeAroundTheCut() {
    String before = "<div id=main><div class=crumbs><a href=/>首页</a></div><h1>标题</h1>";
    String after = "<div class=text><p>第一段。</p><p>第二段。</p></div></div>";
    String html = page(before + "<div class=hot><ul>" + links(10) + "</ul></div>" + after);
    Document cut = Jsoup.parse(PagePruner.strip(html));
    Document whole = Jsoup.parse(html);
    whole.select("div.hot").remove();
    assertThat(cut.body().html()).isEqualTo(whole.body().html());
  }

  @Test
  void brokenMarkupNeverThrowsAndOnlyWholeElementsOrRawTextAreCut() {
    String[] pieces = {"<ul>", "</ul>", "<div class=\"a>b\">", "</div>", "<nav>", "</nav>", "<li>", "<a href='x'>", "</a>",
      "栏目", "，", "。", "2024", "10:21", "来源", "<!--", "-->", "<script>", "</script>", "<style>", "</style>", "\"",
      "'", "=", ">", "<", "</", "<!x>", "<p>", "<h2>", "<br/>", "&nbsp;", " ", "\n", "<plaintext>", "<a", "<ol ", "</UL >"};
    java.util.Random random = new java.util.Random(7);
    int cutPages = 0;
    for (int n = 0; n < 3000; n++) {
      StringBuilder html = new StringBuilder(PAD);
      int parts = 5 + random.nextInt(120);
      for (int k = 0; k < parts; k++) {
        html.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextInt(4) == 0) {
          html.append("<li><a href=/x>链接").append(k).append("</a></li>");
        }
        if (random.nextInt(10) == 0) {
          html.append("<ul class=nav>").append(links(5 + random.nextInt(5))).append("</ul>");
        }
      }
      String page = html.toString();
      java.util.List<int[]> cuts = PagePruner.cuts(page);
      String out = PagePruner.strip(page);
      if (cuts == null) {
        assertThat(out).isSameAs(page);
        continue;
      }
      int last = 0;
      for (int[] c : cuts) {
        assertThat(c[0]).as("cuts in order, not overlapping").isGreaterThanOrEqualTo(last);
        boolean element = page.charAt(c[0]) == '<' && page.charAt(c[1] - 1) == '>';
        boolean rawText = page.charAt(c[0] - 1) == '>' && page.startsWith("</", c[1]);
        assertThat(element || rawText).as("a whole element or a script's or style's body").isTrue();
        last = c[1];
      }
      assertThat(out.length()).isEqualTo(page.length() - cuts.stream().mapToInt(c -> c[1] - c[0]).sum());
      cutPages += cuts.isEmpty() ? 0 : 1;
    }
    assertThat(cutPages).as("pages the generator made with something to cut").isGreaterThan(100);
  }

  @Test
  void scriptAndStyleBodiesAndDrawingsGoButJsonLdStays() {
    String ld = "<script type=\"application/LD+JSON\">{\"datePublished\": \"2024-03-05T10:21:00+08:00\"}</script>";
    String icon = "<svg viewBox=\"0 0 24 24\"><g><path d=\"M1 1h22\"/></g></svg>";
    String chart = "<svg><foreignObject><p>图中文字。</p></foreignObject></svg>";
    String html = page("<script>var cfg = {a: '<div>'};</script><style>p > a { color: red }</style>" + ld + icon + chart
        + "<svg/><p>正文。</p>");
    String out = PagePruner.strip(html);
    assertThat(out)
        .contains("<script></script><style></style>" + ld)
        .doesNotContain("viewBox").doesNotContain("M1 1h22")
        .contains(chart).contains("<svg/><p>正文。</p>");
    // the parser sees the same page, less the code and the icon
    Document whole = Jsoup.parse(html);
    whole.select("script:not([type]), style").forEach(e -> e.empty());
    whole.select("svg[viewBox]").remove();
    assertThat(Jsoup.parse(out).html()).isEqualTo(whole.html());
  }

  @Test
  void aScriptInsideSvgOrMathKeepsItsBody() {
    // in foreign content the tokenizer reads no raw text: what it holds is markup, left alone
    String svg = "<svg><script>if (a < b) { c(); }</script><path d=\"M0 0\"/></svg>";
    String math = "<math><style>mi { color: red }</style><mi>x</mi></math>";
    String html = page(svg + math + "<script>var later = 1;</script><p>正文。</p>");
    assertThat(PagePruner.strip(html)).contains(svg).contains(math).contains("<script></script><p>正文。</p>");
  }
}
