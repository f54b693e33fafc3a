package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes paragraphs of filler words with the planned phrases placed in random sentences, and
 * checks every sentence with the {@link MentionCounter}: a sentence whose mentions differ from
 * what its phrases were decided to hold (a keyword formed where a phrase meets a filler word) is
 * written again with other filler. Sentences end with Chinese punctuation, so no keyword can span
 * two sentences. Immutable and thread-safe.
 */
final class TextComposer {
  static final int MAX_SENTENCE_ATTEMPTS = 500;
  private static final String[] UNITS = {"年", "月", "亿元", "万元", "个", "家", "项", "%", "倍", "万人", "公里", "吨"};
  private static final String[] ENDINGS = {"。", "。", "。", "。", "。", "。", "。", "。", "。", "！", "？", "；"};

  private final Vocabulary vocabulary;
  private final MentionCounter counter;

  TextComposer(Vocabulary vocabulary, MentionCounter counter) {
    this.vocabulary = vocabulary;
    this.counter = counter;
  }

  /**
   * About {@code targetChars} characters of paragraphs holding all {@code phrases}.
   *
   * @param headingRate share of the paragraphs that are short heading lines
   */
  List<Paragraph> compose(Rng rng, int targetChars, List<Phrase> phrases, double headingRate) {
    int sentences = Math.max(1, (int) Math.round(targetChars / 30.0));
    // units: heading (one short line) or text paragraph (several sentences)
    List<Integer> unitSizes = new ArrayList<>();
    List<Boolean> unitHeading = new ArrayList<>();
    int planned = 0;
    while (planned < sentences) {
      boolean heading = planned > 0 && planned < sentences - 1 && rng.chance(headingRate);
      int n = heading ? 1 : Math.min(sentences - planned, 1 + rng.nextInt(4) + (rng.chance(0.3) ? rng.nextInt(3) : 0));
      unitSizes.add(n);
      unitHeading.add(heading);
      planned += n;
    }
    List<List<Phrase>> perSentence = new ArrayList<>(planned);
    for (int i = 0; i < planned; i++) {
      perSentence.add(new ArrayList<>());
    }
    for (Phrase p : phrases) {
      perSentence.get(rng.nextInt(planned)).add(p);
    }
    List<Paragraph> out = new ArrayList<>(unitSizes.size());
    int s = 0;
    for (int u = 0; u < unitSizes.size(); u++) {
      boolean heading = unitHeading.get(u);
      StringBuilder text = new StringBuilder();
      List<int[]> ranges = new ArrayList<>();
      for (int k = 0; k < unitSizes.get(u); k++, s++) {
        sentence(rng, perSentence.get(s), heading, text, ranges);
      }
      out.add(new Paragraph(text.toString(), heading, ranges));
    }
    return out;
  }

  /** Appends one checked sentence (or heading line) holding {@code phrases} to {@code out}. */
  void sentence(Rng rng, List<Phrase> phrases, boolean heading, StringBuilder out, List<int[]> ranges) {
    int[] want = new int[counter.topicCount()];
    for (Phrase p : phrases) {
      int[] m = p.mentions();
      for (int t = 0; t < want.length; t++) {
        want[t] += m[t];
      }
    }
    StringBuilder sb = new StringBuilder(160);
    List<int[]> local = new ArrayList<>();
    for (int attempt = 0; attempt < MAX_SENTENCE_ATTEMPTS; attempt++) {
      sb.setLength(0);
      local.clear();
      int words = heading ? rng.between(3, 7) : rng.between(5, 21);
      int[] at = new int[phrases.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = rng.nextInt(words + 1);
      }
      int nextComma = rng.between(3, 9);
      int sinceComma = 0;
      for (int w = 0; w <= words; w++) {
        for (int i = 0; i < at.length; i++) {
          if (at[i] == w) {
            Phrase p = phrases.get(i);
            if (p.kind() == Phrase.Kind.KEYWORD) {
              local.add(new int[] {sb.length(), sb.length() + p.text().length()});
            }
            sb.append(p.text());
          }
        }
        if (w == words) {
          break;
        }
        appendToken(rng, sb);
        sinceComma++;
        if (!heading && sinceComma >= nextComma && w < words - 2) {
          sb.append(rng.chance(0.85) ? '，' : '、');
          sinceComma = 0;
          nextComma = rng.between(3, 9);
        }
      }
      if (!heading) {
        sb.append(rng.pick(ENDINGS));
      }
      if (Arrays.equals(counter.count(sb), want)) {
        int offset = out.length();
        for (int[] r : local) {
          ranges.add(new int[] {r[0] + offset, r[1] + offset});
        }
        out.append(sb);
        return;
      }
    }
    throw new IllegalStateException(
        "could not write a sentence holding " + phrases + " with exactly the decided mentions in "
            + MAX_SENTENCE_ATTEMPTS + " attempts; the lexicon's keywords may combine with common words");
  }

  /** Filler words only, no phrase: a line that holds no mention (checked). */
  String fillerLine(Rng rng, int minWords, int maxWords) {
    StringBuilder sb = new StringBuilder();
    for (int attempt = 0; attempt < MAX_SENTENCE_ATTEMPTS; attempt++) {
      sb.setLength(0);
      int words = rng.between(minWords, maxWords);
      for (int w = 0; w < words; w++) {
        sb.append(vocabulary.word(rng));
      }
      if (counter.isFree(sb)) {
        return sb.toString();
      }
    }
    throw new IllegalStateException("could not write a line of filler words without mentions");
  }

  private void appendToken(Rng rng, StringBuilder sb) {
    double u = rng.nextDouble();
    if (u < 0.035) {
      sb.append(1 + rng.nextInt(rng.chance(0.5) ? 30 : 2000));
      if (rng.chance(0.2)) {
        sb.append('.').append(rng.nextInt(10));
      }
      sb.append(rng.pick(UNITS));
    } else if (u < 0.05) {
      sb.append('“').append(vocabulary.word(rng)).append(vocabulary.word(rng)).append('”');
    } else {
      sb.append(vocabulary.word(rng));
    }
  }
}
