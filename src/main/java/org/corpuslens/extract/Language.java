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

  /** What {@link #count(String)} makes of one code point. */
  enum Kind {
    HAN,
    KANA,
    HANGUL,
    LETTER,
    OTHER
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
      switch (kind(c)) {
        case HAN -> {
          han++;
          inWord = false;
        }
        case KANA -> {
          kana++;
          inWord = false;
        }
        case HANGUL -> {
          hangul++;
          inWord = false;
        }
        case LETTER -> {
          if (!inWord) {
            words++;
          }
          inWord = true;
        }
        default -> inWord = false;
      }
    }
    return new Counts(han, kana, hangul, words);
  }

  /**
   * The kind of {@code c}: as {@link #kindByScript(int)}, with the ranges that make up nearly all
   * of a Chinese page answered without the Unicode script table (its binary search was most of the
   * language count's time). {@code LanguageTest} checks the two agree on every code point.
   */
  static Kind kind(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? Kind.LETTER : Kind.OTHER;
    }
    if (c >= 0x4E00 && c <= 0x9FEF) {
      return Kind.HAN; // CJK Unified Ideographs, all assigned since Unicode 11
    }
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0xFF01 && c <= 0xFF20) || c == 0x3001 || c == 0x3002
        || (c >= 0x3008 && c <= 0x3011)) {
      return Kind.OTHER; // general punctuation, full-width punctuation and digits, 、。and CJK brackets
    }
    return kindByScript(c);
  }

  /** The kind of {@code c} from its Unicode script and letter property. */
  static Kind kindByScript(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script == Character.UnicodeScript.HAN) {
      return Kind.HAN;
    }
    if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
      return Kind.KANA;
    }
    if (script == Character.UnicodeScript.HANGUL) {
      return Kind.HANGUL;
    }
    return Character.isLetter(c) ? Kind.LETTER : Kind.OTHER;
  }

  /** Share of Han characters among the units of {@code text}, 0 when it has no letters. */
  public static double cjkShare(String text) {
    return cjkShare(count(text));
  }

  static double cjkShare(Counts c) {
    return c.units() == 0 ? 0.0 : (double) c.han() / c.units();
  }

  /** {@code zh}, {@code ja}, {@code ko} or {@code other}. */
  public static String of(String text) {
    return of(count(text));
  }

  static String of(Counts c) {
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
