package org.corpuslens.segment;

/**
 * The character rules that drop terms regardless of the stop list: punctuation, symbols and
 * whitespace, and numbers.
 */
final class TermRules {

  /** Chinese numeral characters, including financial forms and {@code 〇}. */
  private static final String CHINESE_NUMERALS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兆";

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
   * True if the term is a number: {@code 2022}, {@code ２０２２}, {@code 3.5}, {@code 50%}, {@code
   * 三}, {@code 十二万}, {@code 二〇二二}, {@code 第一}, {@code 百分之}. Every character must be a
   * digit, a Chinese numeral or one of the number parts above, with at least one digit or numeral.
   * A term made only of Chinese characters is a number only when HanLP also tags it as one (a tag
   * starting with {@code m}), so the adverb {@code 千万} ("by all means", {@code d}) stays.
   *
   * @param term the term
   * @param pos HanLP's tag of the term
   */
  static boolean isNumber(String term, String pos) {
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
}
