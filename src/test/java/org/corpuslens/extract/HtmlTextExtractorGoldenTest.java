package org.corpuslens.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: {@code golden/<case>.html} (a body in one of the real archive layouts, with text
 * written for the project) must extract to the paragraphs of {@code <case>.txt} (one per line,
 * written by hand) and to the metadata of {@code <case>.properties} ({@code imageCount}, {@code
 * editor}, {@code originalSource}; an absent key means {@code null}).
 */
class HtmlTextExtractorGoldenTest {

  static List<String> cases() {
    return List.of(
        "sina_seed",
        "cls_plain",
        "kr36_title_only",
        "zhihu_daily",
        "dockone_br",
        "bangumi_links",
        "view_original_tail",
        "source_line",
        "oschina_list");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void extractsTheExpectedText(String name) throws IOException {
    ExtractedText extracted = HtmlTextExtractor.extract(resource(name + ".html"));

    String expected = resource(name + ".txt");
    if (expected.endsWith("\n")) {
      expected = expected.substring(0, expected.length() - 1);
    }
    assertThat(extracted.paragraphs()).containsExactly(expected.split("\n"));
    assertThat(extracted.text()).isEqualTo(expected);

    Properties meta = properties(name + ".properties");
    assertThat(extracted.imageCount())
        .as("imageCount")
        .isEqualTo(Integer.parseInt(meta.getProperty("imageCount")));
    assertThat(extracted.editor()).as("editor").isEqualTo(meta.getProperty("editor"));
    assertThat(extracted.originalSource())
        .as("originalSource")
        .isEqualTo(meta.getProperty("originalSource"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void neverKeepsBoilerplate(String name) throws IOException {
    String text = HtmlTextExtractor.extract(resource(name + ".html")).text();

    assertThat(text)
        .doesNotContain("海量资讯")
        .doesNotContain("责任编辑")
        .doesNotContain("appendQr")
        .doesNotContain("&#123;")
        .doesNotContain("{border")
        .doesNotContain("article_adlist")
        .doesNotContain("查看原文")
        .doesNotContain("查看知乎")
        .doesNotContain("<")
        .doesNotContain("\u3000")
        .doesNotContain("\u00a0");
  }

  @Test
  void dropsTheAdListTextAndItsTopicKeyword() throws IOException {
    String html = resource("sina_seed.html");
    assertThat(html).as("fixture").contains("生物医药").contains("版权声明");

    String text = HtmlTextExtractor.extract(html).text();

    assertThat(text).doesNotContain("生物医药").doesNotContain("版权声明").doesNotContain("推荐阅读");
  }

  @Test
  void titleOnlyBodyIsEmptyOnceTheTitleIsExcluded() throws IOException {
    ExtractedText extracted =
        HtmlTextExtractor.extract(resource("kr36_title_only.html"), "5亿元，某市设立首支科创母基金");

    assertThat(extracted.paragraphs()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyCaseHasItsThreeFiles(String name) throws IOException {
    assertThat(resource(name + ".html")).isNotBlank();
    assertThat(resource(name + ".txt")).isNotBlank();
    assertThat(properties(name + ".properties").getProperty("imageCount")).isNotNull();
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Properties properties(String file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = HtmlTextExtractorGoldenTest.class.getResourceAsStream("golden/" + file);
    if (in == null) {
      throw new IOException("missing test resource golden/" + file);
    }
    return in;
  }
}
