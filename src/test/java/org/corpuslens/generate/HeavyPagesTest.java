package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuslens.extract.PageExtractor;
import org.corpuslens.extract.PageText;
import org.junit.jupiter.api.Test;

/**
 * The heavy variant of the generated pages ({@link PageGenerator#page(int, String, int)}): the
 * weight of a real news page around the same article, so extraction must give what it gives on the
 * light page (text, title, date, source) on every layout, and the page must hold what real pages
 * hold.
 */
class HeavyPagesTest {
  private static final Pattern LINK = Pattern.compile("<a href=");

  @Test
  void heavyPagesExtractLikeTheLightOnes() {
    for (long seed : new long[] {13, 7, 2026}) {
      PageGenerator generator = PageGenerator.create(seed);
      for (String layout : PageGenerator.LAYOUTS) {
        for (int i = 0; i < 2; i++) {
          PageGenerator.Page light = generator.page(i, layout);
          PageText l = PageExtractor.extract(light.html(), light.url());
          for (int weight : PageGenerator.HEAVY_WEIGHTS) {
            PageGenerator.Page heavy = generator.page(i, layout, weight);
            String what = "seed " + seed + " " + layout + " page " + i + " at " + weight;
            assertThat(heavy.html().length()).as(what).isBetween(weight * 9 / 10, weight * 13 / 10);
            assertThat(heavy.paragraphs()).as(what).isEqualTo(light.paragraphs());
            PageText h = PageExtractor.extract(heavy.html(), heavy.url());
            assertThat(h.text()).as(what).isEqualTo(l.text());
            assertThat(h.title()).as(what).isEqualTo(l.title()).isEqualTo(light.title());
            assertThat(h.publishedAt()).as(what).isEqualTo(l.publishedAt()).isEqualTo(light.publishedAt());
            assertThat(h.source()).as(what).isEqualTo(l.source()).isEqualTo(light.source());
          }
        }
      }
    }
  }

  @Test
  void heavyPagesCarryWhatRealPagesCarry() {
    PageGenerator.Page p = PageGenerator.create(13).page(3, null, 60_000);
    String html = p.html();
    assertThat(html).contains("<script type=\"application/ld+json\">", "window.__INITIAL_STATE__=", "<svg ", "<style type=\"text/css\">",
        "<link rel=\"stylesheet\"", "<!-- header start -->", "class=\"comment-list\"", "class=\"footer-links\"");
    Matcher m = LINK.matcher(html);
    int links = 0;
    while (m.find()) {
      links++;
    }
    assertThat(links).isGreaterThan(100);
    int scripts = html.indexOf("</script>", html.indexOf("window.__INITIAL_STATE__=")) - html.indexOf("window.__INITIAL_STATE__=");
    assertThat(scripts).as("the configuration script's share of the page").isGreaterThan(html.length() / 4);
    assertThat(PageGenerator.create(13).page(3, null, 60_000).html()).isEqualTo(html);
    assertThat(PageGenerator.create(13).page(3, null, 0).html()).isEqualTo(PageGenerator.create(13).page(3, null).html());
  }
}
