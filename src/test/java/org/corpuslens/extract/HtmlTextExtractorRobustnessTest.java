package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hostile inputs must return without an exception (no timing assertions). */
class HtmlTextExtractorRobustnessTest {

  @Test
  void deeplyNestedDivs() {
    int depth = 100_000;
    String body = "<div>".repeat(depth) + "最深处的一句话" + "</div>".repeat(depth);

    ExtractedText extracted = HtmlTextExtractor.extract(body);

    assertThat(extracted.paragraphs()).containsExactly("最深处的一句话");
  }

  @Test
  void deeplyNestedUnclosedInlineAndBlockTags() {
    StringBuilder body = new StringBuilder();
    String[] tags = {"div", "b", "a href=x", "font", "p", "span", "li", "table", "td", "blockquote"};
    for (int i = 0; i < 100_000; i++) {
      body.append('<').append(tags[i % tags.length]).append('>');
      if (i % 1000 == 0) {
        body.append("字");
      }
    }

    assertThatCode(() -> HtmlTextExtractor.extract(body.toString())).doesNotThrowAnyException();
  }

  @Test
  void tenMegabyteSingleLine() {
    String unit = "数字经济加快发展，";
    String body = unit.repeat(10 * 1024 * 1024 / unit.length());

    ExtractedText extracted = HtmlTextExtractor.extract(body);

    assertThat(extracted.paragraphs()).hasSize(1);
    assertThat(extracted.text()).hasSize(body.length());
  }

  @Test
  void unbalancedAndBrokenMarkup() {
    String[] bodies = {
      "</p></div>正文<p>", "<p>未闭合<div>块<span>行内", "<<<>>>&&&;&#;&#x;&#99999999999;",
      "<!--", "<!--article_adlist[", "]article_adlist-->", "<p class=", "<a href=\"x", "<style>",
      "<script>alert(1)", "<![CDATA[文]]>", "<?xml version=\"1.0\"?><html><body>正文</body></html>",
      "<frameset><frame src=x></frameset>", "<table><td>格<tr>行</table>", "<svg><text>图</text></svg>",
      "\u0000\u0001\uFFFF\uD800", "<div hidden", "<img><img><img>"
    };
    for (String body : bodies) {
      assertThatCode(() -> HtmlTextExtractor.extract(body)).as(body).doesNotThrowAnyException();
    }
  }

  @Test
  void randomGarbage() {
    Random random = new Random(20_240_601L);
    String alphabet = "<>/=\"'!-&#;[] \n\u3000\u00a0pdivbrspanahiddenstyleclassappendQr绿色金融";
    for (int i = 0; i < 500; i++) {
      StringBuilder body = new StringBuilder();
      int length = random.nextInt(2_000);
      for (int j = 0; j < length; j++) {
        body.append(
            random.nextInt(8) == 0
                ? (char) random.nextInt(0x10000)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = body.toString();

      ExtractedText extracted = HtmlTextExtractor.extract(input);

      for (String paragraph : extracted.paragraphs()) {
        assertThat(paragraph).isNotBlank().doesNotStartWith(" ").doesNotEndWith(" ");
      }
    }
  }

  @Test
  void concurrentCallsGiveTheSameResults() {
    String body =
        "<div><p>　　正文<b>一</b></p><div hidden>隐藏</div><p style=\"display:none\">隐藏</p>"
            + "<div class=\"appendQr_wrap\">推广</div><p><a href=\"u\">查看原文</a></p>"
            + "<p class=\"article-editor\">责任编辑：某乙</p>\n第二行\n</div>";
    ExtractedText expected =
        new ExtractedText(List.of("正文一", "第二行"), 0, "某乙", null);

    List<ExtractedText> results =
        IntStream.range(0, 2_000)
            .parallel()
            .mapToObj(i -> HtmlTextExtractor.extract(body))
            .toList();

    assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(expected));
  }
}
