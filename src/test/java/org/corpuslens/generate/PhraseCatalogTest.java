package org.corpuslens.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.corpuslens.analytics.Topic;
import org.corpuslens.analytics.TopicLexicon;
import org.junit.jupiter.api.Test;

/** The phrases the generator inserts and the mentions it decides they hold. */
class PhraseCatalogTest {
  private final TopicLexicon lexicon = TopicLexicon.defaults();
  private final PhraseCatalog catalog = new PhraseCatalog(lexicon, new MentionCounter(lexicon));

  @Test
  void overlapsOfOneTopicAreOneMention() {
    assertThat(catalog.sameTopicOverlaps(2)).extracting(Phrase::text).contains("生物医药产业");
    assertThat(catalog.sameTopicOverlaps(0)).extracting(Phrase::text).contains("关键核心技术攻关");
    for (int t = 0; t < 4; t++) {
      for (Phrase p : catalog.sameTopicOverlaps(t)) {
        assertThat(p.mentions()).as(p.text()).containsExactly(unit(t));
      }
    }
  }

  @Test
  void overlapsOfTwoTopicsCountForBoth() {
    assertThat(catalog.twoTopicOverlaps()).extracting(Phrase::text).contains("数字化转型金融", "自主创新药", "生物技术攻关");
    for (Phrase p : catalog.twoTopicOverlaps()) {
      assertThat(p.totalMentions()).as(p.text()).isEqualTo(2);
    }
  }

  @Test
  void nearMissesHoldNoMention() {
    assertThat(catalog.nearMisses()).extracting(Phrase::text).contains("绿色发展", "数字技术", "绿色 金融");
    assertThat(catalog.nearMisses()).allSatisfy(p -> assertThat(p.totalMentions()).isZero());
  }

  @Test
  void aPlanHoldsExactlyTheWantedMentions() {
    Rng rng = new Rng(3);
    for (int i = 0; i < 2000; i++) {
      int[] wanted = {rng.nextInt(4), rng.nextInt(3), rng.nextInt(5), rng.nextInt(2)};
      int[] sum = new int[4];
      for (Phrase p : catalog.plan(rng, wanted)) {
        for (int t = 0; t < 4; t++) {
          sum[t] += p.mentions()[t];
        }
      }
      assertThat(sum).containsExactly(wanted);
    }
  }

  @Test
  void keywordsThatHoldAnotherTopicsKeywordAreNotWrittenAlone() {
    TopicLexicon nested = TopicLexicon.of(List.of(new Topic("A", List.of("数字经济", "算力")), new Topic("B", List.of("经济"))));
    PhraseCatalog c = new PhraseCatalog(nested, new MentionCounter(nested));
    assertThat(c.usableKeywords()).containsExactly("算力", "经济");
  }

  private static int[] unit(int t) {
    int[] m = new int[4];
    m[t] = 1;
    return m;
  }
}
