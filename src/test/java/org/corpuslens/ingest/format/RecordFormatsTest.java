package org.corpuslens.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordFormatsTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPostIsRecognisedByItsFenceWhateverItsName() {
    assertThat(new PostFormat().detect("a.md", b("\n---\ntitle: x\n---\n正文"))).isEqualTo(Match.CONTENT);
    assertThat(new PostFormat().detect("a.html", b("\uFEFF---\r\ntitle: x\r\n---\r\n"))).isEqualTo(Match.CONTENT);
    assertThat(new PostFormat().detect("a.txt", b("---\ntitle: x\n---\n"))).isEqualTo(Match.CONTENT);
    // the name alone: an .html file that is not a post is still offered to the post format
    assertThat(new PostFormat().detect("a.html", b("<html><body>x</body></html>"))).isEqualTo(Match.NAME);
    assertThat(new PostFormat().detect("a.json", b("{\"title\": \"x\"}"))).isEqualTo(Match.NO);
    // a rule of four dashes or text after the fence is not a fence
    assertThat(new PostFormat().detect("a.json", b("----\n"))).isEqualTo(Match.NO);
    assertThat(new PostFormat().detect("a.json", b("--- x\n"))).isEqualTo(Match.NO);
  }

  @Test
  void contentBeatsNameAndForcedBeatsBoth() {
    assertThat(RecordFormats.choose("a.md", b("---\n"), null)).map(RecordFormat::name).contains("post");
    assertThat(RecordFormats.choose("a.htm", b(""), null)).map(RecordFormat::name).contains("post");
    assertThat(RecordFormats.choose("a.dat", b("plain words"), null)).isEmpty();
    RecordFormat post = RecordFormats.byName("post").orElseThrow();
    assertThat(RecordFormats.choose("a.dat", b("plain words"), post)).contains(post);
  }

  @Test
  void formatNamesAreUniqueAndAutoComesFirst() {
    assertThat(RecordFormats.names()).startsWith("auto").doesNotHaveDuplicates();
    assertThat(RecordFormats.mayHoldManyRecords("a.md", null)).isFalse();
  }
}
