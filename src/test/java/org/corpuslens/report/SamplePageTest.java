package org.corpuslens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplePageTest {
  private static final SamplePage.Article HOSTILE = new SamplePage.Article(
      "<b>EPU</b>", "2022-01-01", "甲\"报", "id1", "政策<script>alert(1)</script>", "𠀀经济 & <i>不确定</i>", 3,
      List.of(new SamplePage.Hit("title", 0, "政策", "all[2]"), new SamplePage.Hit("text", 1, "经济", "all[1]"),
          new SamplePage.Hit("text", 9, "不确定", "all[3]")),
      "=经济, \"不确定\"");

  @Test
  void highlightsTheMentionsAtTheirCodePointOffsetsAndEscapesTheRest() {
    // 𠀀 is one code point of two chars: 经济 starts at code point 1; "𠀀经济 & <i>" is 9 code points, so 不确定 is at 9
    assertThat(SamplePage.highlight(HOSTILE.text(), HOSTILE.hits(), "text"))
        .isEqualTo("𠀀<mark>经济</mark> &amp; &lt;i&gt;<mark>不确定</mark>&lt;/i&gt;");
    assertThat(SamplePage.highlight(HOSTILE.title(), HOSTILE.hits(), "title"))
        .isEqualTo("<mark>政策</mark>&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void aHitThatDoesNotFitTheTextIsNotMarked() {
    assertThat(SamplePage.highlight("经济", List.of(new SamplePage.Hit("text", 1, "经济", "any")), "text")).isEqualTo("经济");
    assertThat(SamplePage.highlight("经济", List.of(new SamplePage.Hit("text", 9, "经济", "any")), "text")).isEqualTo("经济");
  }

  @Test
  void thePageEscapesEverythingAndLoadsNothing() {
    String html = SamplePage.html(List.of(HOSTILE), Map.of("<b>EPU</b>", "any of {<x>}"), 7, 50);
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>EPU").doesNotContain("<i>").doesNotContain("<x>");
    assertThat(html).contains("&lt;b&gt;EPU&lt;/b&gt; (1 articles)").contains("Rule: any of {&lt;x&gt;}")
        .contains("甲&quot;报").contains("default-src 'none'");
  }

  @Test
  void csvQuotesAndDefusesFormulas() {
    String csv = SamplePage.csv(List.of(HOSTILE));
    assertThat(csv.split("\r\n")).containsExactly(
        "topic,period,source,article_id,title,mention_count,terms,snippet,relevant",
        "<b>EPU</b>,2022-01-01,\"甲\"\"报\",id1,政策<script>alert(1)</script>,3,政策;经济;不确定,\"'=经济, \"\"不确定\"\"\",");
  }
}
