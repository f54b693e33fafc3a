package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.List;

/** The sources of a generated corpus, derived from the seed; larger sources first. Immutable. */
final class SourceCatalog {
  private static final long SALT = 0x5EED_C0DE_0001L;
  private final List<SourceProfile> sources;
  private final AliasSampler sampler;

  SourceCatalog(long seed, int count, int topics) {
    if (count < 2) {
      throw new IllegalArgumentException("at least 2 sources are needed (duplicates go to another source)");
    }
    BodyStyle[] styles = BodyStyle.values();
    List<SourceProfile> list = new ArrayList<>();
    double[] weights = new double[count];
    for (int i = 0; i < count; i++) {
      Rng rng = Rng.of(seed, i, SALT);
      BodyStyle style = styles[i % styles.length];
      int round = i / styles.length;
      String name = style.names[round % style.names.length]
          + (round >= style.names.length ? String.valueOf(round / style.names.length + 1) : "");
      int nFeeds = rng.between(Math.min(3, style.feeds.length), style.feeds.length);
      List<String> feeds = new ArrayList<>();
      for (int f = 0; f < nFeeds; f++) {
        String feed = style.feeds[f];
        feeds.add(style == BodyStyle.SINA ? name + "－" + feed : feed);
      }
      double[] factors = new double[topics];
      for (int t = 0; t < topics; t++) {
        factors[t] = 0.4 + 1.2 * rng.nextDouble();
      }
      list.add(new SourceProfile(i, name, style.section, feeds, style, factors));
      weights[i] = 1.0 / (1.0 + 0.3 * i);
    }
    sources = List.copyOf(list);
    sampler = new AliasSampler(weights);
  }

  List<SourceProfile> sources() {
    return sources;
  }

  SourceProfile get(int index) {
    return sources.get(index);
  }

  SourceProfile pick(Rng rng) {
    return sources.get(sampler.sample(rng));
  }

  /** A source other than {@code not}. */
  SourceProfile pickOther(Rng rng, SourceProfile not) {
    SourceProfile s = pick(rng);
    return s.index() != not.index() ? s : sources.get((not.index() + 1 + rng.nextInt(sources.size() - 1)) % sources.size());
  }

  int size() {
    return sources.size();
  }
}
