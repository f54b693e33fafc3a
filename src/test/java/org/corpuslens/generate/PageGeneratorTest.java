package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.extract.PageText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated pages against their ground truth, through the real extractor: the strict paragraph
 * F1 (a gold paragraph counts when it is one line of the text, equal after whitespace collapsing),
 * titles, dates and sources, per layout.
 */
class PageGeneratorTest {
  static PageGenerator generator;

  @BeforeAll
  static void build() {
    generator = PageGenerator.create(13);
  }

  @Test
  void theSameSeedGivesTheSamePage() {
    assertThat(PageGenerator.create(13).page(7, null).html()).isEqualTo(generator.page(7, null).html());
    assertThat(generator.page(8, null).html()).isNotEqualTo(generator.page(7, null).html());
  }

  @Test
  void extractionMatchesTheGroundTruth() {
    int pages = 240;
    Map<String, int[]> perLayout = new HashMap<>(); // matched, extracted, gold, title ok, date ok, source ok, pages
    for (int i = 0; i < pages; i++) {
      PageGenerator.Page p = generator.page(i, null);
      PageText t = PageExtractor.extract(p.html(), p.url());
      int[] c = perLayout.computeIfAbsent(p.layout(), k -> new int[7]);
      Map<String, Integer> gold = new HashMap<>();
      p.paragraphs().forEach(g -> gold.merge(g, 1, Integer::sum));
      for (String line : t.paragraphs()) {
        Integer left = gold.get(line);
        if (left != null && left > 0) {
          gold.put(line, left - 1);
          c[0]++;
        }
      }
      c[1] += t.paragraphs().size();
      c[2] += p.paragraphs().size();
      c[3] += p.title().equals(t.title()) ? 1 : 0;
      c[4] += p.publishedAt().equals(t.publishedAt()) ? 1 : 0;
      c[5] += p.source().equals(t.source()) ? 1 : 0;
      c[6]++;
    }
    int m = 0;
    int e = 0;
    int g = 0;
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, int[]> x : perLayout.entrySet()) {
      int[] c = x.getValue();
      m += c[0];
      e += c[1];
      g += c[2];
      report.append(String.format(Locale.ROOT, "%-7s P %.3f R %.3f title %d/%d date %d/%d source %d/%d%n", x.getKey(),
          (double) c[0] / c[1], (double) c[0] / c[2], c[3], c[6], c[4], c[6], c[5], c[6]));
      assertThat(c[3]).as("titles of %s%n%s", x.getKey(), report).isEqualTo(c[6]);
      assertThat(c[4]).as("dates of %s%n%s", x.getKey(), report).isEqualTo(c[6]);
      assertThat(c[5]).as("sources of %s%n%s", x.getKey(), report).isEqualTo(c[6]);
    }
    double precision = (double) m / e;
    double recall = (double) m / g;
    double f1 = 2 * precision * recall / (precision + recall);
    report.append(String.format(Locale.ROOT, "all: P %.4f R %.4f F1 %.4f over %d pages, %d gold paragraphs%n", precision, recall, f1, pages, g));
    System.out.print(report);
    assertThat(perLayout).hasSize(PageGenerator.LAYOUTS.length);
    assertThat(f1).as(report.toString()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void pagesHoldTheirNoise() {
    PageGenerator.Page portal = generator.page(0, "portal");
    assertThat(portal.html()).contains("相关新闻", "网友评论", "责任编辑：", "分享到：", "来源：");
    assertThat(portal.paragraphs()).noneMatch(s -> s.contains("责任编辑") || s.contains("分享到"));
    List<String> layouts = List.of(PageGenerator.LAYOUTS);
    assertThat(layouts).contains("portal", "paper", "gov", "wechat", "tech", "oldbr");
  }
}
