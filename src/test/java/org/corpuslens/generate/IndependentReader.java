package org.corpuslens.generate;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A reader of generated posts written for the tests only, from the contract, sharing no code
 * with the pipeline (only jsoup and SnakeYAML): what a post is (article or reject and why) and the
 * paragraphs of its text. It only needs to handle the shapes the generator writes; it takes a
 * different route than the pipeline's extractor (markup removed, line breaks added around block
 * elements, then jsoup's {@code wholeText}).
 */
final class IndependentReader {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Set<String> TAILS = Set.of("查看原文", "阅读原文", "原文链接", "查看知乎讨论", "查看知乎原文", "点击查看", "查看更多");
  private static final Pattern RFC = Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  private static final Pattern CRAWL = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  private static final Pattern LABEL_LINE = Pattern.compile("^(责任编辑|文章来源|来源) ?[：:].*");

  /**
   * What a file is.
   *
   * @param reason null for an article
   * @param source the source, when the front matter names one
   */
  record Post(String reason, String source, String section, String feed, String title, YearMonth month, Instant instant, boolean crawled,
      List<String> paragraphs) {
    String text() {
      return String.join("\n", paragraphs);
    }
  }

  private IndependentReader() {}

  static Post read(byte[] bytes) {
    if (bytes.length == 0) {
      return reject("EMPTY_FILE", null);
    }
    for (byte b : bytes) {
      if (b == 0) {
        return reject("BINARY", null);
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return reject("UNDECODABLE", null);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length || !lines[i].strip().equals("---")) {
      return reject("NO_FRONT_MATTER", null);
    }
    int close = i + 1;
    while (close < lines.length && !lines[close].strip().equals("---")) {
      close++;
    }
    if (close == lines.length) {
      return reject("UNCLOSED_FRONT_MATTER", null);
    }
    Object loaded;
    try {
      loaded = yaml().load(String.join("\n", List.of(lines).subList(i + 1, close)));
    } catch (RuntimeException e) {
      return reject("INVALID_YAML", null);
    }
    if (!(loaded instanceof Map<?, ?> fm)) {
      return reject("INVALID_YAML", null);
    }
    Object categories = fm.get("categories");
    List<String> cats = new ArrayList<>();
    if (categories != null) {
      if (!(categories instanceof List<?> list)) {
        return reject("BAD_CATEGORIES", null);
      }
      for (Object o : list) {
        if (!(o instanceof String s)) {
          return reject("BAD_CATEGORIES", null);
        }
        cats.add(s.strip());
      }
    }
    String author = fm.get("author") instanceof String a && !a.isBlank() ? a.strip() : null;
    String source = author != null ? author : cats.size() > 1 ? cats.get(1) : null;
    if (source == null) {
      return reject("MISSING_SOURCE", null);
    }
    Object dateValue = fm.get("date");
    if (!(dateValue instanceof String date) || date.isBlank()) {
      return reject("MISSING_DATE", source);
    }
    Instant instant;
    boolean crawled;
    if (RFC.matcher(date.strip()).matches()) {
      instant = ZonedDateTime.parse(date.strip(), DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC)).toInstant();
      crawled = false;
    } else if (CRAWL.matcher(date.strip()).matches()) {
      instant = LocalDateTime.parse(date.strip(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)).toInstant(ZoneOffset.UTC);
      crawled = true;
    } else {
      return reject("INVALID_DATE", source);
    }
    if (instant.atZone(ZoneOffset.UTC).getYear() < 1990) {
      return reject("IMPLAUSIBLE_DATE", source);
    }
    List<String> paragraphs = paragraphs(String.join("\n", List.of(lines).subList(close + 1, lines.length)));
    if (paragraphs.isEmpty()) {
      return reject("EMPTY_TEXT", source);
    }
    String title = fm.get("title") instanceof String t && !t.isBlank() ? t.strip().replace("&#123;", "{").replace("&#125;", "}") : null;
    return new Post(null, source, cats.isEmpty() ? null : cats.get(0), cats.size() > 2 ? cats.get(2) : null, title,
        YearMonth.from(instant.atZone(SHANGHAI)), instant, crawled, paragraphs);
  }

  private static Post reject(String reason, String source) {
    return new Post(reason, source, null, null, null, null, null, false, List.of());
  }

  /** The text's paragraphs: boilerplate removed, block boundaries as line breaks, lines trimmed. */
  static List<String> paragraphs(String body) {
    String b = body.replaceAll("(?s)<!--article_adlist\\[.*?\\]article_adlist-->", "");
    Document d = Jsoup.parse(b);
    d.select("style, script, [hidden], [style*=display:none], [class*=appendQr], .article-editor").remove();
    for (Element a : d.select("a")) {
      if (TAILS.contains(a.text().strip()) && a.parent() != null && a.parent().text().strip().equals(a.text().strip())) {
        a.parent().remove();
      }
    }
    for (Element br : d.select("br")) {
      br.after("\n");
    }
    for (Element e : d.select("p, div, li, ul, h1, h2, h3, h4, h5, h6")) {
      e.prepend("\n");
      e.append("\n");
    }
    List<String> out = new ArrayList<>();
    for (String line : d.body().wholeText().split("\n")) {
      String s = line.replaceAll("^[\\s\u3000\u00A0]+|[\\s\u3000\u00A0]+$", "").replaceAll("[\\s\u3000\u00A0]+", " ");
      if (!s.isEmpty() && !LABEL_LINE.matcher(s).matches()) {
        out.add(s);
      }
    }
    return out;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
      @Override
      protected void addImplicitResolvers() {
        // every scalar stays text
      }
    });
  }
}
