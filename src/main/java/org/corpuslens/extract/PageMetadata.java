package org.corpuslens.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpuslens.extract.PageParagraphs.Para;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The metadata of a full page: title, publication time, source, author and editor, from the
 * head's meta tags and JSON-LD, the headline and the lines right below it, and the URL.
 */
final class PageMetadata {
  private PageMetadata() {}

  /** Meta names and properties of a publication time, in order of trust. */
  static final List<String> DATE_METAS =
      List.of(
          "article:published_time", "og:article:published_time", "og:published_time", "og:release_date",
          "datepublished", "pubdate", "publishdate", "publish_date", "publishtime", "publish-date", "ptime",
          "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "weibo:article:create_at",
          "firstpublishedtime", "article:published", "pub_date", "releasedate", "created", "datecreated");

  /** How many paragraphs after the headline are searched for the byline. */
  static final int BYLINE_WINDOW = 8;

  /** Metas of the last modification: only a year for a visible date written without one. */
  private static final List<String> MODIFIED_METAS =
      List.of("dateupdate", "datemodified", "article:modified_time", "og:updated_time", "lastmodified", "last-modified");

  /** How many paragraphs before the headline are searched for a dated byline. */
  static final int BYLINE_ABOVE = 3;

  /** What the head and headline offer, read before the page is cleaned. */
  record Raw(
      Map<String, String> metas, List<String> jsonLd, List<String> h1s, String titleTag, List<String> timeValues,
      String ownUrl) {}

  /** The comment browsers put at the top of a saved page: {@code <!-- saved from url=(0042)https://... -->}. */
  private static final Pattern SAVED_FROM = Pattern.compile("saved from url=\\(\\d+\\)(\\S+)");

  /** A label that makes a date on the page a publication date wherever it stands. */
  private static final Pattern LABELLED_DATE =
      Pattern.compile("(发布于|发表于|发布时间|发布日期|发表时间|发文日期)\\s*[:：]?\\s*");

  /** Hosts whose og:site_name is the platform, not the publisher: the account is the source. */
  static final java.util.Set<String> ACCOUNT_PLATFORMS = java.util.Set.of("mp.weixin.qq.com");

  private static final List<String> META_KEYS = List.of("property", "name", "itemprop", "http-equiv");

  static Raw readHead(Document doc) {
    HeadReader reader = new HeadReader();
    for (Element e : doc.getAllElements()) {
      reader.visit(e);
    }
    return reader.raw(doc);
  }

  /**
   * Reads {@link Raw} from the elements of a page in document order, all of them (the head's
   * included), before the page is cleaned: {@link #visit} each element of the caller's walk, then
   * {@link #raw}.
   */
  static final class HeadReader {
    private final Map<String, String> metas = new HashMap<>();
    private final List<String> jsonLd = new ArrayList<>();
    private final List<String> h1s = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private String own = "";

    void visit(Element e) {
      switch (e.normalName()) {
        case "meta" -> {
          String content = e.attr("content").strip();
          if (!content.isEmpty()) {
            for (String key : META_KEYS) {
              String k = e.attr(key).strip().toLowerCase(Locale.ROOT);
              if (!k.isEmpty()) {
                metas.putIfAbsent(k, content);
              }
            }
          }
        }
        case "script" -> {
          if (e.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
            jsonLd.add(e.data());
          }
        }
        case "h1" -> {
          String t = Whitespace.normalize(e.text());
          if (!t.isEmpty()) {
            h1s.add(t);
          }
        }
        case "link" -> {
          if (own.isEmpty() && e.attr("rel").strip().equalsIgnoreCase("canonical")) {
            own = e.absUrl("href");
          }
        }
        default -> { }
      }
      if (e.hasAttr("datetime") && (e.normalName().equals("time") || e.attr("itemprop").strip().equalsIgnoreCase("datePublished"))) {
        times.add(e.attr("datetime"));
      }
    }

    /** What the visited elements and {@code doc}'s title and top-level comments give. */
    Raw raw(Document doc) {
      String url = own;
      if (url.isBlank()) {
        url = metas.getOrDefault("og:url", "");
      }
      if (url.isBlank()) {
        for (org.jsoup.nodes.Node n : doc.childNodes()) {
          if (n instanceof org.jsoup.nodes.Comment c) {
            Matcher m = SAVED_FROM.matcher(c.getData());
            if (m.find()) {
              url = m.group(1);
              break;
            }
          }
        }
      }
      if (url.isBlank() || !HTTP_URL.matcher(url).matches()) {
        url = null;
      }
      return new Raw(metas, jsonLd, h1s, Whitespace.normalize(doc.title()), times, url);
    }
  }

  private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://.+");

  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s*(?:_|\\||｜|--|—+|－|\\s-\\s|\\s–\\s|-(?=[^\\d]+$))\\s*");

  private static final Pattern SUFFIX_START = Pattern.compile("\\s*(?:_|\\||｜|--|—+|－|-|–)");

  /** A site name's separator at the end of a {@code <title>}'s prefix ({@code 某某网--标题}). */
  private static final Pattern PREFIX_END = Pattern.compile("(?:_|\\||｜|--|—+|－|-|–|:|：)\\s*$");

  /** The headline: a matching h1, og:title, JSON-LD headline, or {@code <title>} minus its suffix. */
  static String title(Raw raw, List<Para> all) {
    // og:title, twitter:title, and the ArticleTitle of TRS-made government and newspaper sites
    String og = first(raw.metas(), "og:title", "twitter:title", "articletitle");
    String ld = jsonString(raw.jsonLd(), "headline");
    String best = null;
    // the <title> without its site suffix: an h1 that is only the suffix is the site's logo
    String titleHead = stripSiteSuffix(raw.titleTag());
    for (String h1 : raw.h1s()) {
      boolean matches =
          (!titleHead.isEmpty() && titleHead.contains(h1))
              || (og != null && og.contains(h1))
              || (ld != null && ld.contains(h1));
      if (matches && h1.length() >= 2 && (best == null || h1.length() > best.length())) {
        best = h1;
      }
    }
    if (best != null) {
      return best;
    }
    if (og != null) {
      return og.equals(raw.titleTag()) ? stripSiteSuffix(og) : Whitespace.normalize(og);
    }
    if (ld != null) {
      return Whitespace.normalize(ld);
    }
    // a visible headline without h1: a line that the <title> starts with, before a separator or a
    // space (标题 溪州市人民政府门户网站), or ends with, after a separator (青石区人民政府--标题)
    for (Para p : all) {
      String t = p.text();
      String tag = raw.titleTag();
      if (t.length() < 2 || t.length() > 80 || tag.length() <= t.length()) {
        continue;
      }
      if (tag.startsWith(t) && (SUFFIX_START.matcher(tag.substring(t.length())).lookingAt()
          || t.length() >= 6 && Whitespace.isSpace(tag.charAt(t.length())))) {
        return t;
      }
      if (t.length() >= 6 && tag.endsWith(t) && tag.length() - t.length() <= 30
          && PREFIX_END.matcher(tag.substring(0, tag.length() - t.length())).find()) {
        return t;
      }
    }
    if (raw.h1s().size() == 1 && raw.h1s().get(0).length() >= 4 && raw.h1s().get(0).length() <= 80) {
      return raw.h1s().get(0);
    }
    String headed = headingAboveDateLine(all);
    if (headed != null) {
      return headed; // <title>新闻动态--某某学会</title>, the headline an h5 above 发布时间：2019-05-18
    }
    String t = stripSiteSuffix(raw.titleTag());
    return t.isEmpty() ? null : t;
  }

  /**
   * The text of the first heading below h1 (h2 to h6, 6 to 80 characters) that a dated credit line
   * follows directly ({@code <h5>标题</h5><div>发布时间：2019-05-18 来源：…</div>}): the
   * headline of a page whose {@code <title>} names only its section and which has no h1 for it.
   */
  static String headingAboveDateLine(List<Para> all) {
    for (int i = 0; i < all.size(); i++) {
      Para p = all.get(i);
      int level = p.headingLevel();
      String text = p.text();
      if (level < 2 || level > 6 || text.length() < 6 || text.length() > 80) {
        continue;
      }
      if (i + 1 < all.size()) {
        BodyLines.Credits c = BodyLines.credits(all.get(i + 1).text());
        if (c != null && c.hasDate()) {
          return text;
        }
      }
    }
    return null;
  }

  /** A domain name ({@code CSDN.NET}, {@code example.com}): a site, not a person. */
  private static final Pattern DOMAIN_NAME = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  /** A source line that names the site itself rather than another outlet. */
  private static final Pattern SITE_ITSELF = Pattern.compile("^(本站|本网|本台|本报)?(原创|自采|独家)?$|^(本站|本网)(原创|自采|编辑|整理|稿件)?$");

  /**
   * The site's name as the last part of a {@code <title>} after a separator ({@code 标题_国内新闻_某某网}
   * gives 某某网), or {@code null} when the title has no such short part.
   */
  static String siteSuffix(String title) {
    String t = title.strip();
    int[] separator = lastSeparator(t);
    if (separator[0] < 4) {
      return null;
    }
    String tail = t.substring(separator[1]).strip();
    return tail.length() >= 2 && tail.length() <= 20 ? tail : null;
  }

  /** Start and end of the last {@link #TITLE_SEPARATOR} in {@code t}; {@code {-1, -1}} when none. */
  private static int[] lastSeparator(String t) {
    Matcher m = TITLE_SEPARATOR.matcher(t);
    int[] last = {-1, -1};
    while (m.find()) {
      last[0] = m.start();
      last[1] = m.end();
    }
    return last;
  }

  /** {@code 标题_国内新闻_某某网} → {@code 标题}: cuts short trailing parts after a separator. */
  static String stripSiteSuffix(String title) {
    String t = title.strip();
    while (true) {
      int[] separator = lastSeparator(t);
      int cut = separator[0];
      int after = separator[1];
      if (cut < 0) {
        return t;
      }
      String head = t.substring(0, cut).strip();
      String tail = t.substring(after).strip();
      if (head.length() < 4 || tail.length() > 20) {
        return t;
      }
      t = head;
    }
  }

  static PageText assemble(Raw raw, List<Para> all, PageExtractor.BodyResult body, String givenUrl, String text) {
    String url = givenUrl != null && !givenUrl.isBlank() ? givenUrl : raw.ownUrl();
    String title = title(raw, all);
    // the headline's line: the title's own line, else the first h1 (an h1 holding the site's logo
    // text comes before the headline on some pages, and the lines after it are not the byline)
    int headline = -1;
    for (int i = 0; i < all.size() && title != null; i++) {
      if (all.get(i).text().equals(title)) {
        headline = i;
        break;
      }
    }
    for (int i = 0; i < all.size() && headline < 0; i++) {
      if (all.get(i).headingLevel() == 1) {
        headline = i;
      }
    }
    String lineSource = null;
    String lineAuthor = null;
    EditorChoice lineEditor = new EditorChoice();
    DateFinder.Found visible = null;
    if (headline >= 0) {
      for (int i = headline + 1; i < Math.min(all.size(), headline + 1 + BYLINE_WINDOW); i++) {
        String line = all.get(i).text();
        if (line.length() > 120) {
          break;
        }
        BodyLines.Credits c = BodyLines.credits(line);
        if (c != null) {
          lineSource = lineSource == null ? c.source() : lineSource;
          lineAuthor = lineAuthor == null ? c.author() : lineAuthor;
          lineEditor.offer(c, line);
        }
        if (visible == null && (c != null || line.length() <= 60)) {
          visible = DateFinder.inText(line);
        }
      }
      // a date line just above the headline (华夏网: time, source, then the h1): only a date with a
      // time of day, so that a "today is …" bar does not count
      for (int i = headline - 1; visible == null && i >= Math.max(0, headline - BYLINE_ABOVE); i--) {
        String line = all.get(i).text();
        if (line.length() <= 40) {
          DateFinder.Found above = DateFinder.inText(line);
          if (above != null && above.hasTime()) {
            visible = above;
          }
        }
      }
    }
    // the body's editor unless only the byline names the 责任编辑
    String editor = body.editor() != null && (body.editorResponsible() || !lineEditor.responsible()) ? body.editor() : lineEditor.name();
    if (editor == null) {
      // anywhere on the page: the first 责任编辑, else the first editor credit
      EditorChoice anywhere = new EditorChoice();
      for (Para p : all) {
        if (p.text().contains("编")) {
          anywhere.offer(BodyLines.credits(p.text()), p.text());
          if (anywhere.responsible()) {
            break;
          }
        }
      }
      editor = anywhere.name();
    }
    String originalSource = lineSource != null ? lineSource : body.source();
    if (originalSource != null && SITE_ITSELF.matcher(originalSource).matches()) {
      originalSource = null; // 来源：本站原创 names the site itself
    }
    if (originalSource == null) {
      String meta = first(raw.metas(), "contentsource", "source", "article:source");
      if (meta != null) {
        BodyLines.Credits c = BodyLines.credits(meta);
        originalSource = c != null && c.source() != null ? c.source() : (meta.length() <= 30 && !meta.contains("/") ? meta : null);
      }
    }
    String siteName = first(raw.metas(), "og:site_name", "application-name", "sitename", "site_name");
    String host = PageExtractor.host(url);
    if (host != null && ACCOUNT_PLATFORMS.contains(host)) {
      String account = first(raw.metas(), "og:article:author", "article:author");
      siteName = account != null ? account : siteName;
    }
    if (siteName == null) {
      siteName = jsonPublisher(raw.jsonLd());
    }
    if (siteName == null) {
      siteName = host;
    }
    if (siteName == null) {
      siteName = siteSuffix(raw.titleTag()); // a saved page without its address: 标题_某某学会 names the site
    }
    String author = body.author() != null ? body.author() : lineAuthor;
    if (author == null) {
      author = datelineReporter(body.paragraphs());
    }
    if (author == null) {
      String meta = first(raw.metas(), "author", "article:author", "og:article:author");
      if (meta != null && !meta.contains("/") && meta.length() <= 30 && !meta.equalsIgnoreCase(siteName)
          && !DOMAIN_NAME.matcher(meta).matches()) {
        author = meta; // not the site's own name (CSDN.NET in the author meta of every page)
      }
    }

    DateFinder.Found date = null;
    String origin = null;
    for (String key : DATE_METAS) {
      String v = raw.metas().get(key);
      if (v != null && (date = DateFinder.inMetaValue(v)) != null) {
        origin = "meta";
        break;
      }
    }
    if (date == null) {
      String v = jsonString(raw.jsonLd(), "datePublished");
      if (v != null && (date = DateFinder.inMetaValue(v)) != null) {
        origin = "json-ld";
      }
    }
    if (date == null) {
      for (String v : raw.timeValues()) {
        if ((date = DateFinder.inMetaValue(v)) != null) {
          origin = "time";
          break;
        }
      }
    }
    if (date != null && !date.hasTime() && visible != null && visible.hasTime()
        && visible.instant().atOffset(DateFinder.NAIVE_OFFSET).toLocalDate()
            .equals(date.instant().atOffset(DateFinder.NAIVE_OFFSET).toLocalDate())) {
      date = visible; // the meta gives the day, the page the time
      origin = "visible";
    }
    if (date == null && visible != null) {
      date = visible;
      origin = "visible";
    }
    if (date == null && body.date() != null) {
      date = body.date();
      origin = "visible";
    }
    if (date == null) {
      for (Para p : all) {
        Matcher m = LABELLED_DATE.matcher(p.text());
        if (p.text().length() <= 60 && m.find() && (date = DateFinder.inText(p.text().substring(m.end()))) != null) {
          origin = "visible";
          break;
        }
      }
    }
    if (date == null) {
      // 发布时间：18-03-08 23:16, or 发布时间：10-08 12:00 beside a modification meta of that day
      DateFinder.Found modified = null;
      for (String key : MODIFIED_METAS) {
        String v = raw.metas().get(key);
        if (v != null && (modified = DateFinder.inMetaValue(v)) != null) {
          break;
        }
      }
      for (Para p : all) {
        Matcher m = LABELLED_DATE.matcher(p.text());
        if (p.text().length() <= 60 && m.find()
            && (date = DateFinder.inShortLabelledText(p.text().substring(m.end()), modified)) != null) {
          origin = "visible";
          break;
        }
      }
    }
    if (date == null && (date = DateFinder.inUrl(url)) != null) {
      origin = "url";
    }
    Language.Counts counts = Language.count(text); // once for the share and the language
    return new PageText(
        body.paragraphs(),
        body.images(),
        title,
        date == null ? null : date.instant(),
        origin,
        originalSource,
        siteName,
        author,
        editor,
        Language.cjkShare(counts),
        Language.of(counts),
        url);
  }

  /**
   * The reporter a news dateline names at the start of the body: {@code 新华社北京3月5日电（记者 李明远）},
   * {@code 本报讯（记者 陈晓岚 通讯员 郑凯）}, {@code 江澜日报讯（记者 孙立军）}.
   */
  static String datelineReporter(List<String> paragraphs) {
    for (int i = 0; i < Math.min(2, paragraphs.size()); i++) {
      if (!paragraphs.get(i).contains("记者")) {
        continue; // the pattern needs the label; most first paragraphs are prose
      }
      Matcher m = DATELINE_REPORTER.matcher(paragraphs.get(i));
      if (m.lookingAt()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static final Pattern DATELINE_REPORTER =
      Pattern.compile("^[^。！？]{0,30}?(?:电|讯|消息|报道)\\s*[（(]\\s*(?:本报|特约|实习|见习|总台|融媒)?记者\\s*[:：]?\\s*"
          + "([\\p{IsHan}·]{2,4})(?=[\\s、,，）)])");

  private static String first(Map<String, String> metas, String... keys) {
    for (String k : keys) {
      String v = metas.get(k);
      if (v != null && !v.isBlank()) {
        return Whitespace.normalize(org.jsoup.parser.Parser.unescapeEntities(v, true));
      }
    }
    return null;
  }

  /** The first string value of {@code "key": "..."} in the JSON-LD blocks (JSON escapes decoded). */
  static String jsonString(List<String> blocks, String key) {
    if (blocks.isEmpty()) {
      return null;
    }
    Pattern p = switch (key) {
      case "headline" -> LD_HEADLINE;
      case "datePublished" -> LD_DATE_PUBLISHED;
      default -> jsonStringPattern(key);
    };
    for (String block : blocks) {
      Matcher m = p.matcher(block);
      if (m.find()) {
        return unescapeJson(m.group(1));
      }
    }
    return null;
  }

  private static Pattern jsonStringPattern(String key) {
    return Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  }

  private static final Pattern LD_HEADLINE = jsonStringPattern("headline");
  private static final Pattern LD_DATE_PUBLISHED = jsonStringPattern("datePublished");

  private static final Pattern PUBLISHER =
      Pattern.compile("\"publisher\"\\s*:\\s*\\{[^}]*?\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  static String jsonPublisher(List<String> blocks) {
    for (String block : blocks) {
      Matcher m = PUBLISHER.matcher(block);
      if (m.find()) {
        return unescapeJson(m.group(1));
      }
    }
    return null;
  }

  private static String unescapeJson(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b', 'f' -> out.append(' ');
        case 'u' -> {
          if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append(n);
          }
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }
}
