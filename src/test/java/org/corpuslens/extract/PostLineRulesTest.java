package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line rules of issue 13 applied to archive posts ({@link HtmlTextExtractor}). */
class PostLineRulesTest {

  @Test
  void creditLinesAreMetadataNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div><p>作者 | 王小明</p><p>编辑 | 李晓红</p><p>头图 | 视觉中国</p>"
                + "<p>今年一季度，全市新增市场主体两万户。</p><p>来源 | 城市晚报</p></div>");
    assertThat(t.paragraphs()).containsExactly("今年一季度，全市新增市场主体两万户。");
    assertThat(t.editor()).isEqualTo("李晓红");
    assertThat(t.originalSource()).isEqualTo("城市晚报");
  }

  @Test
  void imageCreditAndWechatOriginLinesAreDropped() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>本文来自微信公众号：科技前沿观察（ID：techfront），作者：周明</p>"
                + "<p>芯片产业链的国产化率正在提高。</p><p>图片来源于网络，侵删</p>");
    assertThat(t.paragraphs()).containsExactly("芯片产业链的国产化率正在提高。");
    assertThat(t.originalSource()).isEqualTo("科技前沿观察");
  }

  @Test
  void promotionalLinesAreDropped() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<p>央行宣布下调存款准备金率零点二五个百分点。</p>"
                + "<p>海量资讯、精准解读，尽在财经APP，点击查看>></p>"
                + "<p>▷ <a href=\"/a\">一图读懂降准</a></p><p>▷ <a href=\"/b\">专家解读降准影响</a></p>");
    assertThat(t.paragraphs()).containsExactly("央行宣布下调存款准备金率零点二五个百分点。");
  }

  @Test
  void theAnswerAuthorBylineIsNotText() {
    ExtractedText t =
        HtmlTextExtractor.extract(
            "<div class=\"answer\"><strong><img class=\"avatar\" src=\"a.jpg\">"
                + "<span class=\"author\">青柠檬，</span><span class=\"bio\">天文爱好者</span></strong>"
                + "<div class=\"content\"><p>冬季空气干燥，透明度高。</p><img src=\"sky.jpg\"></div></div>");
    assertThat(t.paragraphs()).containsExactly("冬季空气干燥，透明度高。");
    assertThat(t.imageCount()).as("the avatar is not an image of the text").isEqualTo(1);
  }

  @Test
  void sentencesThatMentionCreditsStayText() {
    String[] lines = {
      "作者认为，这一政策将在未来三年内产生明显效果。",
      "记者：您从什么时候开始学竹编？",
      "本报责任编辑：周五值班",
      "来源于生活的艺术，往往最能打动人。",
      "2022年4月15日，碳排放权交易市场开市满一周年。",
    };
    for (String line : lines) {
      assertThat(HtmlTextExtractor.extract("<p>" + line + "</p>").paragraphs()).as(line).containsExactly(line);
    }
  }
}
