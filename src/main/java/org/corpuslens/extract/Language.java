package org.corpuslens.extract;

/**
 * The script a text is mostly written in, from character counts: Han characters, kana, hangul and
 * words of other letters (a run of Latin letters is one word, as a Han character is roughly one
 * morpheme). Good enough to tell Chinese pages from the rest; not a language identifier.
 */
public final class Language {
  /** Chinese: Han characters are at least half of the units and there is little kana. */
  public static final String CHINESE = "zh";

  public static final String JAPANESE = "ja";
  public static final String KOREAN = "ko";

  /** Everything else (Latin, Cyrillic, ..., or no letters at all). */
  public static final String OTHER = "other";

  private Language() {}

  /** Counts of one text. */
  record Counts(int han, int kana, int hangul, int otherWords) {
    int units() {
      return han + kana + hangul + otherWords;
    }
  }

  static Counts count(String text) {
    int han = 0;
    int kana = 0;
    int hangul = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      boolean letter = Character.isLetter(c);
      if (script == Character.UnicodeScript.HAN) {
        han++;
        inWord = false;
      } else if (script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        kana++;
        inWord = false;
      } else if (script == Character.UnicodeScript.HANGUL) {
        hangul++;
        inWord = false;
      } else if (letter) {
        if (!inWord) {
          words++;
        }
        inWord = true;
      } else {
        inWord = false;
      }
    }
    return new Counts(han, kana, hangul, words);
  }

  /** Share of Han characters among the units of {@code text}, 0 when it has no letters. */
  public static double cjkShare(String text) {
    Counts c = count(text);
    return c.units() == 0 ? 0.0 : (double) c.han() / c.units();
  }

  /** {@code zh}, {@code ja}, {@code ko} or {@code other}. */
  public static String of(String text) {
    Counts c = count(text);
    int units = c.units();
    if (units == 0) {
      return OTHER;
    }
    if (c.hangul() * 2 >= units) {
      return KOREAN;
    }
    if (c.kana() > 0 && c.kana() * 5 >= c.han() + c.kana()) {
      return JAPANESE;
    }
    if (c.han() * 2 >= units) {
      return CHINESE;
    }
    return OTHER;
  }
}
