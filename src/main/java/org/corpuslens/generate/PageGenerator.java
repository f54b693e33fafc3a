package org.corpuslens.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corpuslens.analytics.TopicLexicon;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes full news pages with realistic surroundings (navigation, breadcrumbs, headline, byline,
 * share bars, captions, editor lines, related and hot lists, comments, footers) around a body whose
 * paragraphs are known: the ground truth of main-text extraction. Six layouts imitate portals,
 * papers, government sites, WeChat articles, tech sites and old table-and-{@code <br>} sites. As
 * saved pages ({@code DIR/pages/<site>/<n>.html}) or as {@code .warc.gz} files of request and
 * response records, with non-HTML, 404 and revisit records among them. Text is made of HanLP
 * dictionary words (no topic keywords); the same seed gives the same bytes.
 */
public final class PageGenerator {
  /** The ground truth file, beside the pages. */
  public static final String GROUND_TRUTH_FILE = "ground-truth-pages.json";

  /** Pages per WARC file. */
  public static final int PAGES_PER_WARC = 500;

  static final String[] LAYOUTS = {"portal", "paper", "gov", "wechat", "tech", "oldbr"};
  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  private static final Instant CRAWL_BASE = Instant.parse("2024-06-01T00:00:00Z");

  /** One generated page and what extraction must find in it. */
  public record Page(
      String path, String url, String layout, String title, Instant publishedAt, String source, List<String> paragraphs,
      String html) {}

  private final TextComposer composer;
  private final long seed;

  private PageGenerator(TextComposer composer, long seed) {
    this.composer = composer;
    this.seed = seed;
  }

  /** A generator over HanLP's dictionary words. */
  public static PageGenerator create(long seed) {
    TopicLexicon lexicon = TopicLexicon.defaults();
    Vocabulary vocabulary = Vocabulary.build(DictionaryWords.load(), lexicon.allKeywords(), CorpusGenerator.VOCABULARY_SIZE);
    return new PageGenerator(new TextComposer(vocabulary, new MentionCounter(lexicon)), seed);
  }

  /** What {@link #write} wrote. */
  public record Summary(int pages, int files, long bytes, Path groundTruth) {}

  /**
   * Writes {@code n} pages into {@code out} as saved pages ({@code warc == false}) or WARC files,
   * and the ground truth.
   */
  public Summary write(Path out, int n, boolean warc) throws IOException {
    Files.createDirectories(out);
    List<Map<String, Object>> truth = new ArrayList<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    long bytes = 0;
    int files = 0;
    if (!warc) {
      for (int i = 0; i < n; i++) {
        Page p = page(i, null);
        Path file = out.resolve(p.path());
        Files.createDirectories(file.getParent());
        byte[] b = p.html().getBytes(StandardCharsets.UTF_8);
        Files.write(file, b);
        bytes += b.length;
        files++;
        truth.add(entry(p, p.path()));
      }
    } else {
      Files.createDirectories(out.resolve("crawl"));
      for (int first = 0; first < n; first += PAGES_PER_WARC) {
        String name = String.format(Locale.ROOT, "crawl/pages-%05d.warc.gz", first / PAGES_PER_WARC);
        try (OutputStream os = Files.newOutputStream(out.resolve(name));
            WarcWriter writer = new WarcWriter(Channels.newChannel(os), WarcCompression.GZIP)) {
          writer.write(new Warcinfo.Builder().date(CRAWL_BASE).filename(name.substring(6))
              .fields(Map.of("software", List.of("corpuslens generate"))).build());
          skipped.merge("warcinfo", 1L, Long::sum);
          for (int i = first; i < Math.min(n, first + PAGES_PER_WARC); i++) {
            Rng rng = Rng.of(seed, i, 0x77A2C);
            Instant crawl = CRAWL_BASE.plusSeconds(37L * i);
            Page p = page(i, null);
            writer.write(new WarcRequest.Builder(URI.create(p.url())).date(crawl)
                .body(new HttpRequest.Builder("GET", URI.create(p.url())).addHeader("User-Agent", "corpuslens-generate").build()).build());
            skipped.merge("request", 1L, Long::sum);
            long offset = writer.position();
            HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), p.html().getBytes(StandardCharsets.UTF_8)).build();
            writer.write(new WarcResponse.Builder(URI.create(p.url())).date(crawl).body(http).build());
            truth.add(entry(p, name + "#" + offset));
            if (rng.chance(0.1)) {
              String img = p.url().replace(".html", ".jpg");
              writer.write(new WarcResponse.Builder(URI.create(img)).date(crawl).body(new HttpResponse.Builder(200, "OK")
                  .body(MediaType.parse("image/jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).build()).build());
              skipped.merge("non_html", 1L, Long::sum);
            }
            if (rng.chance(0.05)) {
              writer.write(new WarcResponse.Builder(URI.create(p.url() + "?missing")).date(crawl).body(new HttpResponse.Builder(404, "Not Found")
                  .body(MediaType.HTML, "<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8)).build()).build());
              skipped.merge("non_200", 1L, Long::sum);
            }
            if (rng.chance(0.05)) {
              writer.write(new WarcRevisit.Builder(URI.create(p.url())).date(crawl.plusSeconds(3600)).build());
              skipped.merge("revisit", 1L, Long::sum);
            }
          }
        }
        bytes += Files.size(out.resolve(name));
        files++;
      }
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", warc ? "warc" : "page");
    root.put("seed", seed);
    root.put("pages", truth);
    root.put("skipped_records", skipped);
    Path gt = out.resolve(GROUND_TRUTH_FILE);
    Files.writeString(gt, Json.write(root), StandardCharsets.UTF_8);
    return new Summary(n, files, bytes, gt);
  }

  private static Map<String, Object> entry(Page p, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("url", p.url());
    m.put("layout", p.layout());
    m.put("title", p.title());
    m.put("published_at", p.publishedAt().toString());
    m.put("source", p.source());
    m.put("paragraphs", p.paragraphs());
    return m;
  }

  // ------------------------------------------------------------------ one page

  /** Page {@code i}: the same for the same seed. */
  public Page page(int i, String forcedLayout) {
    Rng rng = Rng.of(seed, i, 0x9A6E5L);
    String layout = forcedLayout != null ? forcedLayout : LAYOUTS[i % LAYOUTS.length];
    String site = composer.fillerLine(rng, 1, 2) + rng.pick(new String[] {"网", "新闻网", "日报", "在线", "资讯"});
    String host = "www.site" + rng.nextInt(40) + ".example.cn";
    String origin = composer.fillerLine(rng, 1, 2) + rng.pick(new String[] {"日报", "晚报", "新闻社", "报"});
    String title = composer.fillerLine(rng, 3, 6);
    LocalDateTime local = LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(rng.nextLong(2L * 365 * 24 * 60));
    boolean timed = !layout.equals("oldbr");
    if (!timed) {
      local = local.toLocalDate().atStartOfDay();
    }
    Instant published = local.toInstant(BEIJING);
    String date = local.format(DateTimeFormatter.ofPattern(timed ? "yyyy-MM-dd HH:mm" : "yyyy-M-d", Locale.ROOT));
    List<Paragraph> body = composer.compose(rng, rng.between(300, 1500), List.of(), layout.equals("oldbr") ? 0 : 0.1);
    List<String> gold = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    String path;
    String url;
    String source;
    String day = local.format(DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT));
    switch (layout) {
      case "gov" -> {
        url = "http://" + host + "/zwgk/" + day.substring(0, 6) + "/t" + day + "_" + (100000 + i) + ".html";
        source = origin;
      }
      case "wechat" -> {
        url = "https://mp.weixin.qq.com/s/gen" + Long.toHexString(Rng.mix(seed * 31 + i));
        source = site;
      }
      case "tech" -> {
        url = "https://" + host + "/p/" + (5000 + i);
        source = site;
      }
      case "oldbr" -> {
        url = "http://" + host + "/a/" + day + "/" + i + ".html";
        source = host.substring(4);
      }
      default -> {
        url = "https://" + host + "/" + day.substring(0, 4) + "/" + day.substring(4) + "/" + i + ".html";
        source = origin;
      }
    }
    path = "pages/" + layout + "/" + i + ".html";
    String editor = composer.fillerLine(rng, 1, 1);
    head(b, layout, title, site, timed ? local : null);
    nav(b, rng);
    switch (layout) {
      case "portal" -> {
        b.append("<div class=\"wrap\"><div class=\"crumbs\"><a href=\"/\">").append(site).append("</a> &gt; <a href=\"/n/\">")
            .append(composer.fillerLine(rng, 1, 1)).append("</a> &gt; 正文</div>\n<div class=\"main-left\">\n<h1 class=\"main-title\">")
            .append(title).append("</h1>\n<div class=\"date-source\"><span class=\"date\">").append(date)
            .append("</span> <span class=\"source\">来源：").append(origin).append("</span> <a href=\"#c\">评论(")
            .append(rng.nextInt(500)).append(")</a></div>\n<div class=\"share-bar\">分享到：<a href=\"#\">微信</a><a href=\"#\">微博</a></div>\n")
            .append("<div class=\"article\" id=\"artibody\">\n");
        body(b, rng, body, gold, "<p>　　", "</p>", "<p>　　<strong>", "</strong></p>", "portal");
        b.append("<p class=\"article-editor\">责任编辑：").append(editor).append("</p>\n</div>\n");
        related(b, rng, "related-news", "相关新闻");
        comments(b, rng);
        b.append("</div>\n<div class=\"main-right\">");
        related(b, rng, "hot-list", "热门排行");
        b.append("</div></div>\n");
      }
      case "paper" -> {
        b.append("<div class=\"main\"><div class=\"route\"><a href=\"/\">").append(site).append("</a>&gt;&gt;<a href=\"/gd/\">")
            .append(composer.fillerLine(rng, 1, 1)).append("</a></div>\n<div class=\"rm_txt\"><h1>").append(title)
            .append("</h1>\n<div class=\"col-1-1\">").append(date).append(" | 来源：<a href=\"/\">").append(origin)
            .append("</a></div>\n<div class=\"rm_txt_con\">\n");
        body(b, rng, body, gold, "<p style=\"text-indent: 2em;\">", "</p>", "<p style=\"text-indent: 2em;\"><strong>", "</strong></p>", "paper");
        b.append("<div class=\"edit\">(责编：").append(editor).append("、").append(composer.fillerLine(rng, 1, 1)).append(")</div>\n</div>\n")
            .append("<div class=\"box_fx\"><span>分享让更多人看到</span></div></div>\n");
        related(b, rng, "hot_news", "推荐阅读");
        b.append("</div>\n");
      }
      case "gov" -> {
        b.append("<div class=\"container\"><div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a></div>\n")
            .append("<table width=\"100%\"><tr><td class=\"title\"><h2>").append(title).append("</h2></td></tr>\n<tr><td class=\"info\">发布时间：")
            .append(date).append(" &nbsp; 来源：").append(origin).append(" &nbsp; 浏览次数：").append(rng.nextInt(9000))
            .append(" &nbsp; 【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</td></tr>\n<tr><td class=\"content\"><div class=\"TRS_Editor\">\n");
        body(b, rng, body, gold, "<p style=\"text-indent:2em;\">", "</p>", "<p style=\"text-indent:2em;\"><strong>", "</strong></p>", "gov");
        b.append("</div></td></tr></table>\n<div class=\"bottom-tools\"><a href=\"#\">【打印本页】</a> <a href=\"#\">【关闭窗口】</a></div>\n");
        related(b, rng, "xgwz", "相关文章");
        b.append("</div>\n");
      }
      case "wechat" -> {
        String author = composer.fillerLine(rng, 1, 1);
        b.append("<div id=\"js_article\" class=\"rich_media\"><div id=\"page-content\" class=\"rich_media_area_primary\">\n<h1 class=\"rich_media_title\">\n    ")
            .append(title).append("\n</h1>\n<div id=\"meta_content\"><span>原创</span> <span>").append(author)
            .append("</span> <a id=\"js_name\">").append(site).append("</a> <em id=\"publish_time\">").append(date).append("</em></div>\n")
            .append("<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden;\">\n")
            .append("<p><span style=\"font-size: 14px;\">作者 | ").append(author).append("</span></p>\n<p><br></p>\n");
        body(b, rng, body, gold, "<section><p><span style=\"font-size: 15px;\">", "</span></p></section>\n<p><br></p>",
            "<p><span style=\"font-size: 16px;\"><strong>", "</strong></span></p>", "wechat");
        b.append("<p style=\"text-align: center;\"><span>- END -</span></p>\n<p><span>▷ 点击阅读：").append(composer.fillerLine(rng, 3, 5))
            .append("</span></p>\n<p style=\"text-align:center\"><span>长按识别二维码，关注我们</span></p>\n</div>\n")
            .append("<div class=\"rich_media_tool\"><a href=\"##\">阅读原文</a><span>阅读 ").append(rng.nextInt(100000)).append("</span></div></div></div>\n");
      }
      case "tech" -> {
        b.append("<div class=\"layout\"><article class=\"post\"><header class=\"post-header\"><h1 class=\"post-title\">").append(title)
            .append("</h1><div class=\"post-meta\">作者：<a href=\"/u/1\">").append(composer.fillerLine(rng, 1, 1))
            .append("</a> · <time datetime=\"").append(local.atOffset(BEIJING)).append("\">").append(date).append("</time></div></header>\n")
            .append("<div class=\"post-content\">\n");
        body(b, rng, body, gold, "<p>", "</p>", "<h2>", "</h2>", "tech");
        b.append("</div>\n<footer class=\"post-footer\"><div class=\"post-tags\"><a href=\"/t/1\">").append(composer.fillerLine(rng, 1, 1))
            .append("</a><a href=\"/t/2\">").append(composer.fillerLine(rng, 1, 1)).append("</a></div><div class=\"post-share\">分享到：<a href=\"#\">微信</a></div></footer></article>\n<aside class=\"sidebar\">");
        related(b, rng, "widget", "热门文章");
        b.append("</aside></div>\n");
        comments(b, rng);
      }
      default -> { // oldbr
        b.append("<table width=\"980\" align=\"center\"><tr><td width=\"220\" valign=\"top\">");
        for (int k = 0; k < 5; k++) {
          b.append("<a href=\"/a/").append(k).append(".html\">").append(composer.fillerLine(rng, 3, 6)).append("</a><br>");
        }
        b.append("</td><td width=\"760\" valign=\"top\"><table width=\"100%\"><tr><td align=\"center\"><font size=\"5\"><b>").append(title)
            .append("</b></font></td></tr>\n<tr><td align=\"center\">作者：").append(composer.fillerLine(rng, 1, 1)).append("&nbsp;&nbsp;点击数：")
            .append(rng.nextInt(3000)).append("&nbsp;&nbsp;更新时间：").append(date).append("</td></tr>\n<tr><td class=\"content\"><font style=\"font-size:14px\">\n");
        for (Paragraph p : body) {
          b.append("&nbsp;&nbsp;&nbsp;&nbsp;").append(p.text()).append("<br><br>\n");
          gold.add(p.text());
        }
        b.append("</font></td></tr>\n<tr><td align=\"right\">【<a href=\"#\">打印</a>】【<a href=\"#\">关闭</a>】</td></tr>\n<tr><td>上一篇：<a href=\"/a/p.html\">")
            .append(composer.fillerLine(rng, 3, 5)).append("</a><br>下一篇：<a href=\"/a/n.html\">").append(composer.fillerLine(rng, 3, 5))
            .append("</a></td></tr></table></td></tr></table>\n");
      }
    }
    b.append("<div class=\"footer\"><p><a href=\"/about\">关于我们</a> | <a href=\"/contact\">联系我们</a></p><p>Copyright © 2026 ")
        .append(site).append(" 版权所有</p></div>\n</body>\n</html>\n");
    return new Page(path, url, layout, title, published, source, List.copyOf(gold), b.toString());
  }

  // ------------------------------------------------------------------ heavy pages

  /** Weights of the heavy variant's benchmarks: characters of HTML per page. */
  public static final List<Integer> HEAVY_WEIGHTS = List.of(30_000, 60_000, 120_000);

  /**
   * Page {@code i} at the weight of a real news page: the page of {@link #page(int, String)} (same
   * body, title, date and source, the same ground truth) wrapped in what real Chinese news pages
   * carry around their text, until the page holds about {@code targetChars} characters of HTML: a
   * head with stylesheet links, meta tags, inline styles, an analytics snippet, a JSON-LD block
   * with the same headline and publication time, and a large {@code window.__INITIAL_STATE__}
   * configuration; SVG icons, a top navigation of 100+ links, a login bar, a sidebar of hot and
   * related lists, a comment thread, a footer of link columns, HTML comments. In proportions of
   * about: scripts 45 %, navigation and footer links 20 %, styles 10 %, SVG 8 %, sidebar and
   * comments 12 %, head links and metas 5 %. A target at or below the light page's size gives the
   * light page.
   */
  public Page page(int i, String forcedLayout, int targetChars) {
    Page light = page(i, forcedLayout);
    int extra = targetChars - light.html().length();
    if (extra <= 0) {
      return light;
    }
    Rng rng = Rng.of(seed, i, 0x4EA7BL);
    String html = light.html();
    StringBuilder head = new StringBuilder();
    headLinks(head, rng, extra * 5 / 100);
    styles(head, rng, extra * 10 / 100);
    head.append("<script>var _hmt = _hmt || [];(function() {var hm = document.createElement(\"script\");")
        .append("hm.src = \"https://hm.example.cn/hm.js?").append(Long.toHexString(rng.nextLong())).append("\";")
        .append("var s = document.getElementsByTagName(\"script\")[0];s.parentNode.insertBefore(hm, s);})();</script>\n");
    jsonLd(head, light);
    StringBuilder top = new StringBuilder("<!-- header start -->\n");
    svgIcons(top, rng, extra * 8 / 100);
    megaNav(top, rng, extra * 12 / 100);
    top.append("<div class=\"login-bar\"><a href=\"/login\">登录</a> | <a href=\"/reg\">注册</a></div>\n<!-- header end -->\n");
    StringBuilder bottom = new StringBuilder("<!-- sidebar start -->\n");
    sideLists(bottom, rng, extra * 6 / 100);
    commentThread(bottom, rng, extra * 6 / 100);
    footerLinks(bottom, rng, extra * 8 / 100);
    int used = head.length() + top.length() + bottom.length();
    initialState(bottom, rng, Math.max(1000, extra - used - 200));
    int headEnd = html.indexOf("</head>");
    int bodyStart = html.indexOf("<body>\n") + "<body>\n".length();
    int bodyEnd = html.lastIndexOf("</body>");
    String out = html.substring(0, headEnd) + head + html.substring(headEnd, bodyStart) + top + html.substring(bodyStart, bodyEnd)
        + bottom + html.substring(bodyEnd);
    return new Page(light.path(), light.url(), light.layout(), light.title(), light.publishedAt(), light.source(), light.paragraphs(), out);
  }

  private static void headLinks(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"renderer\" content=\"webkit\">\n<meta name=\"format-detection\" content=\"telephone=no\">\n")
        .append("<meta name=\"robots\" content=\"index,follow\">\n<link rel=\"shortcut icon\" href=\"/favicon.ico\">\n");
    for (int k = 0; b.length() - start < chars; k++) {
      if (k % 3 == 2) {
        b.append("<link rel=\"dns-prefetch\" href=\"//static").append(k).append(".example.cn\">\n");
      } else {
        b.append("<link rel=\"stylesheet\" type=\"text/css\" href=\"https://static.example.cn/css/")
            .append(Long.toHexString(rng.nextLong())).append(".css?v=").append(rng.nextInt(100000)).append("\">\n");
      }
    }
  }

  private static final String[] CSS_PROPS = {
    "margin:0 auto", "padding:0 12px", "color:#333", "font-size:14px", "line-height:1.8", "display:block",
    "background:#f5f5f5 url(/img/bg.png) no-repeat", "border-bottom:1px solid #e5e5e5", "overflow:hidden", "float:left",
    "width:100%", "height:40px", "position:relative", "text-align:center", "font-family:\"Microsoft YaHei\",sans-serif"};

  private static final String[] CSS_CLASSES = {"nav", "item", "box", "title", "list"};

  private static void styles(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    while (b.length() - start < chars) {
      b.append("<style type=\"text/css\">\n");
      for (int r = 0; r < 40 && b.length() - start < chars; r++) {
        b.append(".m").append(Integer.toString(rng.nextInt(1 << 20), 36)).append(" .").append(rng.pick(CSS_CLASSES))
            .append(rng.nextInt(20)).append(" a:hover{");
        int props = rng.between(2, 6);
        for (int k = 0; k < props; k++) {
          b.append(CSS_PROPS[rng.nextInt(CSS_PROPS.length)]).append(';');
        }
        b.append("}\n");
      }
      b.append("</style>\n");
    }
  }

  /** A JSON-LD block that agrees with the page: the same headline and publication time. */
  private static void jsonLd(StringBuilder b, Page light) {
    b.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
        .append("\"headline\":\"").append(light.title()).append("\",\"datePublished\":\"")
        .append(light.publishedAt().atOffset(BEIJING)).append("\",\"mainEntityOfPage\":\"").append(light.url()).append("\"}</script>\n");
  }

  private static void svgIcons(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<svg style=\"display:none\" xmlns=\"http://www.w3.org/2000/svg\">");
    while (b.length() - start < chars) {
      b.append("<symbol id=\"icon-").append(Integer.toString(rng.nextInt(1 << 16), 36)).append("\" viewBox=\"0 0 1024 1024\"><path d=\"M");
      int points = rng.between(20, 60);
      for (int k = 0; k < points; k++) {
        b.append(rng.nextInt(1024)).append('.').append(rng.nextInt(100)).append(' ').append(rng.nextInt(1024)).append(k % 4 == 3 ? "L" : " ");
      }
      b.append("z\" fill=\"#333\"></path></symbol>");
    }
    b.append("</svg>\n<a class=\"logo\" href=\"/\"><svg class=\"icon\" aria-hidden=\"true\"><use xlink:href=\"#icon-logo\"></use></svg></a>\n");
  }

  private void megaNav(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<div class=\"header-nav\" id=\"topNav\">");
    for (int col = 0; b.length() - start < chars || col < 12; col++) {
      b.append("<dl class=\"nav-col\"><dt><a href=\"/ch").append(col).append("/\">").append(composer.fillerLine(rng, 1, 1)).append("</a></dt><dd><ul>");
      for (int k = 0; k < 9; k++) {
        b.append("<li><a href=\"/ch").append(col).append('/').append(k).append("/\" target=\"_blank\">").append(composer.fillerLine(rng, 1, 2))
            .append("</a></li>");
      }
      b.append("</ul></dd></dl>");
    }
    b.append("</div>\n");
  }

  private void sideLists(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<div class=\"side-bar\">");
    for (int box = 0; b.length() - start < chars; box++) {
      b.append("<div class=\"hot-box\"><h3>").append(box % 2 == 0 ? "热点新闻" : "猜你喜欢").append("</h3><ul>");
      for (int k = 0; k < 10; k++) {
        b.append("<li><span class=\"num\">").append(k + 1).append("</span><a href=\"/r/").append(box).append('_').append(k)
            .append(".html\" title=\"\">").append(composer.fillerLine(rng, 4, 9)).append("</a></li>");
      }
      b.append("</ul></div>");
    }
    b.append("</div>\n");
  }

  private void commentThread(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<div class=\"comment-list\" id=\"comments\"><h3>热门评论</h3>");
    while (b.length() - start < chars) {
      b.append("<div class=\"comment-item\"><span class=\"user\">").append(composer.fillerLine(rng, 1, 2)).append("</span><span class=\"time\">")
          .append(rng.between(1, 23)).append("小时前</span><p>").append(composer.fillerLine(rng, 5, 12)).append("，")
          .append(composer.fillerLine(rng, 5, 12)).append("。</p><a href=\"#\" class=\"like\">赞(").append(rng.nextInt(999)).append(")</a></div>");
    }
    b.append("</div>\n<!-- sidebar end -->\n");
  }

  private void footerLinks(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<div class=\"footer-links\"><!-- 友情链接 -->");
    for (int col = 0; b.length() - start < chars; col++) {
      b.append("<ul class=\"links-col\">");
      for (int k = 0; k < 8; k++) {
        b.append("<li><a href=\"https://www.partner").append(col * 8 + k).append(".example.cn/\">").append(composer.fillerLine(rng, 1, 2))
            .append("</a></li>");
      }
      b.append("</ul>");
    }
    b.append("<p class=\"icp\">京ICP备").append(10000000 + rng.nextInt(89999999)).append("号 违法和不良信息举报电话：010-")
        .append(10000000 + rng.nextInt(89999999)).append("</p></div>\n");
  }

  /** The page's state as a script: JSON with the channel lists and the article's fields, also HTML. */
  private void initialState(StringBuilder b, Rng rng, int chars) {
    int start = b.length();
    b.append("<script>window.__INITIAL_STATE__={\"config\":{\"env\":\"prod\",\"cdn\":\"https://static.example.cn\",\"abtest\":[");
    for (int k = 0; k < 20; k++) {
      b.append(k == 0 ? "" : ",").append(rng.nextInt(1000));
    }
    b.append("]},\"feeds\":[");
    for (int k = 0; b.length() - start < chars; k++) {
      b.append(k == 0 ? "" : ",").append("{\"id\":").append(rng.nextLong(1L << 40)).append(",\"title\":\"").append(composer.fillerLine(rng, 4, 9))
          .append("\",\"url\":\"/r/").append(k).append(".html\",\"summary\":\"<p>").append(composer.fillerLine(rng, 6, 14))
          .append("。<\\/p>\",\"pv\":").append(rng.nextInt(100000)).append(",\"tags\":[\"").append(composer.fillerLine(rng, 1, 1))
          .append("\"]}");
    }
    b.append("]};</script>\n<script src=\"https://static.example.cn/js/app.js\" defer></script>\n");
  }

  private void head(StringBuilder b, String layout, String title, String site, LocalDateTime published) {
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(title);
    if (!layout.equals("wechat")) {
      b.append("_").append(site);
    }
    b.append("</title>\n");
    if (layout.equals("wechat")) {
      b.append("<meta property=\"og:title\" content=\"").append(title).append("\">\n<meta property=\"og:site_name\" content=\"微信公众平台\">\n")
          .append("<meta property=\"og:article:author\" content=\"").append(site).append("\">\n");
    } else if (layout.equals("tech")) {
      b.append("<meta property=\"og:site_name\" content=\"").append(site).append("\">\n");
    }
    if (published != null && (layout.equals("portal") || layout.equals("tech"))) {
      b.append("<meta property=\"article:published_time\" content=\"").append(published.atOffset(BEIJING)).append("\">\n");
    }
    b.append("<script>var page = {id: 1};</script>\n<style>.nav a{color:#333}</style>\n</head>\n<body>\n");
  }

  private void nav(StringBuilder b, Rng rng) {
    b.append("<div class=\"top-nav\"><ul>");
    int n = rng.between(5, 10);
    for (int k = 0; k < n; k++) {
      b.append("<li><a href=\"/c").append(k).append("/\">").append(composer.fillerLine(rng, 1, 1)).append("</a></li>");
    }
    b.append("</ul></div>\n");
  }

  /** The body: paragraphs with inline markup, headings, sometimes an image with its caption. */
  private void body(StringBuilder b, Rng rng, List<Paragraph> body, List<String> gold, String open, String close, String hOpen,
      String hClose, String layout) {
    for (Paragraph p : body) {
      String text = p.text();
      if (p.heading()) {
        b.append(hOpen).append(text).append(hClose).append('\n');
      } else {
        b.append(open).append(inline(rng, text)).append(close).append('\n');
      }
      gold.add(text);
      if (!p.heading() && rng.chance(0.12)) {
        String caption = composer.fillerLine(rng, 4, 8) + "。";
        switch (layout) {
          case "tech" -> b.append("<figure><img src=\"/img/").append(rng.nextInt(1000)).append(".png\"><figcaption>").append(caption)
              .append("</figcaption></figure>\n");
          case "portal" -> b.append("<div class=\"img_wrapper\"><img src=\"/img/").append(rng.nextInt(1000))
              .append(".jpg\"><span class=\"img_descr\">").append(caption).append("</span></div>\n");
          default -> b.append("<p style=\"text-align:center\"><img src=\"/img/").append(rng.nextInt(1000)).append(".jpg\"></p>\n")
              .append("<p style=\"text-align:center\">").append(caption).append("</p>\n");
        }
        gold.add(caption);
      }
    }
  }

  /** Inline markup that must not split the paragraph: a short link or bold run inside it. */
  private static String inline(Rng rng, String text) {
    if (text.length() < 20 || !rng.chance(0.3)) {
      return text;
    }
    int start = rng.nextInt(text.length() - 8);
    int end = start + 2 + rng.nextInt(4);
    String tag = rng.chance(0.5) ? "strong" : "a";
    String openTag = tag.equals("a") ? "<a href=\"/t/" + start + "\">" : "<strong>";
    return text.substring(0, start) + openTag + text.substring(start, end) + "</" + tag + ">" + text.substring(end);
  }

  private void related(StringBuilder b, Rng rng, String cls, String head) {
    b.append("<div class=\"").append(cls).append("\"><h3>").append(head).append("</h3><ul>");
    int n = rng.between(3, 8);
    for (int k = 0; k < n; k++) {
      b.append("<li><a href=\"/r/").append(k).append(".html\">").append(composer.fillerLine(rng, 4, 9)).append("</a></li>");
    }
    b.append("</ul></div>\n");
  }

  private void comments(StringBuilder b, Rng rng) {
    b.append("<div class=\"comment-area\"><h3>网友评论</h3>");
    int n = rng.between(0, 6);
    for (int k = 0; k < n; k++) {
      b.append("<div class=\"comment-item\"><span class=\"user\">").append(composer.fillerLine(rng, 1, 2)).append("</span><p>")
          .append(composer.fillerLine(rng, 5, 12)).append("，").append(composer.fillerLine(rng, 5, 12)).append("。</p></div>");
    }
    b.append("</div>\n");
  }
}
