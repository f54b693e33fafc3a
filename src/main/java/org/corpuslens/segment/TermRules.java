package org.corpuslens.segment;

/**
 * The character rules that drop terms regardless of the stop list: punctuation, symbols and
 * whitespace, and numbers.
 */
final class TermRules {

  /** Chinese numeral characters, including financial forms and {@code 〇}. */
  private static final String CHINESE_NUMERALS =
      "〇零一二三四五六七八九十百千万亿两" + "壹贰叁肆伍陆柒捌玖拾佰仟萬億兆";

  /**
   * Characters that may appear in a number besides digits and numerals: decimal and thousands
   * separators, signs, percent and per-mille signs, and the words of {@code 第三}, {@code
   * 百分之五十}, {@code 三点五}, {@code 十几}, {@code 三十余}, {@code 二十多}, {@code 一半}.
   */
  private static final String NUMBER_PARTS = ".．,，·・%％‰‱+＋-－−/／第点分之几余多半";

  private TermRules() {}

  /** True if the term has no letter and no digit: punctuation, symbols, emoji, whitespace. */
  static boolean isSymbolOrSpace(String term) {
    return term.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  /**
   * True if the term is a number or a quantity.
   *
   * <ul>
   *   <li>Numbers: {@code 2022}, {@code ２０２２}, {@code 3.5}, {@code 50%}, {@code 三}, {@code
   *       十二万}, {@code 二〇二二}, {@code 第一}, {@code 百分之}: every character is a digit, a
   *       Chinese numeral or one of the number parts above, with at least one digit or numeral. A
   *       term made only of Chinese characters is a number only when HanLP also tags it as one (a
   *       tag starting with {@code m}), so the adverb {@code 千万} ({@code d}) stays.
   *   <li>Quantities: a term tagged {@code mq} (HanLP's number-quantifier merge: {@code 2022年},
   *       {@code 3.5亿元}, {@code 三个}, {@code 十几年来}) that starts with a digit, a numeral or
   *       {@code 第}.
   * </ul>
   *
   * @param term the term
   * @param pos HanLP's tag of the term
   */
  static boolean isNumber(String term, String pos) {
    if (term.isEmpty()) {
      return false;
    }
    if ("mq".equals(pos) && startsNumber(term.charAt(0))) {
      return true;
    }
    boolean digit = false;
    boolean numeral = false;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (Character.isDigit(c)) {
        digit = true;
      } else if (CHINESE_NUMERALS.indexOf(c) >= 0) {
        numeral = true;
      } else if (NUMBER_PARTS.indexOf(c) < 0) {
        return false;
      }
    }
    return digit || (numeral && pos.startsWith("m"));
  }

  private static boolean startsNumber(char c) {
    return Character.isDigit(c) || CHINESE_NUMERALS.indexOf(c) >= 0 || c == '第';
  }
}
