package org.corpuslens.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;

/**
 * The phrases the generator inserts, built from the lexicon, each with the mentions the generator
 * decides it holds by the topic rule (one mention per keyword; two keywords of one topic that share
 * characters are one mention, since mentions do not overlap; keywords of two topics count for each
 * topic). Every phrase is checked once against the {@link MentionCounter}; a phrase whose decided
 * mentions differ (e.g. a keyword of a custom lexicon that contains another topic's keyword) is
 * not used. Immutable.
 */
final class PhraseCatalog {
  /** Words that look like keywords of the default lexicon but are none. */
  private static final List<String> NEAR_MISSES =
      List.of(
          "绿色发展", "绿色低碳", "金融服务", "数字技术", "数字人民币", "生物多样性", "科技进步", "科技金融",
          "技术创新", "创新能力", "医药研发", "转型升级", "碳排放", "碳中和", "原始资料", "关键环节",
          "自主品牌", "数据安全", "产业链", "疫苗接种", "生物质能", "金融科技", "创新成果", "数字政府",
          "绿色建筑", "普惠金融", "医疗器械", "技术标准");

  private final int topics;
  private final List<List<Phrase>> keywords = new ArrayList<>();
  private final List<List<Phrase>> sameTopicOverlaps = new ArrayList<>();
  private final List<Phrase> twoTopicOverlaps = new ArrayList<>();
  private final List<Phrase> nearMisses = new ArrayList<>();
  private final List<String> usableKeywords = new ArrayList<>();

  /** Per topic with {@code all} groups: its usable keyword phrases per rule part that has any. */
  private final List<List<List<Phrase>>> partKeywords = new ArrayList<>();
  /** Per topic: its exclusion terms, as phrases that count for nothing. */
  private final List<List<Phrase>> exclusions = new ArrayList<>();

  PhraseCatalog(TopicLexicon lexicon, MentionCounter counter) {
    List<Topic> list = lexicon.topics();
    topics = list.size();
    for (int t = 0; t < topics; t++) {
      Topic topic = list.get(t);
      List<List<String>> parts = new ArrayList<>();
      if (!topic.all().isEmpty()) {
        parts.add(topic.any());
        parts.addAll(topic.all());
      }
      List<List<Phrase>> usable = new ArrayList<>();
      for (List<String> part : parts) {
        List<Phrase> ps = new ArrayList<>();
        for (String k : part) {
          Phrase p = new Phrase(k, unit(t, 1), Phrase.Kind.KEYWORD);
          if (agrees(p, counter)) {
            ps.add(p);
          }
        }
        if (!ps.isEmpty()) {
          usable.add(ps);
        }
      }
      partKeywords.add(usable);
      List<Phrase> nots = new ArrayList<>();
      for (String k : topic.not()) {
        Phrase p = new Phrase(k, new int[topics], Phrase.Kind.NEAR_MISS);
        if (agrees(p, counter)) {
          nots.add(p);
        }
      }
      exclusions.add(nots);
    }
    for (int t = 0; t < topics; t++) {
      List<Phrase> mine = new ArrayList<>();
      for (String k : list.get(t).keywords()) {
        Phrase p = new Phrase(k, unit(t, 1), Phrase.Kind.KEYWORD);
        if (agrees(p, counter)) {
          mine.add(p);
          usableKeywords.add(k);
        }
      }
      if (mine.isEmpty()) {
        throw new IllegalArgumentException(
            "topic '" + list.get(t).name() + "' has no keyword that can be written alone without also being another topic's keyword");
      }
      keywords.add(mine);
      sameTopicOverlaps.add(new ArrayList<>());
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int ta = 0; ta < topics; ta++) {
      for (String a : list.get(ta).keywords()) {
        for (int tb = 0; tb < topics; tb++) {
          for (String b : list.get(tb).keywords()) {
            if (a.equals(b)) {
              continue;
            }
            for (int ov = Math.min(a.length(), b.length()) - 1; ov >= 1; ov--) {
              if (!a.regionMatches(a.length() - ov, b, 0, ov)) {
                continue;
              }
              String text = a + b.substring(ov);
              if (!seen.add(text)) {
                continue;
              }
              int[] m = unit(ta, 1);
              m[tb] += ta == tb ? 0 : 1;
              Phrase p = new Phrase(text, m, ta == tb ? Phrase.Kind.OVERLAP_SAME_TOPIC : Phrase.Kind.OVERLAP_TWO_TOPICS);
              if (agrees(p, counter)) {
                (ta == tb ? sameTopicOverlaps.get(ta) : twoTopicOverlaps).add(p);
              }
            }
          }
        }
      }
    }
    for (String s : NEAR_MISSES) {
      Phrase p = new Phrase(s, new int[topics], Phrase.Kind.NEAR_MISS);
      if (agrees(p, counter)) {
        nearMisses.add(p);
      }
    }
    for (String k : usableKeywords) {
      if (k.length() >= 2) {
        int cut = k.length() / 2;
        Phrase p = new Phrase(k.substring(0, cut) + " " + k.substring(cut), new int[topics], Phrase.Kind.NEAR_MISS);
        if (agrees(p, counter)) {
          nearMisses.add(p);
        }
      }
    }
  }

  private static boolean agrees(Phrase p, MentionCounter counter) {
    return Arrays.equals(p.mentions(), counter.count(p.text()));
  }

  private int[] unit(int topic, int n) {
    int[] m = new int[topics];
    m[topic] = n;
    return m;
  }

  int topicCount() {
    return topics;
  }

  /** Phrases whose mentions add up to exactly {@code wanted} (per topic). */
  List<Phrase> plan(Rng rng, int[] wanted) {
    int[] remaining = wanted.clone();
    List<Phrase> out = new ArrayList<>();
    while (true) {
      int t = pickRemaining(rng, remaining);
      if (t < 0) {
        return out;
      }
      Phrase chosen = null;
      double u = rng.nextDouble();
      if (u < 0.07) {
        List<Phrase> fit = new ArrayList<>();
        for (Phrase p : twoTopicOverlaps) {
          if (p.mentionsOf(t) > 0 && fits(p, remaining)) {
            fit.add(p);
          }
        }
        if (!fit.isEmpty()) {
          chosen = rng.pick(fit);
        }
      } else if (u < 0.16 && !sameTopicOverlaps.get(t).isEmpty()) {
        chosen = rng.pick(sameTopicOverlaps.get(t));
      }
      if (chosen == null) {
        List<List<Phrase>> parts = partKeywords.get(t);
        // a rule topic's keywords go round its parts (any, group 1, group 2 ...), so that an
        // article with enough mentions has a term of every group
        chosen = parts.isEmpty() ? rng.pick(keywords.get(t)) : rng.pick(parts.get((wanted[t] - remaining[t]) % parts.size()));
      }
      int[] m = chosen.mentions();
      for (int i = 0; i < topics; i++) {
        remaining[i] -= m[i];
      }
      out.add(chosen);
    }
  }

  private static boolean fits(Phrase p, int[] remaining) {
    int[] m = p.mentions();
    for (int i = 0; i < m.length; i++) {
      if (m[i] > remaining[i]) {
        return false;
      }
    }
    return true;
  }

  private static int pickRemaining(Rng rng, int[] remaining) {
    int count = 0;
    for (int r : remaining) {
      if (r > 0) {
        count++;
      }
    }
    if (count == 0) {
      return -1;
    }
    int k = rng.nextInt(count);
    for (int i = 0; i < remaining.length; i++) {
      if (remaining[i] > 0 && k-- == 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** A random keyword of any topic (for titles and boilerplate, where it must not count). */
  String anyKeyword(Rng rng) {
    return rng.pick(usableKeywords);
  }

  /** A random usable keyword of one topic. */
  Phrase keyword(Rng rng, int topic) {
    return rng.pick(keywords.get(topic));
  }

  boolean hasExclusions(int topic) {
    return !exclusions.get(topic).isEmpty();
  }

  /** A random exclusion term of {@code topic}, or null when it has none. */
  Phrase exclusion(Rng rng, int topic) {
    return exclusions.get(topic).isEmpty() ? null : rng.pick(exclusions.get(topic));
  }

  Phrase nearMiss(Rng rng) {
    return nearMisses.isEmpty() ? null : rng.pick(nearMisses);
  }

  List<Phrase> nearMisses() {
    return List.copyOf(nearMisses);
  }

  List<Phrase> twoTopicOverlaps() {
    return List.copyOf(twoTopicOverlaps);
  }

  List<Phrase> sameTopicOverlaps(int topic) {
    return List.copyOf(sameTopicOverlaps.get(topic));
  }

  List<String> usableKeywords() {
    return List.copyOf(usableKeywords);
  }
}
