package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders front matter and bodies in the archive's layout and quirks. Rendering never changes the
 * main text: every paragraph's text comes out of the extractor exactly as it went in; everything
 * else the renderer adds (ads, styles, QR blocks, editor and origin lines, hidden elements, link
 * tails, image attributes) is boilerplate that the extraction contract removes, and the keywords
 * it puts there are tallied as {@link Placement}s, never as mentions. Stateless.
 */
final class PostRenderer {
  static final String WRAPPER_OPEN = "<div>   \n";
  static final String WRAPPER_CLOSE = "\n</div>\n            ";
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩"};
  private static final String GIVEN = "晓明华玉婷静丽强军伟芳娜敏磊洋勇艳杰娟涛超秀英霞平刚桂兰宁欣悦思远嘉怡子涵俊宇浩然";
  static final String[] QR_TEXTS = {
    "扫码下载客户端，随时查看最新行情", "打开手机应用，第一时间获取市场动态", "下载APP，订阅你关心的栏目", "扫一扫，把财经资讯装进口袋"};
  static final String[] AD_TEXTS = {"每个交易日早盘策略准时推送", "扫码关注，领取专属研究报告", "开户即享多项行情工具", "点击订阅盘中异动提醒"};

  private final TextComposer composer;
  private final PhraseCatalog catalog;

  PostRenderer(TextComposer composer, PhraseCatalog catalog) {
    this.composer = composer;
    this.catalog = catalog;
  }

  /**
   * The front matter fields of one post.
   *
   * @param title the title as written (null: blank title {@code ' '})
   * @param author whether the {@code author} line is written (else the source comes from the categories)
   * @param bom whether the file starts with a UTF-8 byte-order mark
   */
  record Front(String title, String section, String source, String feed, boolean author, String date, String image, boolean bom) {}

  static String frontMatter(Front f) {
    StringBuilder sb = new StringBuilder(400);
    if (f.bom()) {
      sb.append('\uFEFF');
    }
    sb.append("\n---\n");
    sb.append("title: ").append(quoteTitle(f.title() == null ? " " : f.title())).append('\n');
    sb.append("categories: \n");
    sb.append(" - ").append(f.section()).append('\n');
    sb.append(" - ").append(f.source()).append('\n');
    sb.append(" - ").append(f.feed()).append('\n');
    sb.append("headimg: '").append(f.image()).append("'\n");
    if (f.author()) {
      sb.append("author: ").append(f.source()).append('\n');
    }
    sb.append("comments: false\n");
    sb.append("date: ").append(f.date()).append('\n');
    sb.append("thumbnail: '").append(f.image()).append("'\n");
    sb.append("---\n\n");
    return sb.toString();
  }

  /** Single-quoted; double-quoted when the title contains {@code '}; braces as {@code &#123;}. */
  static String quoteTitle(String title) {
    String t = Markup.braces(title);
    if (t.indexOf('\'') < 0) {
      return "'" + t + "'";
    }
    return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String personName(Rng rng) {
    StringBuilder sb = new StringBuilder(SURNAMES[rng.nextInt(SURNAMES.length)]);
    int n = rng.chance(0.3) ? 1 : 2;
    for (int i = 0; i < n; i++) {
      sb.append(GIVEN.charAt(rng.nextInt(GIVEN.length())));
    }
    return sb.toString();
  }

  /** The body of a post (everything after the front matter). */
  String body(BodyStyle style, List<Paragraph> paragraphs, Rng rng, long postIndex, int[] placements) {
    return switch (style) {
      case SINA -> sina(paragraphs, rng, postIndex, placements);
      case TELEGRAM -> lines(paragraphs, rng, placements, false);
      case QA -> qa(paragraphs, rng, postIndex, placements);
      case BR -> lines(paragraphs, rng, placements, true);
      case OPEN_SOURCE -> openSource(paragraphs, rng, placements);
      case NEWS -> news(paragraphs, rng, postIndex, placements);
    };
  }

  /** A Sina body with no main text at all: ads, QR block and editor line only (EMPTY_TEXT). */
  String sinaBoilerplateOnly(Rng rng, long postIndex) {
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    sinaTail(sb, rng, postIndex, new int[Placement.values().length]);
    sb.append(WRAPPER_CLOSE);
    return sb.toString();
  }

  /** A body holding one image and nothing else (EMPTY_TEXT, like Bangumi's image-only posts). */
  static String imageOnly(long postIndex) {
    return WRAPPER_OPEN + "<img src=\"https://lain.bgm.tv/pic/cover/l/" + postIndex + ".jpg\" referrerpolicy=\"no-referrer\">" + WRAPPER_CLOSE;
  }

  // ---------------------------------------------------------------------------------------------

  private String sina(List<Paragraph> paragraphs, Rng rng, long postIndex, int[] placements) {
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    if (rng.chance(0.05)) {
      boolean keyword = rng.chance(0.3);
      String origin = keyword ? catalog.anyKeyword(rng) + "研究院" : composer.fillerLine(rng, 2, 3) + "报";
      sb.append("<p cms-style=\"font-L\">　　来源：").append(Markup.text(origin)).append("</p>\n");
      if (keyword) {
        placements[Placement.ORIGIN_LINE.ordinal()]++;
      }
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      if (p.heading()) {
        sb.append("<p cms-style=\"font-L align-Center\">　　<font cms-style=\"font-L strong-Bold align-Center\">")
            .append(inline(p, rng, placements, 0.5)).append("</font></p>\n");
      } else if (i > 0 && rng.chance(0.06)) {
        boolean altKeyword = rng.chance(0.3);
        String alt = altKeyword ? catalog.anyKeyword(rng) : "配图";
        if (altKeyword) {
          placements[Placement.IMAGE_ALT.ordinal()]++;
        }
        sb.append("<div class=\"img_wrapper\"><img id=\"").append(i).append("\" src=\"https://n.sinaimg.cn/finance/gen/")
            .append(postIndex).append('/').append(i).append(".jpg\" alt=\"").append(Markup.attr(alt))
            .append("\" referrerpolicy=\"no-referrer\"><span class=\"img_descr\">").append(inline(p, rng, placements, 0.1))
            .append("</span></div>\n");
      } else {
        sb.append("<p cms-style=\"font-L\">　　").append(inline(p, rng, placements, 0.08)).append("</p>\n");
      }
      if (rng.chance(0.02)) {
        sb.append("<p cms-style=\"font-L\" style=\"display:none\">　　").append(Markup.text(catalog.anyKeyword(rng)))
            .append(Markup.text(composer.fillerLine(rng, 2, 5))).append("</p>\n");
        placements[Placement.HIDDEN.ordinal()]++;
      }
    }
    sinaTail(sb, rng, postIndex, placements);
    sb.append(WRAPPER_CLOSE);
    return sb.toString();
  }

  private void sinaTail(StringBuilder sb, Rng rng, long postIndex, int[] placements) {
    sb.append("<p cms-style=\"font-L align-Center\"><!--article_adlist[<img src=\"https://n.sinaimg.cn/finance/gen/ad/")
        .append(postIndex % 97).append(".gif\" style=\"max-width:640px\" cms-width=\"660\" cms-height=\"120\" black-list=\"y\"/>]article_adlist--></p>\n");
    String ad = rng.pick(AD_TEXTS);
    if (rng.chance(0.3)) {
      ad = catalog.anyKeyword(rng) + "专题：" + ad;
      placements[Placement.AD_BLOCK.ordinal()]++;
    }
    sb.append("<!--article_adlist[<p cms-style=\"font-L\"><font cms-style=\"font-L\">").append(Markup.text(ad))
        .append("</font></p><p cms-style=\"font-L\"><img src=\"https://n.sinaimg.cn/finance/gen/ad/card")
        .append(postIndex % 13).append(".gif\" style=\"max-width:640px\" black-list=\"y\"/></p>]article_adlist--><!-- keywords_pub,stock, -->\n");
    sb.append("\n\n\n<!-- 正文结束 -->\n\n\n<!-- 正文结束 -->\n\n<!-- 声明区 -->\n\n\n\n<!-- 声明区 -->\n\n");
    sb.append("            <!-- 二维码推广 start -->\n");
    sb.append("            <style>\n");
    if (rng.chance(0.05)) {
      sb.append("            /* ").append(catalog.anyKeyword(rng)).append(" */\n");
      placements[Placement.STYLE_BLOCK.ordinal()]++;
    }
    sb.append("            ").append(Markup.braces(".appendQr_wrap{border:1px solid #E0E0E0;padding:6px;}")).append('\n');
    sb.append("            ").append(Markup.braces(".appendQr_normal{float:left;}")).append('\n');
    sb.append("            ").append(Markup.braces(".appendQr_normal img{width:72px;}")).append('\n');
    sb.append("            ").append(Markup.braces(".appendQr_normal_txt{float:left;font-size:18px;line-height:72px;padding-left:16px;color:#444;}")).append('\n');
    sb.append("            </style>\n");
    String qr = rng.pick(QR_TEXTS);
    if (rng.chance(0.1)) {
      qr = catalog.anyKeyword(rng) + "专栏上线，" + qr;
      placements[Placement.QR_BLOCK.ordinal()]++;
    }
    sb.append("            <div class=\"clearfix appendQr_wrap\">\n");
    sb.append("                <div class=\"appendQr_normal\"><img src=\"https://n.sinaimg.cn/finance/gen/app/qr")
        .append(postIndex % 7).append(".png\" referrerpolicy=\"no-referrer\"></div>\n");
    sb.append("                <div class=\"appendQr_normal_txt\">").append(Markup.text(qr)).append("</div>\n");
    sb.append("            </div>\n");
    sb.append("            <!-- 二维码推广 end -->\n\n");
    if (rng.chance(0.03)) {
      sb.append("<script type=\"text/javascript\">").append(Markup.braces("var pageConfig = {channel: \"" + catalog.anyKeyword(rng) + "\"};"))
          .append("</script>\n");
      placements[Placement.SCRIPT.ordinal()]++;
    }
    String editor = personName(rng);
    if (rng.chance(0.01)) {
      editor = catalog.anyKeyword(rng);
      placements[Placement.EDITOR_LINE.ordinal()]++;
    }
    sb.append("<!-- 编辑信息 -->\n\n<p class=\"article-editor\">责任编辑：").append(Markup.text(editor)).append(" </p>\n<!-- 编辑信息-->\n\n  ");
  }

  /** 财联社 (plain lines) and Dockone ({@code <br>}-separated lines). */
  private String lines(List<Paragraph> paragraphs, Rng rng, int[] placements, boolean br) {
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    if (br) {
      sb.append("<br>");
    }
    for (int i = 0; i < paragraphs.size(); i++) {
      sb.append(inline(paragraphs.get(i), rng, placements, 0.03));
      if (br) {
        sb.append("<br>");
      }
      if (i < paragraphs.size() - 1) {
        sb.append('\n');
      }
    }
    sb.append("  \n").append(WRAPPER_CLOSE.substring(1));
    return sb.toString();
  }

  /** 知乎日报: the first paragraph is the question, the second the author line "NAME，BIO". */
  private String qa(List<Paragraph> paragraphs, Rng rng, long postIndex, int[] placements) {
    String authorLine = paragraphs.get(1).text();
    int comma = authorLine.indexOf('，');
    long q = 300_000_000L + postIndex;
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    sb.append("<div class=\"main-wrap content-wrap\">\n<div class=\"headline\">\n\n<div class=\"img-place-holder\">\n\n\n\n</div>\n\n");
    sb.append("<div class=\"content-inner\">\n\n\n\n\n<div class=\"question\">\n");
    sb.append("<h2 class=\"question-title\">").append(inline(paragraphs.get(0), rng, placements, 0.1)).append("</h2>\n\n");
    sb.append("<div class=\"answer\">\n\n<strong>\n<img class=\"avatar\" src=\"https://pic1.zhimg.com/gen-avatar-").append(q)
        .append("_l.jpg\" referrerpolicy=\"no-referrer\">\n");
    sb.append("<span class=\"author\">").append(Markup.text(authorLine.substring(0, comma + 1))).append("</span><span class=\"bio\">")
        .append(Markup.text(authorLine.substring(comma + 1))).append("</span>\n");
    sb.append("<a href=\"https://www.zhihu.com/question/").append(q).append("/answer/").append(q + 7)
        .append("\" class=\"originUrl\" hidden>查看知乎原文</a>\n</strong>\n\n<div class=\"content\">\n");
    if (rng.chance(0.1)) {
      sb.append("<div style=\"display:none\">").append(Markup.text(catalog.anyKeyword(rng))).append("专题</div>\n");
      placements[Placement.HIDDEN.ordinal()]++;
    }
    for (int i = 2; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      if (p.heading()) {
        sb.append("<p><strong>").append(inline(p, rng, placements, 0.1)).append("</strong></p>\n");
      } else {
        sb.append("<p>").append(inline(p, rng, placements, 0.08)).append("</p>\n");
      }
    }
    sb.append("</div>\n</div>\n\n\n<div class=\"view-more\"><a href=\"https://www.zhihu.com/question/").append(q)
        .append("\">查看知乎讨论<span class=\"js-question-holder\"></span></a></div>\n\n</div>\n\n\n</div>\n</div></div>  ");
    sb.append(WRAPPER_CLOSE);
    return sb.toString();
  }

  private String openSource(List<Paragraph> paragraphs, Rng rng, int[] placements) {
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    sb.append("<div class=\"content\">\n").append(" ".repeat(68)).append('\n').append(" ".repeat(56));
    boolean inList = false;
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      boolean item = !p.heading() && p.text().length() < 90 && rng.chance(0.3);
      if (item && !inList) {
        sb.append("<ul>\n");
        inList = true;
      } else if (!item && inList) {
        sb.append("</ul>\n");
        inList = false;
      }
      if (item) {
        sb.append("<li>").append(inline(p, rng, placements, 0.05)).append("</li>\n");
      } else if (p.heading()) {
        sb.append("<h3>").append(inline(p, rng, placements, 0.1)).append("</h3>\n");
      } else if (i == 0) {
        sb.append("<p><span style=\"background-color:#ffffff; color:#40485b\">&nbsp;&nbsp;").append(inline(p, rng, placements, 0.05))
            .append("</span></p> \n");
      } else {
        sb.append("<p>").append(inline(p, rng, placements, 0.08)).append("</p> \n");
      }
    }
    if (inList) {
      sb.append("</ul>\n");
    }
    if (rng.chance(0.05)) {
      sb.append("<p hidden>").append(Markup.text(catalog.anyKeyword(rng))).append("</p>\n");
      placements[Placement.HIDDEN.ordinal()]++;
    }
    sb.append(" ".repeat(40)).append("</div>\n").append(" ".repeat(38));
    sb.append(WRAPPER_CLOSE);
    return sb.toString();
  }

  private String news(List<Paragraph> paragraphs, Rng rng, long postIndex, int[] placements) {
    StringBuilder sb = new StringBuilder(WRAPPER_OPEN);
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      if (p.heading()) {
        sb.append("<h2>").append(inline(p, rng, placements, 0.1)).append("</h2>\n");
      } else if (p.text().length() < 60 && rng.chance(0.1)) {
        // a paragraph that is one link, but not a navigation tail: it stays main text
        sb.append("<p><a href=\"https://36kr.com/p/").append(postIndex).append("?from=gen&amp;p=").append(i).append("\">")
            .append(Markup.text(p.text())).append("</a></p>\n");
      } else {
        sb.append("<p>").append(inline(p, rng, placements, 0.08)).append("</p>\n");
      }
      if (rng.chance(0.04)) {
        boolean altKeyword = rng.chance(0.5);
        sb.append("<p><img src=\"https://img.36krcdn.com/gen/").append(postIndex).append('/').append(i).append(".png\" alt=\"")
            .append(Markup.attr(altKeyword ? catalog.anyKeyword(rng) : "图片")).append("\"></p>\n");
        if (altKeyword) {
          placements[Placement.IMAGE_ALT.ordinal()]++;
        }
      }
    }
    sb.append("<p><a href=\"https://36kr.com/p/").append(postIndex).append("\">查看原文</a></p>");
    sb.append(WRAPPER_CLOSE);
    return sb.toString();
  }

  /**
   * The paragraph's text, escaped, with inline markup that never changes it: sometimes a keyword
   * cut by {@code <b>}, sometimes an inline link around a few characters.
   */
  private static String inline(Paragraph p, Rng rng, int[] placements, double linkRate) {
    String text = p.text();
    List<int[]> spans = new ArrayList<>(); // {start, end, kind}
    if (!p.keywordRanges().isEmpty() && rng.chance(0.25)) {
      int[] r = p.keywordRanges().get(rng.nextInt(p.keywordRanges().size()));
      if (r[1] - r[0] >= 2) {
        int cut = r[0] + 1 + rng.nextInt(r[1] - r[0] - 1);
        spans.add(new int[] {cut, r[1], 0});
        placements[Placement.INLINE_MARKUP.ordinal()]++;
      }
    }
    if (text.length() > 12 && rng.chance(linkRate)) {
      int s = rng.nextInt(text.length() - 6);
      int e = s + 2 + rng.nextInt(5);
      boolean overlaps = false;
      for (int[] sp : spans) {
        overlaps |= s < sp[1] && sp[0] < e;
      }
      if (!overlaps) {
        spans.add(new int[] {s, e, 1});
      }
    }
    if (spans.isEmpty()) {
      return Markup.text(text);
    }
    spans.sort(Comparator.comparingInt(a -> a[0]));
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int at = 0;
    for (int[] sp : spans) {
      sb.append(Markup.text(text.substring(at, sp[0])));
      String inner = Markup.text(text.substring(sp[0], sp[1]));
      if (sp[2] == 0) {
        String tag = rng.pick(new String[] {"b", "strong", "span", "font"});
        sb.append('<').append(tag).append('>').append(inner).append("</").append(tag).append('>');
      } else {
        sb.append("<a href=\"https://www.example.com/t/").append(sp[0]).append("\" target=\"_blank\">").append(inner).append("</a>");
      }
      at = sp[1];
    }
    sb.append(Markup.text(text.substring(at)));
    return sb.toString();
  }
}
