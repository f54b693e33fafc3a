package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTextExtractorTest {

  private static List<String> paragraphs(String body) {
    return HtmlTextExtractor.extract(body).paragraphs();
  }

  @Nested
  class EmptyInput {
    @Test
    void emptyBody() {
      ExtractedText extracted = HtmlTextExtractor.extract("");

      assertThat(extracted.paragraphs()).isEmpty();
      assertThat(extracted.text()).isEmpty();
      assertThat(extracted.imageCount()).isZero();
      assertThat(extracted.editor()).isNull();
      assertThat(extracted.originalSource()).isNull();
    }

    @Test
    void nullBodyIsEmpty() {
      assertThat(HtmlTextExtractor.extract(null).paragraphs()).isEmpty();
    }

    @Test
    void whitespaceOnlyBody() {
      assertThat(paragraphs("\n<div>   \n　　&nbsp; \t\n</div>\n   ")).isEmpty();
    }
  }

  @Nested
  class DroppedElements {
    @ParameterizedTest
    @ValueSource(strings = {"style", "script", "noscript", "template", "iframe"})
    void dropsNonTextElementsWithTheirContent(String tag) {
      String body = "<div><p>正文一</p><" + tag + ">不该出现的内容</" + tag + "><p>正文二</p></div>";

      assertThat(paragraphs(body)).containsExactly("正文一", "正文二");
    }

    @Test
    void dropsStyleWithEncodedBraces() {
      String body = "<p>正文</p><style>.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;</style>";

      assertThat(paragraphs(body)).containsExactly("正文");
    }

    @Test
    void dropsComments() {
      assertThat(paragraphs("<p>绿色<!-- 注释里的字 -->金融</p><!-- 总声明 -->"))
          .containsExactly("绿色金融");
    }

    @Test
    void dropsTheWholeAdListBlockEvenWithANestedComment() {
      String body =
          "<p>正文</p><!--article_adlist[<p>广告一</p><!-- 内嵌 --><p>数字经济广告</p>"
              + "]article_adlist--><p>结尾</p>";

      assertThat(paragraphs(body)).containsExactly("正文", "结尾");
    }

    @Test
    void dropsAnAdListBlockInsideAParagraphAndItsImage() {
      String body =
          "<p>正文</p><p><!--article_adlist[<img src=\"data:image/gif;base64,AA==\"/>]"
              + "article_adlist--></p>";

      ExtractedText extracted = HtmlTextExtractor.extract(body);

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.imageCount()).isZero();
    }

    @Test
    void keepsTextAfterAnUnterminatedAdListMarkerOutOfTheText() {
      assertThat(paragraphs("<p>正文</p><!--article_adlist[<p>广告</p>")).containsExactly("正文");
    }

    @Test
    void dropsAppendQrPromotionsWithTheirImages() {
      String body =
          "<p>正文</p><div class=\"clearfix appendQr_wrap\"><div class=\"appendQr_normal\">"
              + "<img src=\"qr.png\"></div><div class=\"appendQr_normal_txt\">下载客户端</div></div>";

      ExtractedText extracted = HtmlTextExtractor.extract(body);

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.imageCount()).isZero();
    }

    @Test
    void dropsAnyElementWhoseClassContainsAppendQr() {
      assertThat(paragraphs("<p>正文<span class=\"x appendQr_tip\">扫码</span></p>"))
          .containsExactly("正文");
    }

    @Test
    void dropsHiddenElements() {
      String body =
          "<p>可见<a href=\"u\" hidden>查看知乎原文</a></p><div hidden=\"hidden\">隐藏段</div>";

      assertThat(paragraphs(body)).containsExactly("可见");
    }

    @ParameterizedTest
    @ValueSource(strings = {"display:none", "display: none;", "color:red; DISPLAY : NONE"})
    void dropsDisplayNoneElements(String style) {
      assertThat(paragraphs("<p>可见</p><div style=\"" + style + "\">隐藏段</div>"))
          .containsExactly("可见");
    }

    @Test
    void keepsDisplayBlockElements() {
      assertThat(paragraphs("<div style=\"display:block\">可见段</div>")).containsExactly("可见段");
    }

    @Test
    void aDroppedInlineElementDoesNotSplitAParagraph() {
      assertThat(paragraphs("<p>数字<span hidden>x</span>经济</p>")).containsExactly("数字经济");
    }

    @Test
    void aDroppedBlockElementStillSeparatesParagraphs() {
      assertThat(paragraphs("<div>前文<div hidden>x</div>后文</div>")).containsExactly("前文", "后文");
    }
  }

  @Nested
  class EditorLine {
    @Test
    void articleEditorClassGivesTheEditor() {
      ExtractedText extracted =
          HtmlTextExtractor.extract("<p>正文</p><p class=\"article-editor\">责任编辑：赵小川 </p>");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.editor()).isEqualTo("赵小川");
    }

    @Test
    void anyParagraphThatIsAnEditorLineWithAsciiColon() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>正文</p><p>　　责任编辑: 钱多多　</p>");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.editor()).isEqualTo("钱多多");
    }

    @Test
    void editorLineInPlainText() {
      ExtractedText extracted = HtmlTextExtractor.extract("<div>第一行\n责任编辑：孙悦\n</div>");

      assertThat(extracted.paragraphs()).containsExactly("第一行");
      assertThat(extracted.editor()).isEqualTo("孙悦");
    }

    @Test
    void editorNameWithMarkupInside() {
      ExtractedText extracted =
          HtmlTextExtractor.extract("<p class=\"article-editor\">责任编辑：<span>李 四</span></p>");

      assertThat(extracted.paragraphs()).isEmpty();
      assertThat(extracted.editor()).isEqualTo("李 四");
    }

    @Test
    void aSentenceMentioningAnEditorIsText() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>本报责任编辑：周五值班</p>");

      assertThat(extracted.paragraphs()).containsExactly("本报责任编辑：周五值班");
      assertThat(extracted.editor()).isNull();
    }

    @Test
    void theArticleEditorBlockIsNeverText() {
      ExtractedText extracted =
          HtmlTextExtractor.extract("<p>正文</p><div class=\"article-editor\">编辑部值班表</div>");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.editor()).isNull();
    }

    @Test
    void blankEditorNameLeavesNoEditor() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>正文</p><p>责任编辑：</p>");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.editor()).isNull();
    }

    @Test
    void theFirstEditorLineWins() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>责任编辑：甲</p><p>责任编辑：乙</p>");

      assertThat(extracted.editor()).isEqualTo("甲");
    }
  }

  @Nested
  class OriginLine {
    @ParameterizedTest
    @ValueSource(strings = {"来源：海边日报", "文章来源：海边日报", "来源: 海边日报", "　　来源 ：海边日报　"})
    void originLineGivesTheOriginalSource(String line) {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>正文</p><p>" + line + "</p>");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.originalSource()).isEqualTo("海边日报");
    }

    @Test
    void anInlineOriginMentionIsText() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>数据显示增长（来源：统计局）。</p>");

      assertThat(extracted.paragraphs()).containsExactly("数据显示增长（来源：统计局）。");
      assertThat(extracted.originalSource()).isNull();
    }

    @Test
    void noOriginLineMeansNull() {
      assertThat(HtmlTextExtractor.extract("<p>正文</p>").originalSource()).isNull();
    }
  }

  @Nested
  class ArchiverLines {
    @Test
    void ruleAndUpdateStampLinesAreDropped() {
      ExtractedText extracted =
          HtmlTextExtractor.extract("<div>   \n<p>本台消息，正文一段。</p>\n\n---\n\n(更新时间戳: 1664109102894)  \n</div>");

      assertThat(extracted.paragraphs()).containsExactly("本台消息，正文一段。");
    }

    @Test
    void dashesInsideTextStay() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>A---B 与 (更新时间戳: 见下文)</p>");

      assertThat(extracted.paragraphs()).containsExactly("A---B 与 (更新时间戳: 见下文)");
    }
  }

  @Nested
  class LinkOnlyTails {
    @ParameterizedTest
    @ValueSource(strings = {"查看原文", "阅读原文", "原文链接", "查看知乎讨论", "查看知乎原文", "点击查看", "查看更多"})
    void dropsALinkOnlyParagraph(String linkText) {
      String body = "<p>正文</p><p><a href=\"https://example.com/1\">" + linkText + "</a></p>";

      assertThat(paragraphs(body)).containsExactly("正文");
    }

    @Test
    void dropsALinkOnlyBlockWithInnerMarkup() {
      String body =
          "<p>正文</p><div class=\"view-more\"><a href=\"u\">查看知乎讨论<span class=\"h\"></span>"
              + "</a></div>";

      assertThat(paragraphs(body)).containsExactly("正文");
    }

    @Test
    void dropsALinkOnlyParagraphWrappedInInlineElements() {
      assertThat(paragraphs("<p>正文</p><p>　<strong><a href=\"u\"> 阅读原文 </a></strong></p>"))
          .containsExactly("正文");
    }

    @Test
    void keepsTheSameWordsWhenTheyAreNotALink() {
      assertThat(paragraphs("<p>正文</p><p>查看原文</p>")).containsExactly("正文", "查看原文");
    }

    @Test
    void keepsALinkWithOtherText() {
      assertThat(paragraphs("<p>详情请<a href=\"u\">查看原文</a></p>")).containsExactly("详情请查看原文");
    }

    @Test
    void keepsTwoLinksThatTogetherSpellATailText() {
      assertThat(paragraphs("<p><a href=\"u\">查看</a><a href=\"v\">原文</a></p>"))
          .containsExactly("查看原文");
    }

    @Test
    void keepsLinksWithOtherTexts() {
      assertThat(paragraphs("<ul><li><a href=\"u\">番外篇</a></li></ul>")).containsExactly("番外篇");
    }
  }

  @Nested
  class Paragraphs {
    @Test
    void inlineElementsDoNotBreakAParagraph() {
      String body =
          "<p>绿色<b>金融</b><span>与</span><font>数字</font><strong>经济</strong>"
              + "<a href=\"u\">的</a><em>协同</em><i>发展</i></p>";

      assertThat(paragraphs(body)).containsExactly("绿色金融与数字经济的协同发展");
    }

    @Test
    void blockElementsSeparateParagraphs() {
      String body =
          "<div>甲<div>乙</div>丙</div><h2>标题</h2><blockquote>引文</blockquote>"
              + "<ul><li>一</li><li>二</li></ul><section>节</section><article>文</article>"
              + "<figure><img src=\"a.png\"><figcaption>图注</figcaption></figure>"
              + "<table><tr><td>格一</td><td>格二</td></tr><tr><td>格三</td></tr></table>";

      assertThat(paragraphs(body))
          .containsExactly(
              "甲", "乙", "丙", "标题", "引文", "一", "二", "节", "文", "图注", "格一", "格二", "格三");
    }

    @Test
    void brSeparatesParagraphs() {
      assertThat(paragraphs("<p>第一句<br>第二句<br/><br>第三句</p>"))
          .containsExactly("第一句", "第二句", "第三句");
    }

    @Test
    void plainTextLinesAreParagraphs() {
      assertThat(paragraphs("\n<div>   \n第一行\r\n\n  第二行  \n第三行  \n</div>\n   "))
          .containsExactly("第一行", "第二行", "第三行");
    }

    @Test
    void plainTextWithoutAnyMarkup() {
      assertThat(paragraphs("第一行\n第二行")).containsExactly("第一行", "第二行");
    }

    @Test
    void aLineBreakInsideAParagraphIsASpace() {
      assertThat(paragraphs("<p>first line\nsecond line</p>")).containsExactly("first line second line");
    }

    @Test
    void trimsFullWidthAsciiAndNbspWhitespace() {
      assertThat(paragraphs("<p>　　&nbsp;\t 正文内容 &nbsp;　</p>")).containsExactly("正文内容");
    }

    @Test
    void collapsesInnerWhitespaceRuns() {
      assertThat(paragraphs("<p>Shift  +\t\tF10 &nbsp; 打开　　命令行</p>"))
          .containsExactly("Shift + F10 打开 命令行");
    }

    @Test
    void dropsBlankParagraphs() {
      assertThat(paragraphs("<p>　　</p><p>正文</p><p> &nbsp; </p><div></div>"))
          .containsExactly("正文");
    }

    @Test
    void decodesEntities() {
      assertThat(paragraphs("<p>&#123;a&#125; &amp; &lt;b&gt; &quot;c&quot; &#x4E2D;</p>"))
          .containsExactly("{a} & <b> \"c\" 中");
    }

    @Test
    void decodesEntitiesInPlainText() {
      assertThat(paragraphs("<div>\n价格&#123;上涨&#125;\n</div>")).containsExactly("价格{上涨}");
    }

    @Test
    void textIsTheParagraphsJoinedByNewline() {
      assertThat(HtmlTextExtractor.extract("<p>甲</p><p>乙</p>").text()).isEqualTo("甲\n乙");
    }
  }

  @Nested
  class Images {
    @Test
    void countsKeptImages() {
      String body =
          "<div><img src=\"a.png\"><p>文<img src=\"b.png\">字</p>"
              + "<div class=\"img_wrapper\"><img src=\"c.png\"><span class=\"img_descr\"></span></div>"
              + "</div>";

      ExtractedText extracted = HtmlTextExtractor.extract(body);

      assertThat(extracted.imageCount()).isEqualTo(3);
      assertThat(extracted.paragraphs()).containsExactly("文字");
    }

    @Test
    void doesNotCountImagesInDroppedContent() {
      String body =
          "<p>正文</p><div hidden><img src=\"a.png\"></div><noscript><img src=\"b.png\"></noscript>"
              + "<!-- <img src=\"c.png\"> --><div class=\"appendQr_wrap\"><img src=\"d.png\"></div>"
              + "<p class=\"article-editor\"><img src=\"e.png\">责任编辑：某某</p>";

      assertThat(HtmlTextExtractor.extract(body).imageCount()).isZero();
    }
  }

  @Nested
  class Title {
    @Test
    void dropsALeadingParagraphEqualToTheTitle() {
      ExtractedText extracted =
          HtmlTextExtractor.extract("<h1>　某地&amp;某事 </h1><p>正文</p>", "某地&amp;某事");

      assertThat(extracted.paragraphs()).containsExactly("正文");
    }

    @Test
    void keepsTheTitleTextLaterInTheBody() {
      ExtractedText extracted = HtmlTextExtractor.extract("<p>正文</p><p>标题</p>", "标题");

      assertThat(extracted.paragraphs()).containsExactly("正文", "标题");
    }

    @Test
    void blankOrNullTitleChangesNothing() {
      assertThat(HtmlTextExtractor.extract("<p>正文</p>", " ").paragraphs()).containsExactly("正文");
      assertThat(HtmlTextExtractor.extract("<p>正文</p>", null).paragraphs()).containsExactly("正文");
    }

    @Test
    void keepsEditorAndImagesWhenDroppingTheTitle() {
      ExtractedText extracted =
          HtmlTextExtractor.extract(
              "<div>标题\n<img src=\"a.png\">\n正文\n责任编辑：某甲\n</div>", "标题");

      assertThat(extracted.paragraphs()).containsExactly("正文");
      assertThat(extracted.imageCount()).isEqualTo(1);
      assertThat(extracted.editor()).isEqualTo("某甲");
    }
  }
}
