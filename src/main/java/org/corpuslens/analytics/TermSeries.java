package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One term's counts over the periods, turned into the candidate rows of {@code term_keyness} and
 * {@code term_changes}: plain Java, no Spark types, run once per term (the term's rows of {@code
 * term_frequencies} and of the topic articles' term frequencies arrive together).
 *
 * <p>For a target with {@code a} occurrences among {@code c} tokens and a reference with {@code b}
 * among {@code d}: {@link #score} gives the expected counts, Dunning's G² and Hardie's log ratio
 * (see {@link TermKeyness}). What a target and its reference are:
 *
 * <ul>
 *   <li>a period against the rest of the corpus (undated articles included in the rest), or
 *       against the {@code window} periods before it (undated articles are no period and in no
 *       window);
 *   <li>a source's articles of a period against the period's other sources;
 *   <li>a topic's articles of a period against the period's other articles.
 * </ul>
 *
 * Periods are numbered 0 to n−1 in time order; {@link Periods} holds their token counts.
 */
public final class TermSeries {
  /** Period number of an entry without a period (undated articles). */
  public static final int NO_PERIOD = -1;

  /**
   * One row of the term: a (period, source) of {@code term_frequencies}, or a (period, topic) of
   * the topic articles' term frequencies.
   *
   * @param topic true for a topic row ({@code key} is the topic), false for a source row
   * @param period period number, or {@link #NO_PERIOD}
   * @param count occurrences of the term
   * @param docs articles that contain it
   * @param tokens all terms of the (period, source) or (period, topic) articles
   * @param content whether this row's term and part of speech make a content term
   * @param summary true for a period's sum over its sources (an update's periods without new
   *     articles): counted in the period's and the corpus' sums, no source target of its own
   */
  public record Entry(
      boolean topic, int period, String key, long count, long docs, long tokens, boolean content, boolean summary) {
    /** A source or topic row. */
    public Entry(boolean topic, int period, String key, long count, long docs, long tokens, boolean content) {
      this(topic, period, key, count, docs, tokens, content, false);
    }
  }

  /**
   * Token counts of the periods in time order, and of the whole corpus (undated articles
   * included), with prefix sums for the window sums.
   */
  public static final class Periods {
    private final long[] tokens;
    private final long[] prefix;
    private final long allTokens;

    public Periods(long[] tokens, long allTokens) {
      this.tokens = tokens.clone();
      this.prefix = new long[tokens.length + 1];
      for (int i = 0; i < tokens.length; i++) {
        prefix[i + 1] = prefix[i] + tokens[i];
      }
      this.allTokens = allTokens;
    }

    public int size() {
      return tokens.length;
    }

    long tokens(int period) {
      return tokens[period];
    }

    /** Tokens of the up to {@code window} periods before {@code period}. */
    long before(int period, int window) {
      return prefix[period] - prefix[Math.max(0, period - window)];
    }
  }

  /**
   * Expected counts, G² and log ratio of a target (a of c) against a reference (b of d); c and d
   * positive.
   */
  public record Score(double expected, double referenceExpected, double logLikelihood, double logRatio) {}

  private static final double LN2 = StrictMath.log(2.0);

  /** The arithmetic of {@link TermKeyness}, in the same order of operations as Spark's. */
  public static Score score(long a, long b, long c, long d) {
    double da = a;
    double db = b;
    double dc = c;
    double dd = d;
    double e1 = dc * (da + db) / (dc + dd);
    double e2 = dd * (da + db) / (dc + dd);
    double termA = a > 0 ? da * StrictMath.log(da / e1) : 0.0;
    double termB = b > 0 ? db * StrictMath.log(db / e2) : 0.0;
    double relA = (a == 0 ? 0.5 : da) / dc;
    double relB = (b == 0 ? 0.5 : db) / dd;
    return new Score(e1, e2, (termA + termB) * 2.0, StrictMath.log(relA / relB) / LN2);
  }

  /**
   * A candidate row: for {@code term_keyness} ({@code change} false; {@code source} or {@code
   * topic} set for those targets) or {@code term_changes} ({@code change} true). Direction is
   * over/under or rising/falling.
   */
  public record Candidate(
      boolean change, int period, String source, String topic, long count, long docs, long targetTokens,
      long referenceCount, long referenceTokens, Score score, String direction) {}

  /** Which candidates to make; a null setting makes none of that table. */
  public record Settings(TermKeyness.Settings keyness, TermKeyness.ChangeSettings changes) implements java.io.Serializable {}

  private TermSeries() {}

  /** The term's dated source rows summed per period, in period order: parallel arrays. */
  private static final class Sums {
    final int[] period;
    final long[] count;
    final long[] docs;
    final boolean[] content;
    final long total;

    Sums(List<Entry> entries, int periods) {
      List<Entry> dated = new ArrayList<>(entries.size());
      long undated = 0;
      for (Entry e : entries) {
        if (e.topic()) {
          continue;
        }
        if (e.period() == NO_PERIOD) {
          undated += e.count();
        } else if (e.period() < 0 || e.period() >= periods) {
          throw new IllegalArgumentException("period number " + e.period() + " out of range 0.." + (periods - 1));
        } else {
          dated.add(e);
        }
      }
      dated.sort(Comparator.comparingInt(Entry::period));
      int[] p = new int[dated.size()];
      long[] c = new long[dated.size()];
      long[] d = new long[dated.size()];
      boolean[] t = new boolean[dated.size()];
      int n = 0;
      long all = undated;
      for (Entry e : dated) {
        if (n == 0 || p[n - 1] != e.period()) {
          p[n++] = e.period();
        }
        c[n - 1] += e.count();
        d[n - 1] += e.docs();
        t[n - 1] |= e.content();
        all += e.count();
      }
      this.period = Arrays.copyOf(p, n);
      this.count = Arrays.copyOf(c, n);
      this.docs = Arrays.copyOf(d, n);
      this.content = Arrays.copyOf(t, n);
      this.total = all;
    }

    /** Index of {@code p} in {@link #period}, or negative when the term has no dated row there. */
    int find(int p) {
      return Arrays.binarySearch(period, p);
    }

    long countAt(int p) {
      int i = find(p);
      return i < 0 ? 0 : count[i];
    }
  }

  /** Emits the term's candidate rows that pass the settings' minimums and G² threshold. */
  public static void candidates(List<Entry> entries, Periods periods, Settings settings, Consumer<Candidate> out) {
    Sums sums = new Sums(entries, periods.size());
    TermKeyness.Settings k = settings.keyness();
    if (k != null) {
      if (k.window() == 0) {
        for (int i = 0; i < sums.period.length; i++) {
          int p = sums.period[i];
          if (sums.content[i]) {
            keyness(k, p, null, null, sums.count[i], sums.docs[i], periods.tokens(p), sums.total - sums.count[i],
                periods.allTokens - periods.tokens(p), out);
          }
        }
      } else {
        preceding(sums, periods, k.window(), (p, b, isContent) -> {
          int i = sums.find(p);
          if (isContent && i >= 0) { // only periods where the term occurs: the minimum count is at least 1
            keyness(k, p, null, null, sums.count[i], sums.docs[i], periods.tokens(p), b, periods.before(p, k.window()), out);
          }
        });
      }
      for (Entry e : entries) {
        if (e.content() && !e.summary() && e.period() != NO_PERIOD && sums.find(e.period()) >= 0) {
          keyness(k, e.period(), e.topic() ? null : e.key(), e.topic() ? e.key() : null, e.count(), e.docs(), e.tokens(),
              sums.countAt(e.period()) - e.count(), periods.tokens(e.period()) - e.tokens(), out);
        }
      }
    }
    TermKeyness.ChangeSettings ch = settings.changes();
    if (ch != null) {
      preceding(sums, periods, ch.window(), (p, b, isContent) -> {
        if (isContent) {
          change(ch, p, sums.countAt(p), periods.tokens(p), b, periods.before(p, ch.window()), out);
        }
      });
    }
  }

  private interface WindowRow {
    void accept(int period, long referenceCount, boolean content);
  }

  /**
   * Each period where the term occurs or occurred in the {@code window} periods before, with the
   * occurrences in those periods and whether it is a content term in this period or any of those.
   */
  private static void preceding(Sums sums, Periods periods, int window, WindowRow row) {
    int[] targets = new int[sums.period.length * (window + 1)];
    int n = 0;
    for (int s : sums.period) {
      for (int p = s; p <= s + window && p < periods.size(); p++) {
        targets[n++] = p;
      }
    }
    int[] sorted = Arrays.stream(targets, 0, n).sorted().distinct().toArray();
    for (int p : sorted) {
      int i = sums.find(p);
      boolean isContent = i >= 0 && sums.content[i];
      long b = 0;
      int from = sums.find(p - window);
      for (int j = from >= 0 ? from : -from - 1; j < sums.period.length && sums.period[j] < p; j++) {
        b += sums.count[j];
        isContent |= sums.content[j];
      }
      row.accept(p, b, isContent);
    }
  }

  private static void keyness(
      TermKeyness.Settings k, int period, String source, String topic, long a, long docs, long c, long b, long d,
      Consumer<Candidate> out) {
    if (a < k.minCount() || docs < k.minDocs() || c <= 0 || d <= 0) {
      return;
    }
    Score s = score(a, b, c, d);
    if (s.logLikelihood() < k.minLogLikelihood()) {
      return;
    }
    String direction = a * d > b * c ? TermKeyness.OVER : TermKeyness.UNDER;
    out.accept(new Candidate(false, period, source, topic, a, docs, c, b, d, s, direction));
  }

  private static void change(
      TermKeyness.ChangeSettings ch, int period, long a, long c, long b, long d, Consumer<Candidate> out) {
    if (c <= 0 || d <= 0 || a * d == b * c) {
      return;
    }
    boolean rising = a * d > b * c;
    if ((rising ? a : b) < ch.minCount()) {
      return;
    }
    Score s = score(a, b, c, d);
    if (s.logLikelihood() < ch.minLogLikelihood()) {
      return;
    }
    out.accept(new Candidate(true, period, null, null, a, 0, c, b, d, s, rising ? TermKeyness.RISING : TermKeyness.FALLING));
  }
}
