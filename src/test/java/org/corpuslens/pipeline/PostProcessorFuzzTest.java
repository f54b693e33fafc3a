package org.corpuslens.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.corpuslens.analytics.TopicLexicon;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.segment.Segmenters;

/**
 * Seeds are fixed so that CI is repeatable; change them (or remove them locally) to explore further.
 *
 * <p>Property: whatever the bytes, processing a file yields exactly one article or one reject, never
 * an exception, and an article always has non-blank text and a source.
 */
class PostProcessorFuzzTest {
  private static final String VALID =
      "\n---\ntitle: '两部门发布绿色金融&#123;试点&#125;方案'\ncategories: \n - 金融\n - 某财经\n - 要闻\n"
          + "headimg: ''\nauthor: 某财经\ncomments: false\ndate: Thu, 10 Feb 2022 15:04:05 GMT\nthumbnail: ''\n---\n\n"
          + "<div>   \n<p>　　记者从会上了解到，试点地区将扩大绿色信贷和绿色债券的规模，推动数字经济发展。</p>\n"
          + "<!--article_adlist[<p>广告</p>]article_adlist-->\n<style>.appendQr_wrap&#123;border:1px solid&#125;</style>\n"
          + "<div class=\"appendQr_wrap\">下载客户端</div>\n<p class=\"article-editor\">责任编辑：张三 </p>\n</div>\n";

  private static final PostProcessor PROCESSOR =
      new PostProcessor(
          Segmenters.get(SegmenterConfig.withDefaultStopWords(TopicLexicon.defaults().allKeywords())),
          Instant.parse("2026-11-29T00:00:00Z"));

  private static void assertOneOutcome(byte[] bytes) {
    FileOutcome outcome = PROCESSOR.process("file:/fuzz.md", "fuzz/fuzz.md", bytes);
    assertThat(outcome).isNotNull();
    assertThat(outcome.sizeBytes()).isEqualTo(bytes.length);
    if (outcome instanceof FileOutcome.Article a) {
      assertThat(a.text()).isNotBlank();
      assertThat(a.source()).isNotBlank();
      assertThat(a.text()).doesNotContain("\uFFFD");
    } else {
      FileOutcome.Reject r = (FileOutcome.Reject) outcome;
      assertThat(r.detail()).isNotBlank();
      assertThat(r.reason().name()).isNotEqualTo("PROCESSING_ERROR");
    }
  }

  @Property(tries = 1000, seed = "20261129")
  void randomBytes(@ForAll byte[] bytes) {
    assertOneOutcome(bytes);
  }

  @Property(tries = 3000, seed = "1129")
  void mutatedValidPosts(@ForAll("mutations") List<Mutation> mutations) {
    String text = VALID;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    assertOneOutcome(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500, seed = "42")
  void mutatedBytes(@ForAll("byteEdits") List<int[]> edits) {
    byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
    for (int[] e : edits) {
      bytes[Math.floorMod(e[0], bytes.length)] = (byte) e[1];
    }
    assertOneOutcome(bytes);
  }

  @Property(tries = 5)
  void theValidPostIsAnArticle() {
    FileOutcome outcome = PROCESSOR.process("file:/v.md", "v/v.md", VALID.getBytes(StandardCharsets.UTF_8));
    assertThat(outcome).isInstanceOfSatisfying(FileOutcome.Article.class, a -> {
      assertThat(a.title()).isEqualTo("两部门发布绿色金融{试点}方案");
      assertThat(a.editor()).isEqualTo("张三");
      assertThat(a.text()).isEqualTo("记者从会上了解到，试点地区将扩大绿色信贷和绿色债券的规模，推动数字经济发展。");
      assertThat(a.tokens()).extracting(t -> t.term()).contains("绿色信贷", "绿色债券", "数字经济");
    });
  }

  /** One edit of the post's text. */
  record Mutation(int kind, int at, int length, String insert) {
    String apply(String s) {
      int p = Math.floorMod(at, s.length() + 1);
      int end = Math.min(s.length(), p + length);
      return switch (kind) {
        case 0 -> s.substring(0, p) + s.substring(end); // delete
        case 1 -> s.substring(0, p) + insert + s.substring(p); // insert
        case 2 -> s.substring(0, p) + s.substring(p, end) + s.substring(p, end) + s.substring(end); // duplicate
        case 3 -> s.substring(0, p); // truncate
        default -> s.substring(0, p) + insert + s.substring(end); // replace
      };
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> fragments =
        Arbitraries.oneOf(
            Arbitraries.of("---", "\n---\n", "'", "\"", "\t", "&#123;", "}", "{", "!!java.lang.Object", "*a", "&a",
                "<", "<!--", "-->", "<p>", "</div>", "\u0000", "\uFEFF", "\r\n", "date: Invalid Date\n", "categories: x\n",
                "title: 'it's'\n", "  - 金融\n", "责任编辑：", "绿色金融", "\uD83D\uDE00", "\u3000"),
            Arbitraries.strings().ofMaxLength(20));
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, VALID.length()),
                Arbitraries.integers().between(0, 40),
                fragments)
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<int[]>> byteEdits() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
        .as((a, b) -> new int[] {a, b})
        .list()
        .ofMinSize(1)
        .ofMaxSize(10);
  }
}
