package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markup a reader never sees stays out of the main text: hidden elements and non-content tags. */
class PageNonContentTest {
  private static final String PARA =
      "<p>国务院常务会议今天研究部署进一步推动科技创新和产业升级的政策措施，会议指出要加大支持力度。</p>";

  @Test
  void hiddenAndUndisplayedElementsAreLeftOutWhateverTheirOtherAttributes() {
    String html = "<html><head><title>科技创新政策部署</title></head><body><div class=\"article\">"
        + PARA + PARA.replace("今天", "昨天")
        + "<p hidden class=\"x\">隐藏段落不应出现在正文里面，这是一段被隐藏的文字内容。</p>"
        + "<div data-x=\"1\" STYLE=\"color:red; Display : none\"><p>不显示的段落也不应出现在正文里面，这是一段文字。</p></div>"
        + "<p style=\"color:red\">红色段落应当保留在正文里面，这是一段正常显示的文字内容。</p>"
        + "<p class=\"note\" id=\"n1\">普通属性的段落应当保留在正文里面，这是一段正常的文字内容。</p>"
        + "<button class=\"share\">分享到微信朋友圈</button>"
        + "</div></body></html>";
    String text = PageExtractor.extract(html, "https://news.example.cn/2024/05/01/a.html").text();
    assertThat(text).contains("今天研究部署", "昨天研究部署", "红色段落应当保留", "普通属性的段落应当保留")
        .doesNotContain("隐藏段落", "不显示的段落", "分享到微信");
  }
}
