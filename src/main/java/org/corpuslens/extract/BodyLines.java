package org.corpuslens.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for single lines of an article body that are not body text, shared by full pages and
 * archive posts: credit and byline lines (metadata), boilerplate lines (dropped) and the lines
 * that end an article body (related lists, disclaimers).
 */
public final class BodyLines {
  private BodyLines() {}

  /** What a credit label names. */
  enum Role {
    SOURCE,
    AUTHOR,
    EDITOR,
    IMAGE,
    DATE,
    OTHER
  }

  /** Labels of credit lines, longest first within shared prefixes (matching is greedy). */
  static final Map<String, Role> LABELS = labels();

  private static Map<String, Role> labels() {
    Map<String, Role> m = new LinkedHashMap<>();
    for (String s :
        List.of("本文来源", "文章来源", "稿件来源", "信息来源", "新闻来源", "内容来源", "消息来源", "来源", "稿源", "出处", "转载自", "转载于",
            "转自",
            // traditional script (Hong Kong and Taiwan feeds) and English
            "本文來源", "文章來源", "稿件來源", "信息來源", "新聞來源", "內容來源", "消息來源", "來源", "轉載自", "轉自", "Source")) {
      m.put(s, Role.SOURCE);
    }
    for (String s :
        List.of("本报记者", "特约记者", "作者署名", "本文作者", "本视频作者", "视频作者", "图文作者", "作者", "图文", "撰文", "撰稿", "执笔", "供稿", "来稿", "记者", "原创", "口述", "整理", "文字", "嘉宾",
            "主持人", "主持", "主播", "本文专家", "审核专家", "医学审核", "文",
            "本報記者", "特約記者", "記者", "執筆", "原文作者")) {
      m.put(s, Role.AUTHOR);
    }
    for (String s :
        List.of(
            "责任编辑", "值班编辑", "实习编辑", "执行编辑", "本期编辑", "本期责编", "栏目主编", "文字编辑", "网络编辑", "新媒体编辑", "图片编辑",
            "网编", "编辑", "责编", "主编", "编审", "审核", "审校", "校对", "终审",
            "二审", "一审", "初审", "签发", "美编", "排版", "监制", "策划", "统筹", "出品", "制作", "翻译", "编译",
            "视觉", "封面设计", "版式设计", "版面设计", "美术编辑", "视觉设计", "微信排版", "微信编辑", "设计", "运营", "后期", "剪辑",
            "录音", "混音", "配音", "译者", "校对者", "专题主编",
            "責任編輯", "值班編輯", "實習編輯", "執行編輯", "本期編輯", "文字編輯", "網絡編輯", "編輯", "責編", "主編", "編審", "審核", "審校",
            "校對", "監製", "策劃", "統籌", "製作", "翻譯", "編譯", "設計", "專題主編")) {
      m.put(s, Role.EDITOR);
    }
    for (String s :
        List.of("封面图片来源", "封面图来源", "图片来源", "头图来源", "题图来源", "封面来源", "配图来源", "视频来源", "数据来源", "图片", "头图",
            "题图", "封面图", "封面", "配图", "图表", "制图", "绘图", "图源", "图据", "摄影", "摄像", "视频", "图",
            "封面圖片來源", "圖片來源", "頭圖", "題圖", "封面圖", "配圖", "圖片", "圖表", "製圖", "圖源", "攝影", "攝像", "圖")) {
      m.put(s, Role.IMAGE);
    }
    for (String s : List.of("发布时间", "发布日期", "发表时间", "更新时间", "发布于", "发表于", "时间", "日期",
        "發布時間", "發佈時間", "發布日期", "發表時間", "更新時間", "發布於", "發表於", "時間")) {
      m.put(s, Role.DATE);
    }
    for (String s : List.of("浏览次数", "阅读量", "点击数", "访问量", "浏览", "阅读", "点击", "字号", "字体", "资料来源", "译文出自", "本文永久链接")) {
      m.put(s, Role.OTHER);
    }
    return m;
  }

  /**
   * {@link #LABELS} by first character, in {@link #LABELS}' order: a position is only compared with
   * the labels that can start there (a scan of all labels at every position was most of the
   * credit-line parser's time).
   */
  private static final Map<Character, List<String>> LABELS_BY_FIRST = labelsByFirst();

  private static Map<Character, List<String>> labelsByFirst() {
    Map<Character, List<String>> m = new HashMap<>();
    for (String label : LABELS.keySet()) {
      m.computeIfAbsent(label.charAt(0), k -> new ArrayList<>()).add(label);
    }
    Map<Character, List<String>> frozen = new HashMap<>();
    m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Map.copyOf(frozen);
  }

  /** Separators between a label and its value. */
  private static final String LABEL_SEPARATORS = "：:|丨｜/／";

  /** Separators between the items of a credit line. */
  private static final String ITEM_SEPARATORS = " |丨｜/／·•、；;，,：:【】[]()（）<>《》*＊\t";

  /** Words that may stand alone in a byline (print, close, font size). */
  private static final Pattern BYLINE_WORDS =
      Pattern.compile(
          "^(打印本页|关闭窗口|打印|关闭|收藏|分享到|分享|字号|字体|默认|我要纠错|纠错|评论|举报|大|中|小)(?=$|[\\s|丨｜】\\]:：])");

  /** The first characters of {@link #BYLINE_WORDS}' words. */
  private static final String BYLINE_FIRST = "打关收分字默我纠评举大中小";

  /** A time of day without a date. */
  private static final Pattern TIME_ONLY = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?");

  /** A date that holds a time of day. */
  private static final Pattern TIMED = Pattern.compile(".*\\d[:：时]\\d.*");


  /** The credits of one line. Fields are {@code null} when the line does not name them. */
  public record Credits(String source, String author, String editor, boolean hasDate) {}

  /**
   * Parses a credit or byline line ({@code 作者 | 张三 编辑 | 李四}, {@code 来源：新华社}, {@code
   * 2020-02-22 10:00 来源：人民网 责任编辑：王五}, {@code 【责任编辑：李四】}, a line that is only a date),
   * or returns {@code null} when {@code line} holds anything else.
   */
  public static Credits credits(String line) {
    if (line.length() > 100 || line.isEmpty()) {
      return null;
    }
    if (line.charAt(0) == '（' || line.charAt(0) == '(') {
      Matcher reporter = REPORTER_LINE.matcher(line);
      if (reporter.matches()) {
        return new Credits(null, reporter.group(1).strip(), null, false);
      }
      Matcher editorLine = EDITOR_LINE.matcher(line);
      if (editorLine.matches()) {
        return new Credits(null, null, editorLine.group(1).strip(), false);
      }
    }
    // each pattern only where the line holds the word it needs: most lines are prose
    boolean reporter = line.contains("记者") || line.contains("通讯员");
    Matcher byline = reporter ? STANDING_BYLINE.matcher(line) : null;
    if (byline != null && byline.matches()) {
      return new Credits(null, byline.group(1), null, false);
    }
    Matcher titledByline = line.charAt(0) == '《' ? TITLED_BYLINE.matcher(line) : null;
    if (titledByline != null && titledByline.matches()) {
      return new Credits(null, titledByline.group(1), null, false);
    }
    Matcher standingEditor = line.contains("编辑") || line.contains("责编") ? STANDING_EDITOR.matcher(line) : null;
    if (standingEditor != null && standingEditor.matches()) {
      return new Credits(null, null, standingEditor.group(1), false);
    }
    if (reporter && line.endsWith("报道") && REPORTING_BYLINE.matcher(line).matches()) {
      return new Credits(null, null, null, false);
    }
    Matcher bio = AUTHOR_LABEL_FIRST.indexOf(line.charAt(0)) >= 0 ? AUTHOR_WITH_AFFILIATION.matcher(line) : null;
    if (bio != null && bio.matches()) {
      return new Credits(null, bio.group(1), null, false); // group 1 is null when the name comes last
    }
    String s = withoutOutletPrefixes(line);
    String source = null;
    String author = null;
    String editor = null;
    boolean hasDate = false;
    boolean any = false;
    boolean labelled = false;
    boolean timed = false;
    int unknown = 0;
    int unknownBeforeLabel = 0; // a caption's description before its picture credit
    boolean onlyImageLabels = true;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (ITEM_SEPARATORS.indexOf(c) >= 0 || Whitespace.isSpace(c)) {
        i++;
        continue;
      }
      if (s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i) || isEmailAt(s, i)) {
        while (i < s.length() && !Whitespace.isSpace(s.charAt(i))) {
          i++; // the site's address beside the date (old portals' info lines)
        }
        continue;
      }
      int dateEnd = dateAt(s, i);
      if (dateEnd > i) {
        hasDate = true;
        // a time of day alone (00:00 开场, a podcast's chapter) makes no byline
        timed |= TIMED.matcher(s).region(i, dateEnd).matches() && !TIME_ONLY.matcher(s).region(i, dateEnd).matches();
        any = true;
        i = dateEnd;
        continue;
      }
      String label = labelAt(s, i);
      if (label != null) {
        Role role = LABELS.get(label);
        int j = i + label.length();
        while (j < s.length() && Whitespace.isSpace(s.charAt(j))) {
          j++;
        }
        if (j < s.length() && LABEL_SEPARATORS.indexOf(s.charAt(j)) >= 0) {
          j++; // the separator (记者 王明 and 阅读 1.2万 have none)
        }
        while (j < s.length() && Whitespace.isSpace(s.charAt(j))) {
          j++;
        }
        int valueEnd = role == Role.DATE ? Math.max(dateAt(s, j), j) : latinValueEnd(s, valueEnd(s, j, role != Role.SOURCE));
        if (role == Role.SOURCE && valueEnd > j) {
          valueEnd = sourceListEnd(s, valueEnd); // 信息来源：甲研究院、乙研究院等: the outlets together
        }
        String value = s.substring(j, valueEnd).strip();
        if ((role == Role.AUTHOR || role == Role.EDITOR) && value.length() == 1) {
          int spacedEnd = spacedNameEnd(s, valueEnd);
          if (spacedEnd > valueEnd) {
            value = s.substring(j, spacedEnd).replaceAll("\\s+", ""); // 编辑 | 曹 杨: a name spaced out to fill the column
            valueEnd = spacedEnd;
          }
        }
        if (role == Role.SOURCE && isImageCreditValue(value)) {
          role = Role.IMAGE; // 来源/燃财经截图 under a picture credits the picture, not the story
        }
        if (role != Role.SOURCE && role != Role.DATE && (hasQuotes(value) || value.length() > MAX_NAME_VALUE)) {
          return null; // 运营：城乡公交一体化让出行“零换乘” is a subheading, 图：2021—2023年… a caption
        }
        if (role == Role.DATE && valueEnd == j && j < s.length()) {
          return null; // 时间：3-6个月 is a schedule, not a dateline
        }
        if (role == Role.DATE) {
          hasDate |= valueEnd > j;
        } else if (role == Role.SOURCE && source == null && !value.isEmpty()) {
          source = value;
        } else if (role == Role.AUTHOR && author == null && !value.isEmpty()) {
          author = value;
        } else if (role == Role.EDITOR && editor == null && !value.isEmpty() && isEditorLabel(label)) {
          editor = withoutStaffCode(value);
        }
        any = true;
        labelled = true;
        onlyImageLabels &= role == Role.IMAGE;
        i = valueEnd;
        continue;
      }
      if (BYLINE_FIRST.indexOf(c) >= 0) {
        Matcher word = BYLINE_WORDS.matcher(s).region(i, s.length());
        if (word.find()) {
          i = word.end();
          continue;
        }
      }
      // a further name after a value (编辑：张三 李四), a site name beside the date, a count;
      // a label glued to a word at the start of a line (本报责任编辑：…) is no label
      int end = any ? valueEnd(s, i) : tokenEnd(s, i);
      String extra = s.substring(i, end);
      // a Latin handle after a name may be longer (译者：霜羽 Hoarfroster)
      if (end == i || extra.length() > (any && isAsciiWord(extra) ? 16 : 10) || endsSentence(extra)) {
        return null;
      }
      unknown += extra.length();
      if (!labelled) {
        unknownBeforeLabel += extra.length();
      }
      if (unknown > 16) {
        return null; // decided: the checks below reject more than 16 unknown characters
      }
      i = end;
    }
    if (!any || endsSentence(line) && !hasDate && source == null) {
      return null;
    }
    if (unknown > 0 && !labelled && !timed || unknown > 16) {
      return null; // a short line that merely mentions a date
    }
    if (!labelled && !timed) {
      return null; // a bare date: the date line of a signature, part of the text
    }
    if (labelled && onlyImageLabels && !hasDate && unknownBeforeLabel >= MIN_CAPTION_CHARS) {
      return null; // 樱濑町的温泉街 资料图 图源：视觉中国: a caption with its picture's credit after it
    }
    return new Credits(source, author, editor, hasDate);
  }

  /**
   * {@code value} up to the whitespace before a further credit label with its separator ({@code
   * 周韵　主编：陈立} → {@code 周韵}), or {@code value} itself ({@code 数字经济组 林可}).
   */
  public static String beforeNextLabel(String value) {
    for (int i = 1; i < value.length(); i++) {
      if (!Whitespace.isSpace(value.charAt(i - 1)) || Whitespace.isSpace(value.charAt(i))) {
        continue;
      }
      String label = labelAt(value, i);
      if (label != null) {
        int j = i + label.length();
        while (j < value.length() && Whitespace.isSpace(value.charAt(j))) {
          j++;
        }
        if (j < value.length() && LABEL_SEPARATORS.indexOf(value.charAt(j)) >= 0) {
          return value.substring(0, i).strip();
        }
      }
    }
    return value;
  }

  /** A lone address label ({@code 访问：}, {@code 传送门：}): the link under it is an ad or a pointer, not text. */
  public static boolean isAddressLabel(String line) {
    return line.length() <= 5 && ADDRESS_LABEL.matcher(line).matches();
  }

  private static final Pattern ADDRESS_LABEL = Pattern.compile("^(访问|网址|传送门)\\s*[:：]$");

  /** Characters of description before a picture credit that make the line a caption. */
  static final int MIN_CAPTION_CHARS = 5;

  /** An outlet's name glued to a reporter or editor label: 每经记者：刘思远 每经编辑：陈梦. */
  private static final Pattern OUTLET_LABEL = Pattern.compile("(?<=^|\\s)(\\p{IsHan}{1,6}?)(记者|编辑)(?=\\s*[:：|｜丨])");

  /** Whether a label longer than {@code label} (责任编辑 for 编辑) ends at {@code end} of {@code line}. */
  private static boolean endsLongerLabel(String line, int end, String label) {
    for (String l : LABELS.keySet()) {
      if (l.length() > label.length() && l.endsWith(label) && end >= l.length() && line.startsWith(l, end - l.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code line} with outlets' names before reporter and editor labels taken off ({@code 每经编辑：} → {@code 编辑：}). */
  static String withoutOutletPrefixes(String line) {
    if (line.indexOf("记者") < 0 && line.indexOf("编辑") < 0) {
      return line;
    }
    Matcher m = OUTLET_LABEL.matcher(line);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (LABELS.containsKey(m.group(1) + m.group(2)) || endsLongerLabel(line, m.end(2), m.group(2))) {
        continue; // 本报记者, 网络编辑 are labels themselves; 本报责任编辑 is a word glued to one (no credit)
      }
      if (out == null) {
        out = new StringBuilder(line.length());
      }
      out.append(line, last, m.start()).append(m.group(2));
      last = m.end();
    }
    return out == null ? line : out.append(line, last, line.length()).toString();
  }

  private static final String REPORTER_LABEL = "(?:(?:本报|特约|实习|见习|总台)?记者|通讯员)";

  /**
   * A line that is only a bracketed reporter credit closing a story: {@code （记者 柯雨桐）}, {@code
   * (本报记者 王明 通讯员 李华)}; a space or colon after each label (so {@code （记者从市里获悉）} is
   * text); group 1 is the first name.
   */
  private static final Pattern REPORTER_LINE =
      Pattern.compile(
          "^[（(]\\s*\\p{IsHan}{0,12}?" + REPORTER_LABEL + "(?:\\s+|\\s*[:：]\\s*)([\\p{IsHan}·]{2,6})"
              + "(?:[\\s、,，]+(?:" + REPORTER_LABEL + "(?:\\s+|\\s*[:：]\\s*))?[\\p{IsHan}·]{2,6}){0,5}\\s*[）)]$");

  /**
   * A reporters' byline standing alone, without brackets or colon: {@code 澎湃新闻记者 罗一鸣 实习生 唐可欣},
   * {@code 财汇时报记者 宋佳宁}; the outlet (up to ten characters) glued to the label, a space before each
   * name; group 1 is the first name.
   */
  private static final Pattern STANDING_BYLINE =
      Pattern.compile("^\\p{IsHan}{0,10}?" + REPORTER_LABEL + "(?:\\s*[|｜丨]\\s*|\\s+)([\\p{IsHan}·]{2,4})"
          + "(?:(?:\\s+|\\s*、\\s*)(?:\\p{IsHan}{0,10}?(?:" + REPORTER_LABEL + "|实习生|见习生)\\s+)?[\\p{IsHan}·]{2,4}){0,5}$");

  /** A byline naming the outlet in book-title marks: {@code 《棱镜》作者 周纯}; group 1 is the name. */
  private static final Pattern TITLED_BYLINE =
      Pattern.compile("^《[^》]{1,20}》\\s*(?:作者|记者|特约作者|撰文)\\s*[:：|｜]?\\s*([\\p{IsHan}·]{2,4})$");

  /**
   * An editor's credit standing alone, the outlet glued to the label, a space before the name:
   * {@code 每经编辑 黄胜}; group 1 is the name.
   */
  private static final Pattern STANDING_EDITOR =
      Pattern.compile("^\\p{IsHan}{1,8}?(?:编辑|责编)(?:\\s*[|｜丨]\\s*|\\s+)([\\p{IsHan}·]{2,4})$");

  /**
   * A reporters' byline ending with where they report from: {@code 华夏时报（www.example.cn）记者 王悦 徐芸 北京报道},
   * {@code 本报记者 张三 发自上海}: no sentence punctuation.
   */
  private static final Pattern REPORTING_BYLINE =
      Pattern.compile("^[^。！？，,]{0,40}?" + "(?:记者|通讯员)" + "[^。！？，,]{1,40}?\\s*\\p{IsHan}{2,4}报道$");

  /**
   * The end of a name spaced out character by character ({@code 曹 杨}, {@code 张 琳}) that starts
   * with the single character before {@code from}: the end of the last further single character, or
   * {@code from} when none follows.
   */
  private static int spacedNameEnd(String s, int from) {
    int end = from;
    int j = from;
    int parts = 1;
    while (parts < 4) {
      int k = j;
      while (k < s.length() && s.charAt(k) == ' ') {
        k++;
      }
      if (k == j || k >= s.length() || Character.UnicodeScript.of(s.charAt(k)) != Character.UnicodeScript.HAN
          || k + 1 < s.length() && s.charAt(k + 1) != ' ' && ITEM_SEPARATORS.indexOf(s.charAt(k + 1)) < 0) {
        break;
      }
      end = k + 1;
      j = k + 1;
      parts++;
    }
    return end;
  }

  /**
   * Whether a {@code 来源} value credits a picture rather than the story: {@code 燃财经截图}, {@code
   * 新华社记者 张三 摄}, {@code 受访者供图}.
   */
  public static boolean isImageCreditValue(String value) {
    return value.endsWith("截图") || value.endsWith("摄") || value.endsWith("供图") || value.endsWith("配图")
        || value.endsWith("制图") || value.endsWith("提供");
  }

  /** The editor a repost note names: {@code 本文来自微信公众号“X”，作者：Y，编辑：Z，…} gives Z, else {@code null}. */
  public static String repostEditor(String line) {
    Matcher m = REPOST_EDITOR.matcher(line);
    return m.find() ? m.group(1) : null;
  }

  private static final Pattern REPOST_EDITOR = Pattern.compile("[，,]\\s*(?:责任)?编辑\\s*[:：|｜]\\s*([\\p{IsHan}·]{2,4})(?=$|[，,。；;\\s])");

  /** The editor a wire's dateline names: {@code 财联社9月13日讯（编辑 卞纯）…} gives 卞纯, else {@code null}. */
  public static String datelineEditor(String paragraph) {
    Matcher m = DATELINE_EDITOR.matcher(paragraph);
    return m.lookingAt() ? m.group(1) : null;
  }

  private static final Pattern DATELINE_EDITOR =
      Pattern.compile("^[^，。！？（(]{2,30}?[讯电]\\s*[（(]\\s*(?:责任)?编辑\\s*[:：]?\\s*([\\p{IsHan}·]{2,4})\\s*[）)]");

  /** An author line with the author's position: {@code 作者：许明哲，华章发展研究院宏观经济研究部主任、研究员}. */
  private static final Pattern AUTHOR_WITH_AFFILIATION =
      Pattern.compile("^(?:作者|文|撰文|撰稿|嘉宾|本文专家|审核专家|主讲)\\s*[:：|｜/]\\s*([\\p{IsHan}·]{2,4})?\\s*[，,（(｜|]?\\s*[^。！？]{0,60}"
          + "(研究员|教授|主任|院长|博士|分析师|首席|经济学家|所长|讲师|学者|专家|总监|合伙人|基金经理|医师|律师|产品经理|工程师|架构师|创始人|设计师|博主|公众号)"
          + "[^。！？]{0,20}[）)]?。?$");

  /** The first characters of {@link #AUTHOR_WITH_AFFILIATION}'s labels. */
  private static final String AUTHOR_LABEL_FIRST = "作文撰嘉本审主";

  /** A bracketed editor credit with a space instead of a colon: {@code （编辑 李思远）}. */
  private static final Pattern EDITOR_LINE =
      Pattern.compile("^[（(]\\s*(?:责任编辑|责编|编辑)\\s+([\\p{IsHan}·]{2,6})(?:[\\s、,，]+[\\p{IsHan}·]{2,6}){0,3}\\s*[）)]$");

  /** Whether an e-mail address starts at {@code i} (an editor's address beside the name). */
  private static boolean isEmailAt(String s, int i) {
    if (s.charAt(i) >= 0x80) {
      return false; // before the scans below: this is asked at every position of a credit line
    }
    int end = i;
    while (end < s.length() && !Whitespace.isSpace(s.charAt(end))) {
      end++;
    }
    int at = s.indexOf('@', i);
    return at > i && at < end - 3 && s.charAt(i) < 0x80;
  }

  /**
   * {@code name} without a portal's staff code ({@code 王晓_NF5821}, {@code 贺知秋 SF062}): the
   * code follows a Chinese name, after an underscore or a space.
   */
  public static String withoutStaffCode(String name) {
    Matcher m = STAFF_CODE.matcher(name);
    return m.find() ? name.substring(0, m.start()) : name;
  }

  private static final Pattern STAFF_CODE = Pattern.compile("(?<=\\p{IsHan})(?:_|\\s+)[A-Za-z]{1,4}\\d{2,6}$");

  /** Longest value of a person or image credit: longer ones are captions or subheadings. */
  private static final int MAX_NAME_VALUE = 20;

  private static boolean hasQuotes(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '“', '”', '《', '》', '"' -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  /**
   * Whether {@code line} heads a list of attachments ({@code 附件：}, {@code 相关附件}): the head and
   * the links after it are not text, while an official notice's signature after them still is.
   */
  public static boolean isAttachmentHead(String line) {
    return line.length() <= 12 && ATTACHMENT_HEAD.matcher(line).matches();
  }

  private static final Pattern ATTACHMENT_HEAD =
      loneHead("附件", "相关附件", "附件下载", "下载附件");

  /** Whether {@code s} holds sentence-ending punctuation ({@code 。！？!?}): prose, not a credit line. */
  private static boolean endsSentence(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '。', '！', '？', '!', '?' -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  /**
   * Whether a line reads like a headline of another article: 6 to 60 characters, mostly Chinese,
   * not ending a statement ({@code 。…；：}; a headline may ask or exclaim), no URL. A run of list items that are each such a link
   * is a list of other articles, not text.
   */
  public static boolean isHeadlineLike(String line) {
    int n = line.length();
    if (n < 6 || n > 60 || line.contains("http") || line.contains("www.")) {
      return false;
    }
    char last = line.charAt(n - 1);
    if (last == '。' || last == '…' || last == '；' || last == '：' || last == ':' || last == '.' || last == '，') {
      return false;
    }
    int han = 0;
    for (int i = 0; i < n; i++) {
      if (Character.UnicodeScript.of(line.charAt(i)) == Character.UnicodeScript.HAN) {
        han++;
      }
    }
    return han * 2 >= n;
  }

  /**
   * Whether a line is program code shown as text (a chart's script left in a page's text between
   * markers: {@code |X| var option = {title : {text: '…'}, …}): four braces or more, and code
   * punctuation at least a sixth of the line. Prose never has that many braces.
   */
  public static boolean isCodeLine(String line) {
    int n = line.length();
    if (n < 20) {
      return false;
    }
    int braces = 0;
    int code = 0;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c == '{' || c == '}') {
        braces++;
        code++;
      } else if (c == '[' || c == ']' || c == ':' || c == ';' || c == '=' || c == '\'' || c == '"' || c == '(' || c == ')'
          || c == ',' || c == '|') {
        code++;
      }
    }
    return braces >= 4 && code * 6 >= n;
  }

  /**
   * Whether a line signs an editor's note ({@code ——编 者}): the paragraphs above it, at the top
   * of an article, are the note, not the article.
   */
  public static boolean isEditorsNoteSignature(String line) {
    return EDITORS_NOTE_SIGNATURE.matcher(line).matches();
  }

  private static final Pattern EDITORS_NOTE_SIGNATURE = Pattern.compile("^[—\\-－]{1,4}\\s*(本报)?编\\s*者$");

  /** Most paragraphs an editor's note above an article has ({@link #isEditorsNoteSignature}). */
  public static final int MAX_EDITORS_NOTE_PARAGRAPHS = 3;

  /**
   * Whether a line is an article's summary given above its body under a label ({@code 摘要：…},
   * {@code 内容提要：…}): not text where it comes first.
   */
  public static boolean isSummaryLine(String line) {
    return SUMMARY_LINE.matcher(line).lookingAt();
  }

  private static final Pattern SUMMARY_LINE = Pattern.compile("^(?:[【\\[](?:摘要|内容摘要|内容提要|提要|导读|导语)[】\\]]\\s*[:：]?|(?:摘要|内容摘要|内容提要|提要|编辑导语)\\s*[:：])");

  /**
   * Whether {@code line}, led by an arrow ({@code ▶ 中小盘价值占优意味着什么？}), is a subheading when
   * it holds no link: what follows the arrow is neither noise nor the head of a list ({@code ▷
   * 往期推荐}). With a link, an arrow line is an item of a {@code ▷} link list.
   */
  public static boolean isArrowHeading(String line) {
    if (line.length() < 3 || "▷▶►▸".indexOf(line.charAt(0)) < 0) {
      return false;
    }
    String rest = line.substring(1).strip();
    return !rest.isEmpty() && !isNoise(rest) && !isTerminator(rest) && !isBodyEnd(rest) && credits(rest) == null;
  }

  /**
   * {@code line} without an {@code 编者按：} label before a repost note ({@code 编者按：本文来自微信公众号“X”…}),
   * so that the note is read as one; any other line as it is (an editor's note of its own is text).
   */
  public static String withoutNoteLabel(String line) {
    if (line.startsWith("编者按") && line.length() > 5 && (line.charAt(3) == '：' || line.charAt(3) == ':')) {
      String rest = line.substring(4).strip();
      if (rest.startsWith("本文") && isNoise(rest)) {
        return rest; // the note is a repost note: read as one (its account is the origin)
      }
    }
    return line;
  }

  /** An origin's name up to the clause after it: {@code 港股研究社，转载请注明版权。} → {@code 港股研究社}. */
  public static String beforeClause(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '，' || c == '。' || c == '；' || c == ';' || c == ',' && i + 1 < name.length() && name.charAt(i + 1) > 0x2E80) {
        return name.substring(0, i).strip();
      }
    }
    return name;
  }

  /** Whether {@code s} is one word of ASCII letters and digits (a handle, a romanised name). */
  private static boolean isAsciiWord(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /**
   * A head alone on its line: one of {@code words}, maybe in brackets ({@code 【摘要】}, {@code [附件]}),
   * maybe with a colon after it.
   */
  private static Pattern loneHead(String... words) {
    return Pattern.compile("^[【\\[]?\\s*(?:" + String.join("|", words) + ")\\s*[】\\]]?\\s*[:：]?$");
  }

  /** An origin's name without the kind of account it is: {@code 阿里巴巴云原生公众号} → {@code 阿里巴巴云原生}. */
  public static String withoutAccountSuffix(String name) {
    for (String suffix : List.of("微信公众号", "公众号")) {
      if (name.endsWith(suffix) && name.length() >= suffix.length() + 2) {
        return name.substring(0, name.length() - suffix.length()).strip();
      }
    }
    return name;
  }

  /**
   * A lone label before an article's text, after a summary box: {@code 正文：}, {@code 【正文】} (with its
   * colon or brackets: a paragraph that is only the word is left to the other rules).
   */
  public static boolean isTextLabel(String line) {
    return line.length() <= 6 && TEXT_LABEL.matcher(line).matches();
  }

  private static final Pattern TEXT_LABEL = Pattern.compile("^(?:[【\\[]\\s*正文\\s*[】\\]]\\s*[:：]?|正文\\s*[:：])$");

  /**
   * The head of a box above an article's text, alone on its line: a summary head ({@link
   * #isSummaryHead}), a key points head ({@link #isKeyPointsHead}), or a research note's {@code
   * 核心观点} / {@code 投资要点}. Only a later {@link #isTextLabel} makes such a box no text: writers
   * keep {@code 【核心观点】} and its points when the text follows without a label.
   */
  public static boolean isSummaryBoxHead(String line) {
    return isSummaryHead(line) || isKeyPointsHead(line) || line.length() <= 10 && BOX_HEAD.matcher(line).matches();
  }

  private static final Pattern BOX_HEAD =
      loneHead("核心观点", "核心提示", "投资要点", "报告要点", "主要观点", "要点");

  /** A report's first section heading: {@code 一、通胀预期继续蔓延}, {@code （一）…}, {@code 1. …}; short. */
  public static boolean isFirstSectionHead(String line) {
    return line.length() <= 40 && FIRST_SECTION.matcher(line).lookingAt();
  }

  private static final Pattern FIRST_SECTION = Pattern.compile("^(?:一\\s*[、.．]|[（(]\\s*一\\s*[）)]|1\\s*[、．]|1\\.(?!\\d))\\s*\\S");

  /** A comments list's head ({@code 网友评论}, {@code 热门评论}): readers' comments follow it. */
  public static boolean isCommentsHead(String line) {
    return line.length() <= 12 && COMMENTS_HEAD.matcher(line).matches();
  }

  private static final Pattern COMMENTS_HEAD =
      loneHead("网友评论", "热门评论", "最新评论", "精彩评论", "评论列表", "读者评论");

  /** A reader's comment as a portal prints it under a comments head: {@code 网友：为祖国骄傲！}, {@code 北京网友小李：…}. */
  public static boolean isReaderComment(String line) {
    return line.length() <= 200 && READER_COMMENT.matcher(line).lookingAt();
  }

  private static final Pattern READER_COMMENT =
      Pattern.compile("^(?:[\\p{IsHan}]{0,8}网友[\\p{IsHan}A-Za-z0-9_]{0,12}|[\\p{IsHan}A-Za-z0-9_]{1,12}的网友)\\s*[:：]\\s*\\S");

  /**
   * A summary box's head alone on its line above the text ({@code 摘要}, {@code 【导读】}): the
   * paragraph under it is the summary.
   */
  public static boolean isSummaryHead(String line) {
    return line.length() <= 8 && SUMMARY_HEAD.matcher(line).matches();
  }

  private static final Pattern SUMMARY_HEAD = loneHead("摘要", "内容摘要", "内容提要", "提要", "导读", "导语");

  /**
   * Whether a credit line names the 责任编辑 (or 责编): the editor the publisher stands for, who
   * outranks a generic {@code 编辑 X} credit of the same article (often the wire's or the source's).
   */
  public static boolean namesResponsibleEditor(String line) {
    return line.contains("责任编辑") || line.contains("责编");
  }

  /** Editor labels that name the article's editor (not a designer, proofreader or chief editor). */
  private static final Set<String> EDITOR_NAME_LABELS = Set.of(
      "责任编辑", "责编", "编辑", "值班编辑", "执行编辑", "实习编辑", "本期编辑", "本期责编", "文字编辑", "网络编辑", "新媒体编辑", "网编",
      "責任編輯", "責編", "編輯", "值班編輯", "執行編輯", "實習編輯", "本期編輯", "文字編輯", "網絡編輯");

  private static boolean isEditorLabel(String label) {
    return EDITOR_NAME_LABELS.contains(label);
  }

  /** The label of {@link #LABELS} at {@code i} followed by a label separator, or {@code null}. */
  private static String labelAt(String s, int i) {
    if (i >= s.length()) {
      return null;
    }
    List<String> candidates = LABELS_BY_FIRST.get(s.charAt(i));
    if (candidates == null) {
      return null;
    }
    String best = null;
    for (String label : candidates) {
      if (s.startsWith(label, i) && (best == null || label.length() > best.length())) {
        int j = i + label.length();
        while (j < s.length() && Whitespace.isSpace(s.charAt(j))) {
          j++;
        }
        if (j >= s.length()) {
          continue;
        }
        char next = s.charAt(j);
        boolean spaced = j > i + label.length();
        if (LABEL_SEPARATORS.indexOf(next) >= 0
            || spaced && SPACED_LABELS.contains(label) && Character.UnicodeScript.of(next) == Character.UnicodeScript.HAN
            || LABELS.get(label) == Role.OTHER && Character.isDigit(next)) {
          best = label;
        }
      }
    }
    return best;
  }

  /**
   * Labels that a space alone may separate from a name ({@code 记者 王明}, {@code 编辑 何晴 校对 吴兴华}):
   * a byline's reporter and editor labels, not words that start sentences.
   */
  private static final Set<String> SPACED_LABELS =
      Set.of("记者", "本报记者", "特约记者", "作者", "编辑", "责任编辑", "责编", "摄影", "校对", "审核");

  /** Words that end a value glued to them by a page's adjacent spans ({@code 林小溪阅读 1.2万}). */
  private static final List<String> GLUED_TAILS = List.of("参与评论", "条评论", "评论", "阅读", "浏览", "关注", "分享", "收藏");

  /**
   * End of a value starting at {@code from}: the next separator, space or label, or a date glued to
   * it by adjacent spans ({@code 宋青禾2023年10月26日}).
   */
  private static int valueEnd(String s, int from) {
    return valueEnd(s, from, false);
  }

  /**
   * The end of a source value that names several outlets joined by {@code 、}, with a closing
   * {@code 等} ({@code 中国空间技术研究院、中国运载火箭技术研究院等}): only when the whole rest of the
   * line is such a list (so {@code 来源：新华社、编辑：李四} keeps its first value); {@code end}
   * otherwise.
   */
  private static int sourceListEnd(String s, int end) {
    if (end >= s.length() || s.charAt(end) != '、') {
      return end;
    }
    int k = end;
    while (k < s.length() && s.charAt(k) == '、') {
      int next = valueEnd(s, k + 1);
      String item = s.substring(k + 1, next);
      if (item.isEmpty() || labelAt(s, k + 1) != null || item.indexOf('：') >= 0 || item.indexOf(':') >= 0) {
        return end;
      }
      k = next;
    }
    String rest = s.substring(k).strip();
    return rest.isEmpty() ? s.length() : end;
  }

  /** {@link #valueEnd(String, int)}; {@code name}: a person's name, so a glued byline word ends it. */
  private static int valueEnd(String s, int from, boolean name) {
    int j = from;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (Whitespace.isSpace(c) || "|丨｜；;，,、【】[]<>()（）".indexOf(c) >= 0) {
        break;
      }
      if (j > from && (labelAt(s, j) != null || dateAt(s, j) > j && Character.isDigit(c) && !Character.isDigit(s.charAt(j - 1)))) {
        break;
      }
      if (name && j > from + 1 && gluedTailAt(s, j)) {
        break;
      }
      j++;
    }
    return j;
  }

  /** Whether one of {@link #GLUED_TAILS} starts at {@code j} and runs to a space, a digit or the end. */
  private static boolean gluedTailAt(String s, int j) {
    for (String w : GLUED_TAILS) {
      if (s.startsWith(w, j)) {
        int k = j + w.length();
        if (k == s.length() || Whitespace.isSpace(s.charAt(k)) || Character.isDigit(s.charAt(k))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code end} extended over further Latin words when the value ends in one: {@code 来源 | The
   * Northshore Review} names one outlet, not {@code The}.
   */
  private static int latinValueEnd(String s, int end) {
    int j = end;
    while (j > 0 && j + 1 < s.length() && s.charAt(j) == ' ' && isLatinLetter(s.charAt(j - 1))
        && isLatinLetter(s.charAt(j + 1)) && labelAt(s, j + 1) == null) {
      int k = j + 1;
      while (k < s.length() && (isLatinLetter(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '\'' || s.charAt(k) == '&')) {
        k++;
      }
      j = k;
    }
    return j;
  }

  private static boolean isLatinLetter(char c) {
    return c < 0x80 && Character.isLetter(c);
  }

  /** End of a token that is not a label: the next separator or space. */
  private static int tokenEnd(String s, int from) {
    int j = from;
    while (j < s.length() && !Whitespace.isSpace(s.charAt(j)) && "|丨｜；;，,、【】[]<>()（）".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    return j;
  }

  /** End of a written date starting exactly at {@code i}, or {@code i}. */
  private static int dateAt(String s, int i) {
    if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
      return i;
    }
    Matcher m = DATE_AT.matcher(s);
    m.region(i, s.length());
    if (m.lookingAt()) {
      return m.end();
    }
    return i;
  }

  private static final Pattern DATE_AT =
      Pattern.compile(
          "(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}\\s*[:：时]\\s*\\d{2}(?:\\s*[:：分]\\s*\\d{2})?秒?)?"
              + "|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:\\s*\\d{1,2}\\s*[:：]\\s*\\d{2})?"
              + "|\\d{1,2}:\\d{2}(?::\\d{2})?");

  /** A Q&A site's vote line between the answer's head and the answer: {@code 1,326 人赞同了该回答}. */
  private static final Pattern ANSWER_VOTES = Pattern.compile("^[\\d,.]+\\s*万?\\s*人赞同了该(回答|文章)$");

  /** Lines dropped wherever they occur: share bars, print links, QR prompts, promotions. */
  private static final List<Guarded> NOISE =
      List.of(
          anchored("^【?(分享到|分享至|分享)[:：].{0,40}$"),
          anchored("^【?(字号|字体)[:：]?\\s*[大中小默认\\s]*】?.{0,30}$"),
          needs(l -> l.contains("打印") || l.contains("关闭") || l.contains("纠错"),
              "^.{0,20}(打印本页|关闭窗口|【打印】|【关闭】|打印本文|\\[打印\\]|\\[关闭\\]|【我要纠错】).{0,20}$"),
          anchored("^(手机)?(扫一扫|扫描二维码|长按识别|长按二维码|微信扫一扫|扫码).{0,40}$"),
          needs(l -> l.contains("网络"),
              "^.{0,10}图片(均|皆|部分)?(来源于?|来自|源自|取自)(于)?(互联)?网络.{0,20}$"),
          anchored("^本文(转载)?来?自?(于)?微信公众号.*$"),
          needs(l -> endsWithArrow(l) && (l.contains("点击") || l.contains("戳")),
              "^.{0,60}(点击|戳)(这里|此处)?(查看|阅读|进入|下载|了解)[^。！？]{0,20}(>>|》》|>|》|→)$"),
          needs(l -> endsWithArrow(l),
              "^.{0,60}(查看|阅读|了解)(更多|详情|全文)\\s*(>>|》》|→)$"),
          anchored("^[▷▶►▸].*$"),
          anchored("^[(（【]完[)）】]$"),
          anchored("^[-—–=\\s]*(?i:END|THE END|完|全文完)[-—–=\\s]*$"),
          // a paper's edition note: 《 人民日报 》（ 2023年03月17日 05 版）
          anchored("^《\\s*[^》]{1,20}\\s*》\\s*[(（]\\s*\\d{4}年\\d{1,2}月\\d{1,2}日\\s*(第\\s*)?\\d*\\s*版?\\s*[)）]$"),
          anchored("^【纠错】.*$"),
          anchored("^(返回顶部|返回首页|返回列表|上一页|下一页|首页|末页)$"),
          anchored("^(上一篇|下一篇)[:：].*$"),
          anchored("^点击(进入|查看)(专题|大图|原图).{0,20}$"),
          anchored("^(举报|投诉|收藏|点赞|在看|赞赏|喜欢此内容的人还喜欢|阅读原文|分享|关注我们)$"),
          anchored("^(阅读|浏览|点击)\\s*[\\d.]+万?\\+?$"),
          // app promotions: 下载XX客户端，看更多本地新闻 / 打开XX APP
          anchored("^(下载|打开|安装)[^。！？]{0,20}(客户端|APP|App|app)[^。！？]{0,30}[！!。]?$"),
          // (a comma before 下载 only with 请 / 欢迎: 首先，下载安装《个人所得税》app。… is a how-to step)
          needs(l -> l.contains("下载"),
              "^(?:[^。！？]{0,20}(请|欢迎)|[^。！？，,]{0,20})下载[^。！？]{0,20}(客户端|APP|App|app).{0,120}$"),
          // group and hotline promotions: 添加小助手微信（ID：x），加入交流群… / 爆料热线：0591-87654321
          needs(l -> l.contains("添加"),
              "^[^。！？]{0,10}(添加|扫码添加|长按添加)[^。！？]{0,10}(微信|小助手|客服)[^。！？]{0,60}(入群|交流群|社群|领取|获取)[^。！？]{0,40}[。！!]?$"),
          needs(l -> l.contains("爆料") || l.contains("报料") || l.contains("热线") || l.contains("举报电话"),
              "^[^。！？]{0,8}(爆料|报料|新闻热线|投诉热线|读者热线|服务热线|客服热线|举报电话|举报热线)[^。！？]{0,6}[:：]\\s*[\\d\\-－ ]{5,20}.{0,80}$"),
          // share prompts: 分享让更多人看到 / 点个在看，你最好看
          anchored("^(分享|转发)(给|让)?[^。！？]{0,12}(看到|朋友|好友)[^。！？]{0,6}$"),
          needs(l -> l.contains("分享给") || l.contains("转发给"),
              "^[^。！？]{0,10}(分享|转发)给[^。！？]{0,20}(吧|哦)[～~！!]?$"),
          needs(l -> l.contains("在看"),
              "^[^。！？]{0,10}(点个|点亮|点一下|点)[^。！？]{0,8}在看[^。！？]{0,24}$"),
          // a comment counter and a lone address label before an ad link: 查看评论（126） / 访问：
          anchored("^(查看|发表|参与|全部)?评论\\s*[（(]\\s*\\d+\\s*[)）]$"),
          anchored("^(访问|网址|传送门)\\s*[:：]$"),
          // a player's length alone: 01:32
          anchored("^\\d{1,2}:\\d{2}(:\\d{2})?$"),
          // an author's bio and a note on first publication
          anchored("^(作者简介|作者介绍|关于作者|专家简介|嘉宾简介)\\s*[:：].{0,200}$"),
          needs(l -> l.contains("本"),
              "^[—\\-\\s]*[（(]?本(文|组诗|篇|刊)?(最初|最早|原)?(刊发|发表|原载|首发|刊载|原刊|选自|节选自)于?.{0,80}[）)]?[—\\-\\s]*$"),
          // notes that the text is no advice: 注：本文旨在介绍医学研究进展，不是治疗方案推荐…
          needs(l -> l.contains("本文"),
              "^[（(]?(注[:：])?本文(旨在|仅供|内容仅供|仅作|不构成|不作为).{0,120}$"),
          // a blog feed's footer: The post X appeared first on Y.
          anchored("^The post .{1,200} appeared first on .{1,100}$"),
          anchored("^点击(此处|这里)?(阅读|查看)(英文|中文)?原文.{0,10}$"),
          // feed and newsletter furniture (WeChat footers, mail newsletters, mastheads)
          needs(l -> l.contains("阅读原文"),
              "^[^。！？]{0,4}点击(文末)?[「“\"]?阅读原文[」”\"]?.{0,40}$"),
          anchored("^点击文末.{0,40}$"),
          needs(l -> l.contains("订阅") || l.contains("关注") || l.contains("下载") || l.contains("点击") || l.contains("扫码") || l.contains("长按"),
              "^[^\\p{IsHan}\\p{L}\\d]{1,4}\\s*(订阅|关注|下载|点击|扫码|长按)[^。！？]{0,50}[。！]?$"),
          needs(l -> l.contains("二维码") || l.contains("长按识别") || l.contains("扫码关注"),
              "^.{0,12}(长按识别|扫码关注|扫描二维码|长按二维码|识别二维码|识别下方二维码).{0,40}$"),
          needs(l -> l.contains("回复"),
              "^.{0,40}(后台回复|对话框回复|回复关键词|回复下方关键词|回复[“\"「【]|回复\\s)[^\\n]{0,100}(公众号|后台|关键词|即可|获取|查看|阅读|下载|文章)[^\\n]{0,60}$"),
          anchored("^(公众号|微信号|微信公众号)\\s*(ID|id)?\\s*[:：].{0,40}$"),
          anchored("^今天是.{0,30}第\\d+期.{0,20}$"),
          anchored("^总第\\d+(篇|期).{0,30}$"),
          anchored("^[（(][^（()）]{2,20}(供稿|供图|来稿)[）)]$"),
          anchored("^[（(]\\p{IsHan}{2,3}[）)]$"),
          needs(l -> l.endsWith("出品"),
              "^\\p{IsHan}{2,20}(出品|联合出品|荣誉出品)$"),
          anchored("^(\\s*【[^】]{1,6}】\\s*){2,}$"),
          anchored("^([\\p{IsHan}A-Za-z]{1,6}\\s*[|｜]\\s*){3,}[\\p{IsHan}A-Za-z]{1,6}$"),
          anchored("^(标签|关键词|关键字|Tags?|TAG)\\s*[:：].{0,80}$"),
          needs(l -> l.contains("显示"),
              "^.{0,20}(无法正常显示|显示不正常).{0,30}$"),
          needs(l -> l.contains("星期"),
              "^.{0,30}\\d{4}年\\d{1,2}月\\d{1,2}日\\s*星期[一二三四五六日天].{0,20}$"),
          needs(l -> l.contains("仅供参考") || l.contains("为准"),
              "^[*＊※]?\\s*(以上|上述|文中)[^。！？]{0,30}(仅供参考|以[^。！？]{0,12}为准).{0,80}$"),
          needs(l -> l.contains("以上"),
              "^[（(]?以上(信息|内容|数据|观点)[^。！？]{0,60}(仅供参考|不构成).{0,40}[）)]?$"),
          anchored("^[（(【*＊]?\\s*(风险提示|免责声明|特别提示|温馨提示|声明|提示)[:：】].{0,200}(不构成|仅供|风险自担|谨慎).{0,160}$"),
          needs(l -> l.contains("声明"),
              "^.{0,8}声明[:：].{0,60}(转载|不构成|不作为|仅用于|仅供参考|观点|立场|版权|侵权|原创).{0,200}$"),
          // a public account's follow prompt: 点击上方蓝字关注我们 / ↑ 点击上方“XX”，设为星标
          needs(l -> l.contains("点击"),
              "^[↑☝\\s]*点击[^。！？]{0,15}(关注|星标|置顶|在看|分享|点赞)[^。！？]{0,20}$"),
          // subscription and contribution notes: 订阅地址：…，投稿请发邮件至… / 【收听方式】…即可订阅
          needs(l -> l.contains("订阅") || l.contains("邮发代号") || l.contains("投稿") || l.contains("收听") || l.contains("退订"),
              "^.{0,60}(订阅地址|即可订阅|欢迎订阅|点击订阅|立即订阅|均可订阅|邮发代号|投稿请|投稿邮箱|欢迎投稿|收听方式|即可收听|订阅方式|退订|取消订阅|订阅偏好).{0,80}$"),
          // the original's address of a translated or reposted piece
          anchored("^(原文链接|原文地址|原文网址|本文链接)\\s*[:：].{0,300}$"),
          // a player's loading tip and fallback: 视频加载中，请稍候... / 您的浏览器不支持HTML5视频播放…
          needs(l -> l.contains("加载"),
              "^[^。！？]{0,20}(加载中|正在加载)[^。！？]{0,12}$"),
          // a player's loading tip before the video's title: 视频加载中… 《雾港纪事》实机演示 04:32
          anchored("^(视频|内容)?(加载中|正在加载)[^。！？]{0,50}$"),
          // a review's rating line: 评分：★★★★☆ 推荐
          anchored("^(评分|打分|评级|我的评分)\\s*[:：]?\\s*[★☆✩✭⭐\\d.\\s/]+[^。！？]{0,10}$"),
          // a platform's statement: 本文来自观潮号作者X，…不代表潮声网的观点和立场。
          needs(l -> l.contains("代表"),
              "^[*＊※]?\\s*本文(来自|系|为|由).{0,40}(不代表|仅代表).{0,30}(观点|立场).{0,10}$"),
          // an opinion disclaimer: （本文仅代表作者观点）
          needs(l -> l.contains("代表作者"),
              "^[（(]?(本文|文章|以上内容|此文)?(仅|只)代表作者(个人|本人)?(观点|看法|立场)[^。！？]{0,30}[。.]?[）)]?$"),
          needs(l -> l.contains("代表作者"),
              "^.{0,120}(观点|内容|文章)?(仅|只)代表作者(本人|个人)?.{0,160}$"),
          anchored("^(视频)?时长\\s*[:：]?\\s*\\d{1,2}:\\d{2}(:\\d{2})?(\\s*[|｜]\\s*点击播放)?$"),
          // a forum post's edit notice: 本帖最后由 X 于 2022-12-06 08:15 编辑
          anchored("^本帖最后由.{1,40}编辑$"),
          anchored("^(您的|你的|当前)?浏览器暂?不支持.{0,60}$"),
          anchored("^(播放|暂停|重播|全屏|静音|点击播放|播放视频)$"),
          // a reposted title, an author's unit, a newsletter's issue line, a masthead's slogan
          needs(l -> l.contains("原标题") || l.contains("原题"),
              "^[（(]?(本文)?(原标题\\s*[:：]|原题为?\\s*([:：]|[:：]?\\s*《)).{1,98}$"),
          anchored("^[（(]\\s*作者(单位|系|为|是)[:：]?.{1,60}[）)]$"),
          anchored("^(总)?第\\d+期([\\s·•|｜/]+.{0,24})?$"),
          anchored("^(\\p{IsHan}{2,6}\\s*[·•]\\s*){2,}\\p{IsHan}{2,6}$"),
          // copyright lines: © 2024 X / Copyright © 2024 X. All rights reserved / 著作权归作者所有…
          anchored("^(©|\\(c\\)|(?i:copyright)).{0,80}$"),
          anchored("^著作权归.{0,80}$"),
          // a Q&A site's vote line and action bar: 1,326 人赞同了该回答 / 赞同 1326 218 条评论 分享 收藏
          new Guarded(null, ANSWER_VOTES),
          anchored("^(赞同|点赞)\\s*[\\d,.万]*\\s.{0,40}(评论|分享|收藏).{0,20}$"),
          // more links and prompts: 往期早报 >> / 欢迎转发给朋友 / 预约挂号请点击公众号菜单栏…
          anchored("^(往期|更多|查看更多|历史)[^。！？]{0,10}\\s*(>>|》》|→|»)$"),
          needs(l -> l.contains("分享") || l.contains("转发"),
              "^[^。！？]{0,16}(欢迎|记得|请)(分享|转发)(给|到)?[^。！？]{0,16}$"),
          needs(l -> l.contains("菜单"),
              "^(?!\\d{1,2}\\s*[.．、])[^。！？]{0,20}(点击|进入)[^。！？]{0,12}(菜单栏|底部菜单|菜单)[^。！？]{0,40}[！!。]?$"),
          // an image credit with a verb: 题图来自 Unsplash，基于 CC0 协议 / 图自 中国长安网
          anchored("^(题图|头图|封面图?|配图|图片)(来自|源自|来源于|由).{0,60}$"),
          // a copyright notice: 本文为X原创，未经授权禁止转载。如需转载请联系…
          needs(l -> l.contains("未经") || l.contains("转载") || l.contains("版权归") || l.contains("著作权"),
              "^[*＊※|｜\\s]*[（(]?(声明[:：])?(本文|本稿|本篇|此文|原创文章|凡本网|凡注明)[^。！？]{0,90}(未经|禁止转载|不得转载|严禁转载|版权归|著作权|转载请).{0,160}$"));

  /**
   * A noise pattern tried only when a cheap test of the line says it can match; a {@code null} guard
   * marks a {@link #NOISE} pattern anchored by its first characters ({@link #NOISE_ANCHORED}).
   */
  private record Guarded(java.util.function.Predicate<String> guard, Pattern pattern) {}

  /**
   * A translation community's footer (如果发现译文存在错误… / 某某翻译计划 是一个翻译…的社区, long lines
   * too) and the translation's permanent address ({@code 本文永久链接：github.com/…}).
   */
  private static final Pattern TRANSLATION_FOOTER =
      Pattern.compile("^(如果发现译文存在错误.{0,200}|\\S{1,12}翻译计划\\s*是一个.{0,200}|本文永久链接\\s*[:：]\\s*\\S+)$");

  /** A line of an interview's card: who was interviewed, by whom, when and where. */
  private static final Pattern INTERVIEW_CARD =
      Pattern.compile("^采\\s*访\\s*((对象|日期|时间|地点)\\s*[:：].{1,300}"
          // who interviewed: names only (采访组：傅某同志，您好！… is a question of the interview)
          + "|(组|人|者|整理)\\s*[:：]\\s*[\\p{IsHan}·]{2,5}([\\s、,，]+[\\p{IsHan}·]{2,5}){0,5})$");

  /**
   * Noise patterns found on real feeds and pages, each behind a test of a word or an end it needs:
   * outside {@link #NOISE_ANY}, so that most lines pay nothing for them.
   */
  private static final List<Guarded> GUARDED =
      List.of(
          // an image credit with a verb: 图自 中国长安网
          // (▲ 图片来自：Shoreline Area News, a caption that is only its credit)
          new Guarded(l -> l.startsWith("图") || l.startsWith("照片") || l.startsWith("▲") || l.startsWith("△"),
              Pattern.compile("^([▲△]\\s*)?(图|照片|图片)(自|来自|源自)\\s*[:：]?\\s*[^。！？，,；;]{2,30}$")),
          // a portal's promotions with a link arrow: 扫二维码，3分钟极速开户>> / 炒股就看金麒麟分析师研报…
          new Guarded(l -> l.endsWith(">>") || l.endsWith("＞＞") || l.endsWith("»"),
              Pattern.compile("^[^。]{2,40}(>>|>>>|＞＞|»)$")),
          new Guarded(l -> l.contains("金麒麟"), Pattern.compile("^[^。]{0,10}金麒麟分析师.{0,60}$")),
          // a note on who helped: （刘骞对本文采访整理亦有贡献）
          new Guarded(l -> (l.endsWith("）") || l.endsWith(")")) && (l.contains("贡献") || l.contains("帮助")),
              Pattern.compile("^[（(][^（）()]{1,30}(对本文|对此文|对本报道)[^（）()]{0,20}(贡献|帮助)[^（）()]{0,6}[）)]$")),
          // a compilation note: 每日经济新闻综合自京东官方微信号、公开资料
          new Guarded(l -> l.contains("综合自") || l.contains("整理自") || l.contains("编译自"),
              Pattern.compile("^[^。！？，,]{0,16}(综合自|综合整理自|整理自|编译自)[^。！？]{1,80}$")),
          // the original's address: 原文：https://… / 地址：https://…
          new Guarded(l -> l.contains("http") || l.contains("www."),
              Pattern.compile("^(原文|地址|链接|文章地址|文章链接|出处)\\s*[:：]\\s*(https?://|www\\.)\\S+$")),
          new Guarded(l -> l.startsWith("ISBN"), Pattern.compile("^ISBN\\s*[:：]?\\s*[\\dXx\\-]{10,17}$")),
          // a Q&A site's answer head and link card: X的回答 / X：标题 25 赞同 · 3 评论文章
          new Guarded(l -> l.endsWith("的回答"), Pattern.compile("^[^。！？，,\\s]{1,24}的回答$")),
          new Guarded(l -> l.contains("赞同"), Pattern.compile("^.{0,100}\\d+\\s*赞同\\s*·\\s*\\d+\\s*评论\\s*(文章|回答)$")),
          // an answerer's follow prompt: 关注我和 @某某 ，养育路上一起成长~
          new Guarded(l -> l.contains("关注我"), Pattern.compile("^[^。！？]{0,12}关注我[^。！？]{0,40}$")),
          // a repost note naming the account in quotes: 本文来自“新浪科技”，作者：张俊，36氪经授权发布。
          new Guarded(l -> l.startsWith("本文"),
              Pattern.compile("^本文(转载)?(来自|转自|源自)(于)?(公众号)?\\s*[:：]?\\s*[“\"「][^”\"」]{1,30}[”\"」].{0,80}(授权|作者|编辑).{0,40}$")),
          new Guarded(l -> l.startsWith("扫描"), Pattern.compile("^扫描(下方|上方|左侧|右侧|下面|上面|文末)的?二维码.{0,40}$")),
          // a public account's keyword menu: 3、回复【社保】查询社保缴纳记录
          new Guarded(l -> !l.isEmpty() && Character.isDigit(l.charAt(0)) && l.contains("回复"), Pattern.compile("^\\d{1,2}\\s*[、.．]\\s*回复\\s*[【\\[“\"「].{1,40}$")),
          // a photo credit under a picture: ▲本报全媒体图片记者黎某、李某摄 / 资料图
          new Guarded(l -> l.endsWith("摄"),
              Pattern.compile("^[▲△▼↑]?[^。！？，,]{0,40}(记者|摄影师?|通讯员)[^。！？，,]{1,24}摄$")),
          new Guarded(l -> l.contains("资料") && l.length() <= 8, Pattern.compile("^[（(]?(资料图|资料图片|资料照片)[)）]?$")),
          // the label of an empty gallery or player: 图集 / 组图
          new Guarded(l -> l.endsWith("图") || l.endsWith("图集"), Pattern.compile("^(图集|组图|高清组图|高清图集)$")),
          // a picture credit alone on its line: 朱泾镇供图 / （受访者供图）
          new Guarded(l -> l.endsWith("供图") || l.endsWith("供图）") || l.endsWith("供图)"),
              Pattern.compile("^[（(]?[^。！？，,；;（）()：:\\s]{1,20}供图[）)]?$")), // not 图说：活动现场 五里供图, a caption
          // an illustrator's credit under a drawing: 赵乃育 绘
          new Guarded(l -> l.endsWith("绘") && l.length() <= 20,
              Pattern.compile("^[\\p{IsHan}·]{2,5}([、,，\\s][\\p{IsHan}·]{2,5}){0,2}\\s+绘$")),
          // a copyright line without a subject: 新民网新闻未经授权不得转载
          new Guarded(l -> l.contains("转载") && l.length() <= 40,
              Pattern.compile("^[^。！？]{0,20}(未经授权|未经许可|未经同意)[，,]?\\s*(不得|禁止|严禁|请勿)(转载|使用|复制)[^。！？]{0,20}[。！]?$")),
          // the pictures' credit: 题图和文图为《…》剧照 来自1927 剧团 / 头图来自视觉中国
          new Guarded(l -> l.startsWith("题图") || l.startsWith("头图") || l.startsWith("封面") || l.startsWith("配图") || l.startsWith("文图"),
              Pattern.compile("^(题图|头图|封面图?|配图|文图)[^。！？]{0,40}(来自|来源|源自|摄|提供|供图|剧照|截图|视觉中国|图虫)[^。！？]{0,20}$")),
          // a risk note: 仅供投资者参考，不构成投资建议 / 注：本文系新闻报道，不构成投资建议，股市有风险，投资需谨慎。
          new Guarded(l -> l.contains("投资建议") && l.length() <= 80,
              Pattern.compile("^[（(]?[^。！？]{0,40}(不构成|并不构成|不作为|不代表)[^。！？]{0,10}投资建议[^。！？]{0,30}[。！]?[）)]?$")),
          // an author's note in parentheses at the end of a commentary: （本文作者X系…研究员）, with a
          // 推荐阅读 head glued to it
          new Guarded(l -> l.startsWith("（本文作者") || l.startsWith("(本文作者") || l.startsWith("（作者") || l.startsWith("(作者"),
              Pattern.compile("^[（(](本文)?作者[^。！？]{0,30}(系|为|是|现任|任职于)[^。！？]{2,80}[）)]\\s*((推荐|相关|延伸)阅读\\s*[:：]?)?$")),
          // an interview's card above an oral history: 采访对象：… / 采 访 组：… / 采访日期：… / 采访地点：…
          new Guarded(l -> l.startsWith("采"), INTERVIEW_CARD),
          // a photo credit with the name spaced before 摄: 视觉江西 魏东升 摄 / （张某 摄）
          new Guarded(l -> l.length() <= 30 && (l.endsWith("摄") || l.endsWith("摄）") || l.endsWith("摄)")),
              // (not ▲老周店里挂满了老照片（孟琪 摄）: a caption with its credit after it)
              Pattern.compile("^(?:[（(][^（）()。！？，,；;：:]{0,20}[\\p{IsHan}·]{2,5}\\s+摄[）)]|[^（）()。！？，,；;：:]{0,20}[\\p{IsHan}·]{2,5}\\s+摄)$")),
          // a source note alone in parentheses: （简历来源于某某网站） / （转自3月15日《某某报》03版）
          new Guarded(l -> l.length() <= 60 && (l.startsWith("（") || l.startsWith("(")) && (l.endsWith("）") || l.endsWith(")")),
              Pattern.compile("^[（(][^（）()。！？]{0,20}(来源于|来自|转自|摘自|选自|原载于?)[^（）()。！？]{1,40}[）)]$")),
          // a translation's reference to its original: 参考链接：… / 英文原文：…
          new Guarded(l -> l.startsWith("参考链接") || l.startsWith("英文原文"),
              Pattern.compile("^(参考链接|英文原文)\\s*[:：].{1,300}$")),
          // an invitation to comment closing a post: …是什么？欢迎在留言区与我们互动！
          new Guarded(l -> l.contains("欢迎") && (l.contains("留言") || l.contains("评论区")) && l.length() <= 60,
              Pattern.compile("^[^。！]{0,30}欢迎(大家)?(在)?(留言区|评论区|留言|评论)[^。！？]{0,16}(互动|讨论|交流|分享|留言)[^。！？]{0,8}[！!。~～]?$")),
          // a community's promotion: 想了解更多某某直播？ / 欢迎移步某某社区~ / 加小某微信有惊喜
          new Guarded(l -> (l.startsWith("想了解更多") || l.startsWith("欢迎移步") || l.contains("微信") || l.contains("wechat")) && l.length() <= 40,
              Pattern.compile("^(想了解更多[^。！？]{1,30}[？?]|欢迎移步[^。！？]{1,30}[~～！!。]?"
                  + "|[^。！？，,]{0,4}加[^。！？，,]{0,12}(微信|wechat|WeChat)[^。！？，,]{0,12}(惊喜|进群|入群|领取)[^。！？]{0,6})$")),
          // a promotion without an arrow: 点击某某了解更多解决方案
          new Guarded(l -> l.startsWith("点击") && l.length() <= 40,
              Pattern.compile("^点击[^。！？，,]{1,20}(了解|查看|获取|阅读)(更多|详情)[^。！？，,]{0,12}[!！]?$")),
          // a social-media account credited alone in parentheses: （@OlyExpress）
          new Guarded(l -> l.length() <= 40 && (l.startsWith("（@") || l.startsWith("(@")),
              Pattern.compile("^[（(]@[^\\s（）()]{1,30}[）)]$")),
          // copyright and reprint notes with the outlet as subject: 南方周末版权所有，未经书面授权，不得转载。 /
          // 如需转载请与《某某日报》报社联系。 / 未经《某某日报》报社授权，严禁转载或镜像，违者必究。
          new Guarded(l -> l.contains("版权所有") && l.length() <= 160,
              Pattern.compile("^[^。！？]{0,80}版权所有[^。！？]{0,80}(未经|不得|禁止|严禁|违者)[^。！？]{0,60}[。！]?$")),
          new Guarded(l -> l.startsWith("如需转载") || l.startsWith("转载请") || l.startsWith("未经"),
              Pattern.compile("^((如需转载|转载请)[^。！？]{0,40}(联系|注明|授权|获得)[^。！？]{0,40}"
                  + "|未经[^。！？]{0,30}(授权|许可|同意)[，,]?[^。！？]{0,16}(不得|禁止|严禁|请勿)[^。！？]{0,10}(转载|使用|复制|镜像|摘编|链接)[^。！？]{0,30})[。！]?$")),
          // a reporter's card: …关注房地产领域，新闻线索请联系：name@example.com
          new Guarded(l -> l.contains("线索") && l.length() <= 120,
              Pattern.compile("^[^。！？]{0,60}线索[^。！？]{0,8}(联系|发送|发至|请发|投递)[^。！？]{0,10}[:：]?\\s*([\\w.\\-+]+@[\\w.\\-]+|[\\d\\-－ ]{7,20})[^。！？]{0,20}$")),
          // a note on the pictures' fees: 特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。…
          new Guarded(l -> l.contains("稿酬") || l.contains("撤下"),
              Pattern.compile("^[^。！？]{0,10}(特别提醒|特别声明|郑重声明|声明|提醒|提示)[:：].{0,200}(稿酬|撤下|删除).{0,100}$")),
          // business and advertising contacts: 商务合作：bd@example.com / 第一财经广告合作，请点击这里
          new Guarded(l -> l.contains("合作") && l.length() <= 100,
              Pattern.compile("^[^。！？]{0,20}(广告合作|商务合作|商务联系|广告投放|媒体合作)\\s*([:：|｜]|[，,]?\\s*请?(点击|联系|详询)).{0,80}$")),
          // an account's follow prompt with its ID: 更多精彩内容，关注某某微信号（ID：abc），或者下载某某App
          new Guarded(l -> (l.contains("ID") || l.contains("id")) && l.length() <= 140,
              Pattern.compile("^(?=.*(关注|在看|订阅|星标|下载|置顶))[^。！？]{0,60}(ID|id)\\s*[:：]\\s*[A-Za-z0-9_\\-]{2,30}[^。！？]{0,60}[。！!]?$")),
          // a contact address alone: 如有需要请联系 sns@example.com
          new Guarded(l -> l.indexOf('@') > 0,
              Pattern.compile("^(?=.{0,60}$)[^。！？]{0,20}(请联系|联系邮箱|联系我们|联系方式|邮箱)\\s*[:：]?\\s*[\\w.\\-+]+@[\\w.\\-]+$")),
          // an opinion note without 仅: 文章代表作者个人观点，某某仅对标题和排版略作修改。
          new Guarded(l -> l.contains("代表作者") && l.length() <= 100,
              Pattern.compile("^(本文|文章|此文)(仅|只)?代表作者(本人|个人)?的?(观点|看法|立场).{0,80}$")),
          // a shop promotion: 特惠、好用的硬件产品，尽在 某某官方店铺
          new Guarded(l -> l.contains("尽在") && l.length() <= 60,
              Pattern.compile("^(?=.{0,60}$)[^。！？]{0,30}尽在[^。！？]{0,30}(官方店铺|旗舰店|商城|小程序|APP|App|app)[^。！？]{0,6}$")),
          // a picture's credit alone: ▲图/视觉中国 / 图片来源@视觉中国
          new Guarded(l -> l.startsWith("▲") || l.startsWith("△") || l.startsWith("图"),
              Pattern.compile("^([▲△]\\s*)?(图|图片|图片来源|图源)\\s*([/｜|丨@]|[:：]\\s*@?)\\s*[^。！？，,\\s]{2,20}$")),
          // a column's repost note: 本文来自某某专栏：某某研究，作者：甲、乙
          new Guarded(l -> l.startsWith("本文"),
              Pattern.compile("^本文(转载)?(来自|转自|源自)[^：:，,。]{1,12}专栏\\s*[:：][^。！？]{1,80}[。]?$")),
          // engagement prompts: 觉得有用的话，点赞 + 收藏 + 关注三连支持一下吧！ / …关注我，点赞👍 收藏⭐ 不迷路！
          new Guarded(l -> l.length() <= 120 && (l.contains("点赞") && l.contains("收藏") || l.contains("三连")),
              Pattern.compile("^(?=.{0,120}$)(?=.*(点赞.*收藏|收藏.*点赞|三连))(?=.*(欢迎|支持一下|不迷路|关注我)).*$")),
          // follow prompts: 欢迎关注作者的微信公众号：「某某」 / #欢迎关注某某官方微信公众号：某某（微信号：x），…
          new Guarded(l -> l.contains("欢迎关注") && l.length() <= 120,
              Pattern.compile("^[#＃]?\\s*欢迎关注[^。！？]{0,20}(公众号|微信号|微博|头条号|视频号)[^。！？]{0,80}[。！!]?$")),
          // a link bar: 某某 | 原文链接 · 查看评论 · 新浪微博
          new Guarded(l -> (l.contains("原文链接") || l.contains("查看评论")) && l.length() <= 50 && (l.contains("·") || l.contains("|")),
              Pattern.compile("^(?=.{0,50}$)(?=.*[·|｜])[^。！？]{0,20}(原文链接|查看评论)[^。！？]{0,40}$")),
          // a gallery's label and a pointer to more: 游戏截图： / 更多相关资讯请关注：某某专区
          new Guarded(l -> l.length() <= 40 && (l.contains("截图") || l.startsWith("更多")),
              Pattern.compile("^(?=.{0,40}$)((游戏截图|截图|相关截图|更多截图|相关图片|更多图片)\\s*[:：]|更多[^。！？]{0,12}(请关注|敬请关注|请访问|请点击)[^。！？]{0,40})$")),
          // recruitment and advertising lines: 某某招聘｜我们正在寻找… / 【广告】…
          new Guarded(l -> l.startsWith("【广告】") || l.contains("招聘") && l.length() <= 100,
              // (not a subheading such as 春季招聘：企业岗位需求回升: a promotion invites or points)
              Pattern.compile("^(【广告】.{0,200}|[^。！？]{0,10}(招聘|诚聘)\\s*[|｜丨:：](?=.*(我们|欢迎|点击|加入|详情|简历|投递)).{0,80})$")),
          // a Markdown theme leaked from a blog's front matter, a platform's campaign note
          new Guarded(l -> l.startsWith("theme") || l.startsWith("highlight") || l.startsWith("本文已参与"),
              Pattern.compile("^((theme|highlight)\\s*:\\s*[\\w\\-]+|本文已参与.{0,60})$")),
          // a forum's furniture: 首页 › 某节点 / 某用户 · 3 小时 8 分钟前 · 2147 次点击 / 第 1 条附言 · 1 小时前
          new Guarded(l -> l.length() <= 60 && (l.contains("›") || l.contains("分钟前") || l.contains("小时前") || l.contains("天前") || l.contains("附言")),
              Pattern.compile("^(?=.{0,60}$)([^。！？，,›]{1,20}(\\s*›\\s*[^。！？，,›]{1,20})+|[^。！？]{0,40}(分钟前|小时前|天前)[^。！？]{0,30}(次点击|次浏览|阅读)|第\\s*\\d+\\s*条附言.{0,30})$")),
          // a topic's hashtag before the headline repeated in brackets: #话题#【标题】 (hashtags alone: writers split)
          new Guarded(l -> l.startsWith("#"),
              Pattern.compile("^#[^#]{1,30}#\\s*【[^】]{2,80}】$")),
          // a social post's counters and edit line: 来自圈子：某某 · 328 赞 · 47 评论 / ❤️ 1.2万 ⭐ 3456 💬 289 / 编辑于 06-09 浙江
          new Guarded(l -> l.length() <= 60 && (l.contains("评论") || l.startsWith("编辑于") || !l.isEmpty() && !Character.isLetterOrDigit(l.codePointAt(0))),
              Pattern.compile("^(?=.{0,60}$)([^。！？]{0,40}\\d+(\\.\\d+)?万?\\s*赞\\s*·\\s*\\d+(\\.\\d+)?万?\\s*评论.{0,10}"
                  + "|编辑于\\s*[\\d\\-:：\\s]{4,16}\\s*\\p{IsHan}{0,6}"
                  + "|([^\\p{IsHan}\\p{L}\\d\\s]{1,3}\\s*\\d+(\\.\\d+)?万?\\s*){2,6})$")),
          // a download promotion in parentheses: （下载某某新闻，报料有奖！）
          new Guarded(l -> (l.startsWith("（下载") || l.startsWith("(下载")) && l.length() <= 30,
              Pattern.compile("^(?=.{0,30}$)[（(]下载[^。！？（）()]{1,12}[，,][^。！？（）()]{0,12}(报料|爆料|有奖|看更多)[^（）()]{0,6}[）)]$")),
          // a picture's use note: （图片为楼主自拍，请勿搬运） (not （此件公开发布）: writers split)
          new Guarded(l -> l.length() <= 30 && (l.startsWith("（") || l.startsWith("(")),
              Pattern.compile("^(?=.{0,30}$)[（(]图片[^（）()]{0,20}(请勿|禁止|不得)(搬运|转载|盗用)[）)]$")),
          // a rule line: —————— / ======
          new Guarded(l -> l.length() >= 3 && "—-－=_~～".indexOf(l.charAt(0)) >= 0,
              Pattern.compile("^[—\\-－=_~～][—\\-－=_~～\\s]{2,}$")),
          // a reposter's note before a copied text: 以下转载自媒体整理：
          new Guarded(l -> l.startsWith("以下"),
              Pattern.compile("^以下(内容|文章|全文)?(转载|轉載|转自|轉自|摘自|来自|來自|整理自)[^。！？]{0,30}[：:]$")),
          // where a post's other pictures come from: 其他图片来自作者收集截图 / 图10 红包图片来源：https://…
          new Guarded(l -> l.contains("图片") && l.length() <= 60,
              Pattern.compile("^(?:(其他|其余|其它|部分|文中|文内|本文|以上|以下)(图片|配图|插图)均?(来自|来源于?|源自|取自)[^。！？]{1,30}"
                  + "|.{0,30}图片来源\\s*[:：]\\s*(https?://|www\\.)\\S+)$")),
          // a chart's data source under it, in brackets: （数据来源：根据交通运输部数据计算。）
          new Guarded(l -> l.contains("数据来源") && l.length() <= 90,
              Pattern.compile("^[（(]\\s*数据来源\\s*[:：][^（）()]{1,80}[）)]$")),
          // a platform's notice of first publication: 本文由@某某 原创发布于人人都是产品经理。未经作者许可，禁止转载。
          new Guarded(l -> l.startsWith("本文由") && l.contains("发布于") && l.length() <= 100,
              Pattern.compile("^本文由\\s*@?[^。！？]{1,30}?\\s*(原创|首发)?发布于[^。！？]{1,30}[。.]?(\\s*未经[^。！？]{0,30})?[。.！!]?$")),
          // a tip box: 给作者打赏，鼓励TA抓紧创作！ / 1人打赏
          new Guarded(l -> l.contains("打赏") && l.length() <= 24,
              Pattern.compile("^(给作者打赏[^。]{0,16}|\\d+\\s*人打赏|赞赏作者|喜欢作者)[！!。]?$")),
          // a source cited as a bracketed address alone: （https://twitter.com/…/status/…）
          new Guarded(l -> l.contains("http") && l.length() <= 200,
              Pattern.compile("^[（(]\\s*https?://\\S+\\s*[）)]$")),
          // an English byline: by Connor Lau
          new Guarded(l -> l.startsWith("by ") || l.startsWith("By ") || l.startsWith("BY "),
              Pattern.compile("^(?i:by)\\s+[A-Z][A-Za-z.'’\\-]+(\\s+[A-Z][A-Za-z.'’\\-]+){0,3}$")),
          // a reader's tip-off thanked: 感谢IT之家网友 某某 的线索投递！
          new Guarded(l -> l.startsWith("感谢") && l.contains("线索") && l.length() <= 60,
              Pattern.compile("^感谢[^。！？]{1,40}的?线索(投递|提供)?[！!。]?$")),
          // a translation community's footer and the translation's permanent address
          new Guarded(l -> l.contains("译文") || l.contains("翻译计划") || l.startsWith("本文永久链接"), TRANSLATION_FOOTER),
          // a video post's pointer to the video: 全部内容请看视频↑
          new Guarded(l -> l.contains("视频") && l.length() <= 20,
              Pattern.compile("^(全部|完整|更多)(内容|解读|详情)?(请|可)(看|观看|查看|点击)(上方|下方)?(视频|原视频)[^。！？，,]{0,4}$")),
          // a weekly's issue line with its number in Chinese or in brackets: 第【九十六】期：20210123-20210129
          new Guarded(l -> l.startsWith("第") && l.contains("期"),
              Pattern.compile("^第[【\\[]?[一二三四五六七八九十百零〇两\\d]{1,6}[】\\]]?期\\s*[:：]?\\s*[\\d\\-－—~～./年月日\\s]{0,24}$")),
          // links to a column's other issues under their label: 上期：… / 往期：一周热点
          new Guarded(l -> l.startsWith("上期") || l.startsWith("往期") || l.startsWith("下期"),
              Pattern.compile("^(上期|往期|下期)\\s*[:：]\\s*[^。！？]{1,80}$")));

  /** Whether one of {@link #GUARDED} matches {@code line}, its guard tested first when {@code guarded}. */
  private static boolean guardedNoise(String line, boolean guarded) {
    for (Guarded g : GUARDED) {
      if ((!guarded || g.guard().test(line)) && g.pattern().matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * All of {@link #NOISE} as one pattern: a line is noise when one alternative matches it whole,
   * tested with one matcher instead of one per pattern (the per-pattern matchers were 15 % of the
   * full-page extraction profile).
   */
  private static final Pattern NOISE_ANY = anyOf(NOISE);

  /**
   * The {@link #NOISE} patterns without a guard, as one pattern: anchored at the start of the line
   * by a word or a class, they fail within a character or two on most lines.
   */
  private static final Pattern NOISE_ANCHORED = anyOf(NOISE.stream().filter(g -> g.guard() == null).toList());

  /**
   * The {@link #NOISE} patterns that start with a run of any characters ({@code ^.{0,60}…}): in one
   * alternation they tried every split of every line (three quarters of {@link #isNoise}'s time),
   * so each is tried alone and only on lines holding the word it needs.
   */
  private static final List<Guarded> NOISE_UNANCHORED = NOISE.stream().filter(g -> g.guard() != null).toList();

  private static Pattern anyOf(List<Guarded> patterns) {
    return Pattern.compile(
        patterns.stream().map(g -> "(?:" + g.pattern().pattern() + ")").collect(java.util.stream.Collectors.joining("|")));
  }

  /** A {@link #NOISE} pattern anchored by its first characters, tried behind {@link #mayBeNoise(String)}. */
  private static Guarded anchored(String regex) {
    return new Guarded(null, Pattern.compile(regex));
  }

  /** A {@link #NOISE} pattern tried only on lines that pass {@code guard}: a test of a word every match holds. */
  private static Guarded needs(java.util.function.Predicate<String> guard, String regex) {
    return new Guarded(guard, Pattern.compile(regex));
  }

  /** Whether {@code line} ends with a link arrow: {@code >}, {@code 》} or {@code →}. */
  private static boolean endsWithArrow(String line) {
    char last = line.isEmpty() ? ' ' : line.charAt(line.length() - 1);
    return last == '>' || last == '》' || last == '→';
  }

  /** Lines longer than this are only tested against the unbounded noise patterns. */
  private static final int NOISE_MAX_SHORT = 100;

  /**
   * {@code line} without an end mark glued to its last sentence ({@code …20多个省份。（完）}), or
   * {@code line} itself; a line that is only the mark is noise ({@link #isNoise}).
   */
  public static String withoutEndMark(String line) {
    int n = line.length();
    if (n > 3 && line.charAt(n - 2) == '完') {
      char open = line.charAt(n - 3);
      char close = line.charAt(n - 1);
      if ((open == '（' || open == '(' || open == '【') && (close == '）' || close == ')' || close == '】')) {
        return line.substring(0, n - 3).stripTrailing();
      }
    }
    return line;
  }

  /**
   * Whether {@code line} is only personal names separated by spaces ({@code 冯晓亭  谢中秀  张 琳}): at
   * least two, each of one to four Chinese characters (a name spaced out counts as its characters),
   * one of them at least two characters long.
   */
  public static boolean isNamesOnly(String line) {
    return line.length() <= 30 && NAMES_ONLY.matcher(line).matches() && WHOLE_NAME.matcher(line).find();
  }

  /** A name of two to four characters among the tokens ({@code 导 读}, a spaced heading, has none). */
  private static final Pattern WHOLE_NAME = Pattern.compile("(?:^|\\s)[\\p{IsHan}·]{2,4}(?:\\s|$)");

  private static final Pattern NAMES_ONLY = Pattern.compile("^[\\p{IsHan}·]{1,4}(?:\\s+[\\p{IsHan}·]{1,4}){1,7}$");

  /**
   * Whether {@code line} heads a box of key points above an article ({@code 划重点：}, {@code 【本文要点】}),
   * alone on its line.
   */
  public static boolean isKeyPointsHead(String line) {
    return line.length() <= 12 && KEY_POINTS_HEAD.matcher(line).matches();
  }

  private static final Pattern KEY_POINTS_HEAD =
      loneHead("划重点", "本文要点", "核心要点", "要点速览", "文章要点", "本文看点");

  /** Whether {@code line} starts with a point's number or bullet: {@code 1、}, {@code 2.}, {@code ③}, {@code •}. */
  public static boolean isNumberedPoint(String line) {
    return NUMBERED_POINT.matcher(line).lookingAt();
  }

  private static final Pattern NUMBERED_POINT = Pattern.compile("^(\\d{1,2}\\s*[、.．)）]|[（(]\\d{1,2}[)）]|[①-⑳]|[•·●▪■◆]\\s*)");

  /**
   * {@code line} without a link back to the portal glued to its end ({@code …仍将持续。返回腾讯网首页>>}),
   * or {@code line} itself.
   */
  public static String withoutHomeLink(String line) {
    if (!line.endsWith("首页>>") && !line.endsWith("首页") && !line.endsWith("首页》》") && !line.endsWith("首页»")) {
      return line;
    }
    Matcher m = HOME_LINK.matcher(line);
    return m.find() && m.start() > 0 ? line.substring(0, m.start()).stripTrailing() : line;
  }

  private static final Pattern HOME_LINK = Pattern.compile("(?<=[。！？”」）)])\\s*返回[^。！？]{0,12}首页\\s*(>>|》》|»)?$");

  /**
   * A line without the prompt glued after its last sentence, and whether that prompt was the head
   * of a related list (whose links follow).
   */
  public record Prompted(String line, boolean listHead) {}

  /**
   * {@code line} split from a prompt glued after its last sentence: a gallery's prompt
   * ({@code …获得了最多的赞。现场画面（点击图集浏览）：}) or the head of a related list
   * ({@code …政策消失。推荐阅读：}); {@code line} itself, no list head, when it has none.
   */
  public static Prompted splitTrailingPrompt(String line) {
    if (mayEndWithPrompt(line)) {
      Matcher m = TRAILING_PROMPT.matcher(line);
      if (m.find() && m.start() > 0) {
        return new Prompted(line.substring(0, m.start()).stripTrailing(), m.group(1) != null);
      }
    }
    return new Prompted(line, false);
  }

  /** {@code line} without a prompt glued after its last sentence ({@link #splitTrailingPrompt}). */
  public static String withoutTrailingPrompt(String line) {
    return splitTrailingPrompt(line).line();
  }

  private static final Pattern TRAILING_PROMPT = Pattern.compile(
      "(?<=[。！？”」])\\s*(?:(推荐阅读|相关阅读|延伸阅读|相关新闻|相关报道|更多报道|往期回顾|往期推荐)\\s*[:：]?"
          + "|[^。！？]{0,40}[（(]点击(?:图集|查看|浏览|观看)[^）)]{0,8}[）)]\\s*[:：]"
          + "|[↓▼]?[^。！？]{0,30}(?:点击|点此)[^。！？]{0,8}(?:浏览|观看|查看)\\s*[:：])$");

  /** Whether the end of {@code line} can be a {@link #TRAILING_PROMPT} (a cheap test before the regex). */
  private static boolean mayEndWithPrompt(String line) {
    char last = line.isEmpty() ? ' ' : line.charAt(line.length() - 1);
    return last == '：' || last == ':' || last == '读' || last == '顾' || last == '荐' || last == '闻' || last == '道';
  }

  /** Whether {@code line} is a Q&A site's vote line ({@code 1,326 人赞同了该回答}), after the answer's head. */
  public static boolean isAnswerVotes(String line) {
    return line.length() <= 24 && ANSWER_VOTES.matcher(line).matches();
  }

  /** Whether {@code line} is boilerplate that is dropped wherever it occurs. */
  public static boolean isNoise(String line) {
    if (line.length() > NOISE_MAX_SHORT) {
      // long lines: only the patterns without a length bound can match
      char c = line.charAt(0);
      return c == '▷' || c == '▶' || c == '►' || c == '▸' || line.startsWith("本文") && NOISE_ANY.matcher(line).matches()
          || line.startsWith("上一篇") || line.startsWith("下一篇") || line.startsWith("【纠错】")
          || (line.startsWith("原文") || line.startsWith("本文链接") || line.startsWith("The post ")
              || line.startsWith("作者简介") || line.startsWith("作者介绍") || line.startsWith("关于作者"))
              && NOISE_ANY.matcher(line).matches()
          || c == '采' && INTERVIEW_CARD.matcher(line).matches() // 采访对象：a long bio of the interviewee
          || (c == '如' || line.contains("翻译计划")) && TRANSLATION_FOOTER.matcher(line).matches();
    }
    if (mayBeNoise(line) && NOISE_ANCHORED.matcher(line).matches()) {
      return true;
    }
    for (Guarded g : NOISE_UNANCHORED) {
      if (g.guard().test(line) && g.pattern().matcher(line).matches()) {
        return true;
      }
    }
    return guardedNoise(line, true);
  }

  /**
   * First characters of the {@link #NOISE} patterns anchored at the start of a line (an optional
   * {@code 【} and the whitespace, dashes and letters before an {@code END} included).
   */
  private static final String NOISE_FIRST = "【分字扫长微本▷▶►▸(（《返上下首末点举投收在赞喜阅浏关完全打安↑☝您你当播暂重静此原凡文以仅评我添扫长爆报新投转注作关今总公标邮以上文查发参访网传-—–= \t\n\u000B\f\rEeTt0123456789";

  /**
   * Whether some {@link #NOISE} pattern can match {@code line}, from its first and last characters
   * and four words: every pattern either starts with one of {@link #NOISE_FIRST}, ends with {@code
   * >}, {@code 》} or {@code →}, or holds {@code 打印}, {@code 关闭}, {@code 纠错} ({@code
   * .{0,20}(打印本页|…|【我要纠错】).{0,20}}), {@code 图片来源} ({@code .{0,10}图片来源于?网络.{0,20}}) or
   * {@code 加载} or {@code 时长} (a player's tips), {@code 订阅}, {@code 投稿}, {@code 收听} (subscription
   * notes), short lines with a middle dot (a masthead's slogan), {@code 第…期} issue lines, image
   * credits and copyright lines by their first words, or {@code 添加}, {@code 爆料}, {@code 报料}, {@code 热线}, {@code 举报}, {@code 在看} (promotions whose
   * patterns allow a few characters before the word).
   * Saves the regex on most lines; {@code BodyLinesTest} checks it against the patterns.
   */
  static boolean mayBeNoise(String line) {
    int n = line.length();
    if (n == 0) {
      return true;
    }
    char last = line.charAt(n - 1);
    return NOISE_FIRST.indexOf(line.charAt(0)) >= 0 || last == '>' || last == '》' || last == '→' || last == '»'
        || line.contains("打印") || line.contains("关闭") || line.contains("纠错") || line.contains("图片来源")
        || line.contains("加载") || line.contains("订阅") || line.contains("投稿") || line.contains("收听")
        || line.contains("时长") || line.contains("添加") || line.contains("爆料") || line.contains("报料")
        || line.contains("热线") || line.contains("在看") || line.contains("阅读原文") || line.contains("二维码")
        || line.contains("回复") || line.contains("下载") || line.contains("显示") || line.contains("星期")
        || line.contains("仅供参考") || line.contains("不构成") || line.contains("声明") || line.contains("代表作者")
        || line.contains("转载") || line.contains("著作权") || line.contains("分享给") || line.contains("|") || line.contains("｜")
        || line.contains("出品") || line.contains("供稿") || line.contains("供图") || line.contains("来稿") || line.contains("为准")
        || line.contains("未经") || line.contains("长按") || line.contains("扫码") || line.contains("扫描")
        || line.contains("识别") || line.contains("转发") || line.contains("举报")
        || n <= 40 && (line.contains("·") || line.contains("•")) || line.startsWith("第") && line.contains("期")
        || line.startsWith("题图") || line.startsWith("头图") || line.startsWith("封面") || line.startsWith("配图")
        || line.startsWith("图片") || line.startsWith("©") || line.regionMatches(true, 0, "copyright", 0, 9) || line.contains("赞同") || line.contains("菜单")
        || startsWithSymbol(line);
  }

  /** Whether {@code line} starts with whitespace or a character that is no letter, digit or CJK character (an emoji, an arrow). */
  private static boolean startsWithSymbol(String line) {
    return !line.isEmpty() && (Whitespace.isSpace(line.charAt(0)) || !Character.isLetterOrDigit(line.codePointAt(0)));
  }

  /** {@link #isNoise(String)} without the {@link #mayBeNoise(String)} shortcut, for tests. */
  static boolean isNoiseByPatterns(String line) {
    if (line.length() > NOISE_MAX_SHORT) {
      return isNoise(line);
    }
    return NOISE_ANY.matcher(line).matches() || guardedNoise(line, false);
  }

  /**
   * The public account named by a {@code 本文来自微信公众号：NAME（ID：…），作者：…} line, or {@code null}.
   */
  public static String wechatAccount(String line) {
    Matcher m = WECHAT.matcher(line);
    return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
  }

  private static final Pattern WECHAT =
      Pattern.compile("^本文(?:转载)?来?自?(?:于)?微信公众号\\s*[:：“\"「]?\\s*([^（(，,”\"」\\s]{1,30})"
          + "|^本文(?:转载)?(?:来自|转自|源自)(?:于)?(?:公众号)?\\s*[:：]?\\s*[“\"「]([^”\"」]{1,30})[”\"」]"
          + "|^本文(?:转载)?(?:来自|转自|源自)[^：:，,。]{1,12}专栏\\s*[:：]\\s*([^，,。（(\\s]{1,30})");

  private static final Pattern TERMINATOR =
      Pattern.compile(
          "^[【\\[]?\\s*(相关阅读|相关新闻|相关报道|相关链接|相关文章|相关推荐|相关专题|推荐阅读|延伸阅读|热门推荐|热点推荐|热门文章|热门新闻|往期回顾|往期推荐"
              + "|猜你喜欢|精彩推荐|百万用户都在看|今日好文推荐|好文推荐|往年回顾|更多精彩|更多新闻|更多报道|更多资讯|更多阅读|更多参考|今日推荐|大家都在看|网友评论|我要评论|发表评论|热门评论|最新评论|评论列表|相关视频"
              + "|热门视频|推荐视频|热门排行|排行榜|图文直播|文字直播|文中提及|本文提及|文中涉及|本文涉及"
              + "|往期(?=[\\p{IsHan}A-Za-z]{0,8}\\s*[】\\]]?\\s*[:：]?\\s*$))");

  /**
   * The characters {@link #TERMINATOR} and {@link #DISCLAIMER} can start with: an opening bracket,
   * whitespace, or the first character of one of their words.
   */
  private static final String TERMINATOR_FIRST = "【[ \t\n\u000B\f\r免版特郑相推延热往猜精更今大网我发最评排文本广转原图百好*＊";

  /** {@link #isTerminator(String)} without the {@link #TERMINATOR_FIRST} shortcut, for tests. */
  static boolean isTerminatorByPatterns(String line) {
    return DISCLAIMER.matcher(line).find() || line.length() <= 30 && TERMINATOR.matcher(line).find();
  }

  private static final Pattern DISCLAIMER =
      Pattern.compile("^[【\\[*＊]?\\s*(免责声明|版权声明|版权说明|版权申明|特别声明|版权所有|郑重声明|广告声明|转载说明|转载须知|原创声明)");

  /**
   * Whether {@code line} closes the article for good: an {@code END} mark, or the head, alone on its
   * line, of what follows articles (an author bio, a disclaimer, a risk note, forward-looking
   * statements, media contacts, job ads). What comes after it is not text (credits still count).
   */
  public static boolean isBodyEnd(String line) {
    return line.length() <= 24 && BODY_END.matcher(line).matches() || RISK_NOTE.matcher(line).lookingAt();
  }

  /** A finance story's closing risk note with its text: {@code 风险提示：原材料价格大幅波动风险；…}. */
  private static final Pattern RISK_NOTE = Pattern.compile("^[【\\[]?\\s*风险提示\\s*[】\\]]?\\s*[:：]");

  private static final Pattern BODY_END =
      Pattern.compile("^[-—–=\\s]*(?i:END|THE END|全文完)[-—–=\\s]*$"
          + "|^(\\d+[.、．]\\s*)?[【\\[]?(作者简介|作者介绍|关于作者|本文作者|专家简介|嘉宾简介|招聘信息|风险提示|免责声明|特别声明|前瞻性陈述|媒体垂询|媒体联络|媒体联系"
          + "|联系我们|关于我们)[】\\]]?\\s*[:：]?$"
          // a paper's tip-off box under its stories: 我要爆料 / 联系电话 / …未经授权不得转载
          + "|^(我要|新闻)?(爆料|报料)$");

  /** Whether {@code line} is a disclaimer ({@code 免责声明：…}, {@code 版权声明…}), which ends a body. */
  public static boolean isDisclaimer(String line) {
    return !line.isEmpty() && TERMINATOR_FIRST.indexOf(line.charAt(0)) >= 0 && DISCLAIMER.matcher(line).lookingAt();
  }

  /**
   * Whether {@code line} ends an article body: the head of a related or comments list (a short
   * line), or a disclaimer.
   */
  public static boolean isTerminator(String line) {
    if (line.isEmpty() || TERMINATOR_FIRST.indexOf(line.charAt(0)) < 0) {
      return false;
    }
    // both patterns start with ^: lookingAt, not find (which tries every start position)
    if (DISCLAIMER.matcher(line).lookingAt()) {
      return true;
    }
    return line.length() <= 30 && TERMINATOR.matcher(line).lookingAt();
  }
}
