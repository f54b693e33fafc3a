package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules added after the blind pages ({@link BlindPagesTest}), each on a page written for it. */
class PageListRulesTest {

  private static final String BODY =
      "<p>六月八日，六家国有大行同步下调人民币存款挂牌利率，三年期和五年期定期存款利率下调十五个基点。</p>"
          + "<p>仅仅四天之后，已有超过三十家城商行、农商行和村镇银行发布公告，宣布跟进调整。</p>"
          + "<p>多位受访的银行业人士认为，这一轮调整在很大程度上是存款利率市场化调整机制的体现。</p>";

  private static String page(String title, String beforeBody, String body, String afterBody) {
    return "<html><head><title>" + title + "</title></head><body><div class=\"main\">" + beforeBody
        + "<div class=\"content\">" + body + "</div>" + afterBody + "</div></body></html>";
  }

  @Test
  void aListOfOtherArticlesWithSummariesIsNotTheBody() {
    StringBuilder latest = new StringBuilder("<div class=\"latest\"><h3>最新文章</h3><ul>");
    for (int i = 0; i < 12; i++) {
      latest.append("<li><a href=\"/a").append(i).append("\">独家｜第").append(i)
          .append("家农商行的不良贷款处置难题</a><p>记者调查发现，相关问题背后牵涉多方利益，各方说法不一，短期内难有定论。</p></li>");
    }
    latest.append("</ul></div>");
    PageText text = PageExtractor.extract(page("中小银行下调存款利率之后_财澜周刊", "<h1>中小银行下调存款利率之后</h1>", BODY, latest.toString()), null);
    assertThat(text.paragraphs()).hasSize(3).allMatch(p -> !p.contains("记者调查发现"));
  }

  @Test
  void anEditorsListInTheBodyStaysAndSoDoesACaptionNamedInfo() {
    String body = BODY + "<p>主要措施包括：</p><ul class=\"list-paddingleft-2\"><li><p>加强家政服务人员职业培训；</p></li>"
        + "<li><p>培育一批龙头企业和知名品牌。</p></li></ul>"
        + "<div class=\"pic-box\"><img src=\"a.jpg\"><p class=\"pic-info\">图为村民在晾晒场翻晒高粱。</p></div>";
    PageText text = PageExtractor.extract(page("利率观察_财澜周刊", "<h1>利率观察</h1>", body, ""), null);
    assertThat(text.paragraphs())
        .contains("加强家政服务人员职业培训；", "培育一批龙头企业和知名品牌。", "图为村民在晾晒场翻晒高粱。");
  }

  @Test
  void aSummaryBoxAboveTheBodyIsNotText() {
    String lead = "<div class=\"article-lead\"><div class=\"lead-tit\">导语</div><p>越来越多的年轻人开始用双脚丈量自己生活的城市，"
        + "我们和几位热衷漫步的年轻人聊了聊。</p></div>";
    PageText text = PageExtractor.extract(page("城市漫步_青年生活", "<h1>城市漫步</h1>", lead + BODY, ""), null);
    assertThat(text.paragraphs()).hasSize(3).doesNotContain("导语");
  }

  @Test
  void aHeadlineWithoutH1IsFoundAfterASitePrefixOrBeforeASpacedSuffix() {
    String prefixed = "<html><head><title>青石区人民政府--青石区启动秋季病虫害统防统治工作</title></head><body><table><tr>"
        + "<td class=\"bt\">青石区启动秋季病虫害统防统治工作</td></tr><tr><td>" + BODY + "</td></tr></table></body></html>";
    assertThat(PageExtractor.extract(prefixed, null).title()).isEqualTo("青石区启动秋季病虫害统防统治工作");
    String spaced = "<html><head><title>《家政服务若干措施》政策解读 溪州市人民政府门户网站</title></head><body>"
        + "<div class=\"title\">《家政服务若干措施》政策解读</div><div>" + BODY + "</div></body></html>";
    assertThat(PageExtractor.extract(spaced, null).title()).isEqualTo("《家政服务若干措施》政策解读");
  }

  @Test
  void laterH1sInTheBodyAreSubheadingsAndTheFirstIsTheHeadline() {
    String body = "<h1>一、先摸清底子</h1>" + BODY + "<h1>二、采购清单</h1><p>清单里最贵的是一台二手服务器，花了一千二百元。</p>";
    PageText text = PageExtractor.extract(page("旧电脑改造记_哔哩风", "<h1>旧电脑改造记</h1>", body, ""), null);
    assertThat(text.paragraphs()).contains("一、先摸清底子", "二、采购清单").doesNotContain("旧电脑改造记");
  }

  @Test
  void proseUnderAWeakBoilerplateNameIsKept() {
    StringBuilder answer = new StringBuilder("<span class=\"RichText CopyrightRichText-richText\">");
    for (int i = 0; i < 6; i++) {
      answer.append("<p>第").append(i).append("个月，我配速七分半都喘得说不出话；坚持三个月后，同样的配速心率能降下来十几下，静息心率也从七十八降到了六十一。</p>");
    }
    answer.append("</span>");
    StringBuilder comments = new StringBuilder("<div class=\"Comments\">");
    for (int i = 0; i < 20; i++) {
      comments.append("<p>说得很对，我也是这样，坚持了半年，体重降了，睡眠也好了，谢谢分享！</p>");
    }
    comments.append("</div>");
    PageText text = PageExtractor.extract(page("跑步一年的变化_问知", "<h1>跑步一年的变化</h1>", answer.toString(), comments.toString()), null);
    assertThat(text.paragraphs()).hasSize(6);
  }

  @Test
  void aDatedLineJustAboveTheHeadlineGivesTheTime() {
    String html = "<html><head><title>春耕备耕梯次展开-华夏网</title></head><body>"
        + "<div class=\"header-time\"><span class=\"year\"><em> 2024</em></span><span class=\"day\"><em> 03</em>/<em>05</em></span>"
        + "<span class=\"time\"> 16:42:10</span></div><div class=\"source\">来源：华夏网</div>"
        + "<h1>春耕备耕梯次展开</h1><div class=\"content\">" + BODY + "</div></body></html>";
    assertThat(PageExtractor.extract(html, "http://www.huaxia.example.cn/2024-03/05/c_1.htm").publishedAt())
        .isEqualTo(java.time.Instant.parse("2024-03-05T08:42:10Z"));
  }

  @Test
  void aNamedLinkInsideASentenceStaysAndTheArticleTitleMetaNamesTheHeadline() {
    String body = "<p>发布会上正式推出 X60 系列，其中 <a class=\"s_tag\" href=\"/tag/x60\">X60 Pro</a> 售价 4299 元起，今晚开启预售。</p>" + BODY;
    String html = "<html><head><title>春季新品发布会举行_西平省农业农村厅</title><meta name=\"ArticleTitle\" content=\"春季新品发布会举行\">"
        + "</head><body><h1>西平省农业农村厅</h1><div class=\"content\">" + body + "</div></body></html>";
    PageText text = PageExtractor.extract(html, null);
    assertThat(text.paragraphs()).contains("发布会上正式推出 X60 系列，其中 X60 Pro 售价 4299 元起，今晚开启预售。");
    assertThat(text.title()).isEqualTo("春季新品发布会举行");
  }

  @Test
  void aLabelledPaperLinkClosingTheStoryIsText() {
    String body = BODY + "<p>论文链接：<a href=\"https://doi.example.org/10.1/x\">https://doi.example.org/10.1/x</a></p>";
    PageText text = PageExtractor.extract(page("新型材料研究进展_东陵大学新闻网", "<h1>新型材料研究进展</h1>", body, ""), null);
    assertThat(text.paragraphs()).contains("论文链接：https://doi.example.org/10.1/x");
  }

  // ---- round 6 of the blind pages (session 16)

  @Test
  void aTableOfFiguresInTheBodyIsNotTextButATableOfProseIs() {
    StringBuilder data = new StringBuilder("<table><tr><th>城市</th><th>认购套数（套）</th><th>同比变化</th></tr>");
    String[][] rows = {{"北京", "3860", "+35.8%"}, {"上海", "4520", "+28.4%"}, {"广州", "3390", "+72.3%"}};
    for (String[] r : rows) {
      data.append("<tr><td>").append(r[0]).append("</td><td>").append(r[1]).append("</td><td>").append(r[2]).append("</td></tr>");
    }
    data.append("</table>");
    PageText text = PageExtractor.extract(page("楼市观察_安居网", "<h1>楼市观察</h1>", BODY + data + BODY.replace("六月", "七月"), ""), null);
    assertThat(text.paragraphs()).hasSize(6).noneMatch(p -> p.equals("北京") || p.equals("3860") || p.equals("城市"));

    String spec = "<table><tr><td>处理器</td><td>X7，16核22线程，最高4.8GHz</td></tr><tr><td>内存</td><td>32GB，板载双通道</td></tr>"
        + "<tr><td>屏幕</td><td>14英寸，120Hz刷新率</td></tr></table>";
    PageText specs = PageExtractor.extract(page("评测_数码网", "<h1>评测</h1>", BODY + spec, ""), null);
    assertThat(specs.paragraphs()).contains("处理器", "X7，16核22线程，最高4.8GHz", "32GB，板载双通道");
  }

  @Test
  void aLineOfFiguresAloneIsNotText() {
    PageText text = PageExtractor.extract(page("个股点评_财经网", "<h1>个股点评</h1>",
        BODY + "<div class=card><p>42.18 +1.33 +3.26%</p></div>", ""), null);
    assertThat(text.paragraphs()).hasSize(3).doesNotContain("42.18 +1.33 +3.26%");
  }

  @Test
  void aLiveTickerAfterTheReportIsNotTheBody() {
    PageText text = PageExtractor.extract(page("江城星河逆转_体育网", "<h1>江城星河逆转</h1>",
        BODY + "<h3>图文直播回顾</h3><p>90+5'主裁判吹响终场哨！江城星河主场2比1逆转！</p><p>1'比赛开始，江城星河开球。</p>", ""), null);
    assertThat(text.paragraphs()).hasSize(3);
  }

  @Test
  void aSavedPageWithoutItsAddressTakesTheSiteFromItsTitleAndASourceOfThisSiteIsNoSource() {
    PageText text = PageExtractor.extract(page("学术年会在西南某大学举行_中国某某学会", "<h1>学术年会在西南某大学举行</h1>"
        + "<p>发布时间：2019-10-08 12:00 来源：本站原创</p>", BODY, ""), null);
    assertThat(text.source()).isEqualTo("中国某某学会");
    PageText withUrl = PageExtractor.extract(page("学术年会在西南某大学举行_中国某某学会", "<h1>学术年会在西南某大学举行</h1>", BODY, ""),
        "https://www.example.org/news/1.html");
    assertThat(withUrl.source()).as("with an address the host comes first, as before").isEqualTo("example.org");
  }

  @Test
  void aPublicationTimeWithoutItsYearTakesItFromAModificationMetaOfTheSameDay() {
    String html = "<html><head><title>某标题</title><meta itemprop=\"dateUpdate\" content=\"2019-10-08 12:00:57\"></head><body>"
        + "<div class=\"author-txt\"><p class=\"author-name\">某账号</p><div><span class=\"date\">发布时间：10-08</span>"
        + "<span class=\"time\">12:00</span></div></div><div class=\"article-content\">" + BODY + "</div></body></html>";
    assertThat(PageExtractor.extract(html, null).publishedAt()).isEqualTo(java.time.Instant.parse("2019-10-08T04:00:00Z"));
  }

  @Test
  void aPageLaidOutAsTheColumnsOfAListKeepsItsArticle() {
    String html = "<html><head><title>某标题_某某网</title></head><body><ul class=\"two-column\">"
        + "<li class=\"left-main\"><h3>某标题</h3><div class=\"time\">2019-09-07 15:10 来源：某某</div>"
        + "<ul class=\"article-other\"><li>上一篇：<a href=\"/x\">某某产业的另一篇新闻标题</a>（发布于九月七日，阅读量较高）</li></ul>"
        + "<div class=\"content all-txt\">" + BODY.repeat(6) + "</div></li>"
        + "<li class=\"right-side\"><a href=\"/y\">热门文章的标题之一</a></li></ul></body></html>";
    // the column's headline link (上一篇) made every paragraph of the article a list item's teaser
    assertThat(PageExtractor.extract(html, null).paragraphs()).hasSize(18).first().asString().startsWith("六月八日");
  }

  @Test
  void aKeyPointsListAboveThePageArticleIsASummary() {
    String body = "<p>划重点：</p><ol><li>一位人士表示，监管方从年初就在酝酿整顿。</li><li>数据是这类放贷的命门。</li></ol>" + BODY;
    PageText text = PageExtractor.extract(page("利率观察_财澜周刊", "<h1>利率观察</h1>", body, ""), null);
    assertThat(text.paragraphs()).hasSize(3).first().asString().startsWith("六月八日");
  }

  @Test
  void sectionNumbersStayAndAHeadlineBrokenOverTheBodysFirstLinesGoes() {
    String body = "<p>某某市人民代表大会常务委员会</p><p>关于批准某某计划的</p><p>决议</p>"
        + "<p>1 </p>" + BODY + "<p>02</p><p>42.18 +1.33 +3.26%</p>" + BODY;
    PageText text = PageExtractor.extract(page("某某市人民代表大会常务委员会关于批准某某计划的决议", "", body, ""), null);
    assertThat(text.paragraphs()).hasSize(8).startsWith("1").contains("02").doesNotContain("42.18 +1.33 +3.26%");
    assertThat(PageExtractor.withoutSplitTitle(java.util.List.of("某某", "决议", "正文。"), "某某决议")).containsExactly("正文。");
    assertThat(PageExtractor.withoutSplitTitle(java.util.List.of("某某决议", "正文。", "再一段。"), "某某决议"))
        .as("a one-line headline is the title rule's business").hasSize(3);
  }

  @Test
  void anAuthorMetaNamingTheSiteIsNoAuthor() {
    String html = "<html><head><title>某标题_某某社区</title><meta name=\"author\" content=\"EXAMPLE.NET\"></head><body>"
        + "<h1>某标题</h1><div class=\"content\">" + BODY + "</div></body></html>";
    assertThat(PageExtractor.extract(html, null).author()).isNull();
    String named = html.replace("EXAMPLE.NET", "魏某");
    assertThat(PageExtractor.extract(named, null).author()).isEqualTo("魏某");
  }

  @Test
  void theResponsibleEditorOutranksAnEarlierGenericEditorCredit() {
    // a portal's page: the story's own source credit names that outlet's editor, the page's 责任编辑 comes last
    String body = "<p>本文来源：澜州晨报 编辑：严小蕾</p>" + BODY + "<p>责任编辑：顾北_NF5021</p>";
    PageText text = PageExtractor.extract(page("中小银行下调存款利率之后_某某网", "<h1>中小银行下调存款利率之后</h1>", body, ""), null);
    assertThat(text.editor()).isEqualTo("顾北");
    assertThat(text.paragraphs()).hasSize(3);

    String genericOnly = "<p>本文来源：澜州晨报 编辑：严小蕾</p>" + BODY;
    assertThat(PageExtractor.extract(page("中小银行下调存款利率之后_某某网", "<h1>中小银行下调存款利率之后</h1>", genericOnly, ""), null)
        .editor()).as("a generic credit alone still names the editor").isEqualTo("严小蕾");

    String twoResponsible = "<p>责任编辑：严小蕾</p>" + BODY + "<p>责任编辑：顾北</p>";
    assertThat(PageExtractor.extract(page("中小银行下调存款利率之后_某某网", "<h1>中小银行下调存款利率之后</h1>", twoResponsible, ""), null)
        .editor()).as("the first 责任编辑 stays").isEqualTo("严小蕾");

    // the byline under the headline names the 责任编辑, the body only a generic credit
    String byline = "<h1>中小银行下调存款利率之后</h1><div class=\"info\">2023-06-12 09:30 来源：某某网 责任编辑：顾北</div>";
    assertThat(PageExtractor.extract(page("中小银行下调存款利率之后_某某网", byline, genericOnly, ""), null).editor())
        .isEqualTo("顾北");
  }

  @Test
  void anEditorsNoteSignedByTheEditorsAndASummaryLineAboveTheArticleAreNotText() {
    String note = "<p>摘要：三家银行同日调整存款利率。</p><p>存款利率市场化调整机制运行两年，效果如何？</p><p>——编 者</p>";
    PageText text = PageExtractor.extract(page("中小银行下调存款利率之后_某某网", "<h1>中小银行下调存款利率之后</h1>", note + BODY, ""), null);
    assertThat(text.paragraphs()).hasSize(3).allMatch(p -> !p.contains("效果如何") && !p.startsWith("摘要"));
  }

  @Test
  void aHeadlineInALowerHeadingAboveTheDateLineBeatsATitleThatNamesOnlyTheSection() {
    String html = "<html><head><title>新闻动态--某某学会官网</title></head><body><div class=\"crumb\"><h3>首页 - 新闻动态</h3></div>"
        + "<div class=\"news\"><h5>2019年某某学术年会在重庆成功举行！</h5><div class=\"ly\">发布时间：2019-05-18</div>"
        + "<div class=\"content\">" + BODY + "</div></div></body></html>";
    PageText text = PageExtractor.extract(html, null);
    assertThat(text.title()).isEqualTo("2019年某某学术年会在重庆成功举行！");
    assertThat(text.paragraphs()).hasSize(3);
  }

  @Test
  void anArrowSubheadingWithoutALinkStaysAndATextLabelGoes() {
    String body = "<p><strong>正文：</strong></p>" + BODY + "<p><strong>▶ 调整意味着什么？</strong></p>"
        + "<p>业内人士认为，存款利率下调将缓解银行的净息差压力。</p><p>▷ <a href=\"/x\">一图读懂存款利率调整</a></p>";
    PageText text = PageExtractor.extract(page("利率观察_财澜周刊", "<h1>利率观察</h1>", body, ""), null);
    assertThat(text.paragraphs()).contains("▶ 调整意味着什么？", "业内人士认为，存款利率下调将缓解银行的净息差压力。")
        .doesNotContain("正文：").noneMatch(p -> p.contains("一图读懂"));
  }
}
