package org.corpuslens.generate;

/** How a source writes its post bodies (and dates), after the archive's real feeds. */
enum BodyStyle {
  /** Sina Finance: {@code <p>　　...</p>}, subtitles, images with captions, ad comments, style, QR block, editor line. */
  SINA("金融", false, new String[] {"新浪财经", "华商财经网", "东南财讯", "北方金融报", "长江财经"},
      new String[] {"国內", "国际", "证券", "科技", "产经", "宏观"}),
  /** 财联社 telegrams: plain text lines inside the wrapper div, a 【lead】 first line. */
  TELEGRAM("金融", false, new String[] {"财联社", "快讯社", "金融电报", "前沿快讯"},
      new String[] {"电报", "深度", "头条", "公司"}),
  /** 知乎日报: nested divs, author line, hidden link, view-more tail; dated by crawl time. */
  QA("社交媒体", true, new String[] {"知乎", "问答周刊", "百家问答"},
      new String[] {"知乎日报", "精选", "热榜", "圆桌"}),
  /** Dockone: {@code <br>}-separated lines; dated by crawl time. */
  BR("编程", true, new String[] {"Dockone", "云原生周报", "运维前线"},
      new String[] {"周报", "实践", "译文", "活动"}),
  /** 开源中国: a content div with {@code &nbsp;}-indented paragraphs, spans and lists. */
  OPEN_SOURCE("编程", false, new String[] {"开源中国", "码农资讯", "开源技术周刊"},
      new String[] {"资讯", "博客", "翻译", "项目"}),
  /** 36kr / ZAKER: simple paragraphs, headings, inline links and a 查看原文 tail. */
  NEWS("新媒体", false, new String[] {"36kr", "ZAKER", "新经济观察", "创投日报"},
      new String[] {"资讯", "快讯", "深度", "channel"});

  final String section;
  final boolean crawlTime;
  final String[] names;
  final String[] feeds;

  BodyStyle(String section, boolean crawlTime, String[] names, String[] feeds) {
    this.section = section;
    this.crawlTime = crawlTime;
    this.names = names;
    this.feeds = feeds;
  }
}
