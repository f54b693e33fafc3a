package org.corpuslens.segment;

import java.util.Locale;
import java.util.Set;

/**
 * Which word-segmentation convention the output follows where conventions disagree. HanLP's
 * Viterbi pass is the same for all of them; the standard decides only how its numbers and
 * quantities, person names and a few suffixes are cut afterwards. Measured on SIGHAN 2005 MSR and
 * on PKU test gold in {@code bench/segmenter.md}.
 *
 * <ul>
 *   <li>{@link #MSR} (the default, and what the tables count): a number with its measure word or
 *       unit is one word ({@code 3个}, {@code 55.6亿元}, {@code 2000年12月}), a person's name is one
 *       word ({@code 江泽民}), as in Microsoft Research's corpus; a run of ASCII hyphens written for
 *       a dash ({@code ---}) or an ellipsis ({@code ……}) is one word per character, as MSR's gold
 *       writes them.
 *   <li>{@link #PKU} (Peking University's People's Daily standard): dates, times of day, magnitudes,
 *       percentages and ordinals stay whole ({@code 2001年}, {@code 12月}, {@code 31日}, {@code
 *       23时}, {@code 55.6亿}, {@code 25％}, {@code 第三}), measure words and units are words of
 *       their own ({@code 第三 步}, {@code 40 多 个}, {@code 55.6亿 元}); a Chinese person's name
 *       is surname and given name ({@code 江 泽民}, {@code 欧阳 修}); a plural {@code 们} after a
 *       noun is a word ({@code 官兵 们}), not after a pronoun ({@code 我们}, {@code 人们}).
 * </ul>
 */
public enum SegmentationStandard {
  MSR,
  PKU;

  /** The standard named {@code name} (case-insensitive). */
  public static SegmentationStandard parse(String name) {
    for (SegmentationStandard s : values()) {
      if (s.name().equalsIgnoreCase(name.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown segmentation standard '" + name + "' (expected msr or pku)");
  }

  /** The lower-case name used on the command line and in settings files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Receives the words of one HanLP term, each as a range of the text with a tag. */
  @FunctionalInterface
  interface Words {
    void accept(int start, int end, String pos);
  }

  /**
   * Whether {@link #cut} may give anything but the term itself (a cheap test, so that most terms
   * skip the cut).
   */
  boolean mayCut(String text, int start, int end, String pos) {
    if (end - start < 2) {
      return false;
    }
    return switch (this) {
      case MSR -> text.charAt(start) == '-' || text.charAt(start) == '…';
      case PKU -> "mq".equals(pos) || "nr".equals(pos) || text.charAt(end - 1) == '们';
    };
  }

  /**
   * Cuts one HanLP term (the characters {@code text[start, end)}, tagged {@code pos}) by this
   * standard's rules.
   *
   * @param afterSurname whether the term before it was a one-character name part (HanLP already
   *     cut the surname off: {@code 赵 / 川东})
   */
  void cut(String text, int start, int end, String pos, boolean afterSurname, Words out) {
    switch (this) {
      case MSR -> cutMsr(text, start, end, pos, out);
      case PKU -> cutPku(text, start, end, pos, afterSurname, out);
      default -> throw new AssertionError(this);
    }
  }

  private static void cutMsr(String text, int start, int end, String pos, Words out) {
    if (end - start > 1 && (isRun(text, start, end, '-') || isRun(text, start, end, '…'))) {
      for (int i = start; i < end; i++) {
        out.accept(i, i + 1, pos);
      }
      return;
    }
    out.accept(start, end, pos);
  }

  private static boolean isRun(String text, int start, int end, char c) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != c) {
        return false;
      }
    }
    return true;
  }

  // ---- PKU ----

  /** Chinese numerals that make up a number (with digits). */
  private static final String NUMERALS = "〇○零一二三四五六七八九十两几壹贰叁肆伍陆柒捌玖拾";

  /** Magnitudes that stay with the number before them ({@code 55.6亿}, {@code 30万}). */
  private static final String MAGNITUDES = "百千万亿佰仟萬億";

  /** Approximators that are words of their own after a number ({@code 40 多 个}). */
  private static final String APPROXIMATORS = "多余来";

  /** Pronouns and words where {@code 们} belongs to the word. */
  private static final Set<String> WHOLE_PLURALS =
      Set.of("我们", "你们", "他们", "她们", "它们", "咱们", "人们", "您们", "哥们", "爷们", "娘们", "俺们", "祂们");

  /** Quantities that are words of PKU's lexicon. */
  private static final Set<String> WHOLE_QUANTITIES = Set.of("一个", "一些", "一点", "一下", "一切");

  /** Two-character surnames. */
  private static final Set<String> COMPOUND_SURNAMES = Set.of(
      "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
      "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "轩辕", "澹台", "申屠", "太史", "万俟", "闻人",
      "呼延", "赫连", "钟离", "宗政", "濮阳", "淳于", "单于", "拓跋", "百里", "东郭", "公羊", "谷梁");

  private static void cutPku(String text, int start, int end, String pos, boolean afterSurname, Words out) {
    if ("mq".equals(pos) && !WHOLE_QUANTITIES.contains(text.substring(start, end))) {
      cutQuantity(text, start, end, out);
    } else if ("nr".equals(pos) && !afterSurname && end - start >= 2 && end - start <= 4 && allHan(text, start, end)) {
      int given = end - start >= 3 && COMPOUND_SURNAMES.contains(text.substring(start, start + 2)) ? 2 : 1;
      out.accept(start, start + given, "nr");
      out.accept(start + given, end, "nr");
    } else if (end - start >= 2 && text.charAt(end - 1) == '们' && pos.startsWith("n")
        && !WHOLE_PLURALS.contains(text.substring(start, end)) && allHan(text, start, end)) {
      out.accept(start, end - 1, pos);
      out.accept(end - 1, end, "k");
    } else {
      out.accept(start, end, pos);
    }
  }

  private static boolean allHan(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (Character.UnicodeScript.of(text.charAt(i)) != Character.UnicodeScript.HAN) {
        return false;
      }
    }
    return true;
  }

  /**
   * A merged number-quantity ({@code 2000年12月}, {@code 40多个}, {@code 第十七届}, {@code 55.6亿元})
   * cut into PKU's words: each number with what stays with it (a date or time unit, a magnitude, a
   * percent sign, {@code 第} before it), then approximators and measure words on their own.
   */
  private static void cutQuantity(String text, int start, int end, Words out) {
    int i = start;
    while (i < end) {
      int numberStart = i;
      if (text.charAt(i) == '第') {
        i++;
      }
      int digitsStart = i;
      i = skipNumber(text, i, end);
      if (i == digitsStart && i < end && (MAGNITUDES.indexOf(text.charAt(i)) >= 0 || text.charAt(i) == '半')) {
        i++; // 万 人, 半 个: the magnitude or the half is the number
      }
      if (i == digitsStart) {
        // not a number here: a measure word, approximator or other character
        int wordEnd = i + 1;
        if (APPROXIMATORS.indexOf(text.charAt(i)) < 0) {
          while (wordEnd < end && !startsNumber(text.charAt(wordEnd)) && APPROXIMATORS.indexOf(text.charAt(wordEnd)) < 0) {
            wordEnd++;
          }
        }
        out.accept(numberStart, wordEnd, numberStart == i ? (APPROXIMATORS.indexOf(text.charAt(i)) >= 0 ? "m" : "q") : "m");
        i = wordEnd;
        continue;
      }
      int numberEnd = i;
      while (i < end && MAGNITUDES.indexOf(text.charAt(i)) >= 0) {
        i++;
        numberEnd = i;
      }
      if (i < end && staysWithNumber(text, digitsStart, numberEnd, text.charAt(i))) {
        numberEnd = ++i;
      }
      out.accept(numberStart, numberEnd, "m");
    }
  }

  /** The end of the number that starts at {@code from} (digits, numerals, a decimal point inside). */
  private static int skipNumber(String text, int from, int end) {
    int i = from;
    while (i < end) {
      char c = text.charAt(i);
      boolean inside = i > from && i + 1 < end && isDigitOrNumeral(text.charAt(i - 1)) && isDigitOrNumeral(text.charAt(i + 1));
      boolean decimal = (c == '.' || c == '．' || c == '点') && inside;
      if (isDigitOrNumeral(c) || decimal || (c == '几' || c == '数') && i + 1 < end && MAGNITUDES.indexOf(text.charAt(i + 1)) >= 0) {
        i++;
      } else if (MAGNITUDES.indexOf(c) >= 0 && inside) {
        i++; // 一千二百: a magnitude inside a Chinese numeral
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * A year: four digits or numerals ({@code 2001}, {@code 二○○一}), or numerals read digit by digit
   * ({@code 九七}), as opposed to a count of years ({@code 20}, {@code 二十}, {@code 100}).
   */
  private static boolean isYear(String text, int from, int to) {
    if (to - from == 4) {
      return true;
    }
    if (to - from < 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if ("〇○零一二三四五六七八九".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigitOrNumeral(char c) {
    return Character.isDigit(c) || NUMERALS.indexOf(c) >= 0;
  }

  private static boolean startsNumber(char c) {
    return isDigitOrNumeral(c) || c == '第';
  }

  /** Whether {@code unit} is part of the number {@code text[from, to)} in PKU's standard. */
  private static boolean staysWithNumber(String text, int from, int to, char unit) {
    switch (unit) {
      case '%', '％', '‰' -> {
        return true;
      }
      case '年' -> {
        return isYear(text, from, to); // 2001年, 二○○一年, 九七年; not a duration: 20 年, 100 年, 几 年
      }
      case '月', '日', '号', '时', '分' -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
