package org.corpuslens.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpuslens.ingest.RejectReason;
import org.junit.jupiter.api.Test;

class JsonFormatsTest {
  private static final String LINES = String.join("\n",
      "{\"news_id\": \"a1\", \"title\": \"第一条\", \"content\": \"正文一\", \"time\": \"2016-04-09 17:47\"}",
      "",
      "{\"news_id\": \"a2\", \"title\": \"第二条\", \"content\": \"正文二\"",          // truncated
      "[1, 2]",                                                                       // not an object
      "{\"title\": \"甲\", \"title\": \"乙\", \"content\": \"x\"}",                      // duplicate key
      "{\"news_id\": \"a3\", \"title\": \"第三条\", \"content\": \"正文三\"} trailing",  // text after the object
      "{\"news_id\": \"a4\", \"title\": \"第四条\", \"content\": \"正文四\"}\r",         // CRLF
      "");

  static List<SourceRecord> read(RecordFormat f, byte[] bytes, long start, long end, long first, long max, Map<String, String> options)
      throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    in.skip(start);
    RecordInput input = new RecordInput("file:/d/x.jsonl", "d/x.jsonl", "x.jsonl", "d", bytes.length, in, start, end, first, max, options);
    List<SourceRecord> out = new ArrayList<>();
    try (RecordIterator it = f.open(input)) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  static List<SourceRecord> whole(RecordFormat f, String text) throws IOException {
    return read(f, text.getBytes(StandardCharsets.UTF_8), 0, Long.MAX_VALUE, 1, 1 << 20, Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> fields(SourceRecord r) {
    return ((Content.Fields) r.content()).values();
  }

  @Test
  void everyLineIsOneRecordOrOneBadRecordWithItsLineNumber() throws IOException {
    List<SourceRecord> records = whole(new JsonLinesFormat(), LINES);
    assertThat(records).extracting(SourceRecord::sourcePath).containsExactly(
        "file:/d/x.jsonl#1", "file:/d/x.jsonl#3", "file:/d/x.jsonl#4", "file:/d/x.jsonl#5", "file:/d/x.jsonl#6", "file:/d/x.jsonl#7");
    assertThat(fields(records.get(0))).containsEntry("title", "第一条").containsEntry("time", "2016-04-09 17:47");
    assertThat(records.get(1).failure().reason()).isEqualTo(RejectReason.BAD_RECORD);
    assertThat(records.get(1).failure().detail()).startsWith("line 3: ").contains("end-of-input");
    assertThat(records.get(2).failure().detail()).isEqualTo("line 4: the line is an array, not a JSON object");
    assertThat(records.get(3).failure().detail()).isEqualTo("line 5: duplicate key \"title\"");
    assertThat(records.get(4).failure().detail()).startsWith("line 6: ");
    assertThat(fields(records.get(5))).containsEntry("content", "正文四");
    assertThat(records).extracting(SourceRecord::idKey).startsWith("d/x.jsonl#1");
  }

  @Test
  void aByteOrderMarkAndATenMegabyteLineAreRead() throws IOException {
    String big = "数".repeat(3_500_000); // 10.5 MB of UTF-8 on one line
    String text = "\uFEFF{\"title\": \"长文\", \"content\": \"" + big + "\"}\n{\"title\": \"短\", \"content\": \"x\"}\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<SourceRecord> records = read(new JsonLinesFormat(), bytes, 0, Long.MAX_VALUE, 1, 20_000_000, Map.of());
    assertThat(records).hasSize(2);
    assertThat((String) fields(records.get(0)).get("content")).hasSize(3_500_000);
    // over the per-record limit: TOO_LARGE for that line only, never held in memory
    List<SourceRecord> limited = read(new JsonLinesFormat(), bytes, 0, Long.MAX_VALUE, 1, 1_000_000, Map.of());
    assertThat(limited.get(0).failure().reason()).isEqualTo(RejectReason.TOO_LARGE);
    assertThat(limited.get(0).failure().detail()).startsWith("line 1 has 10,500,");
    assertThat(fields(limited.get(1))).containsEntry("title", "短");
  }

  @Test
  void anyCutIntoTwoRangesGivesEveryLineExactlyOnceWithTheSameNumber() throws IOException {
    byte[] bytes = LINES.getBytes(StandardCharsets.UTF_8);
    List<String> expected = whole(new JsonLinesFormat(), LINES).stream().map(JsonFormatsTest::describe).toList();
    for (int cut = 1; cut < bytes.length; cut++) {
      long breaks = 0;
      for (int i = 0; i < cut; i++) {
        if (bytes[i] == '\n') {
          breaks++;
        }
      }
      List<SourceRecord> both = new ArrayList<>(read(new JsonLinesFormat(), bytes, 0, cut, 1, 1 << 20, Map.of()));
      both.addAll(read(new JsonLinesFormat(), bytes, cut, bytes.length, breaks + 2, 1 << 20, Map.of()));
      assertThat(both.stream().map(JsonFormatsTest::describe).toList()).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  private static String describe(SourceRecord r) {
    return r.sourcePath() + " " + (r.failure() != null ? r.failure().reason() : fields(r).get("title"));
  }

  @Test
  void jsonLinesIsRecognisedByItsFirstLineAndADocumentByItsBracket() {
    byte[] lines = LINES.getBytes(StandardCharsets.UTF_8);
    assertThat(RecordFormats.choose("news2016zh_train.json", lines, null)).map(RecordFormat::name).contains("jsonl");
    byte[] doc = "{\n  \"date\": \"2026-06-12\",\n  \"articles\": []\n}".getBytes(StandardCharsets.UTF_8);
    assertThat(RecordFormats.choose("2026-06-12.json", doc, null)).map(RecordFormat::name).contains("json");
    assertThat(RecordFormats.choose("a.json", "[{}]".getBytes(StandardCharsets.UTF_8), null)).map(RecordFormat::name).contains("json");
    assertThat(RecordFormats.choose("a.ndjson", new byte[0], null)).map(RecordFormat::name).contains("jsonl");
  }

  @Test
  void aDocumentStreamsItsArticlesArray() throws IOException {
    String doc = """
        {"date": "2026-06-12", "count": 3, "articles": [
          {"title": "甲", "content": ["第一段", "第二段"], "publish_time": "2026-06-12 11:38"},
          "not an object",
          {"title": "丙", "title": "丁", "content": []},
          {"title": "戊", "content": ["x"]}
        ], "tail": {"ignored": [1, 2]}}
        """;
    List<SourceRecord> records = whole(new JsonDocumentFormat(), doc);
    assertThat(records).extracting(SourceRecord::sourcePath).containsExactly(
        "file:/d/x.jsonl#1", "file:/d/x.jsonl#2", "file:/d/x.jsonl#3", "file:/d/x.jsonl#4");
    assertThat(fields(records.get(0))).containsEntry("content", List.of("第一段", "第二段"));
    assertThat(records.get(1).failure().detail()).isEqualTo("element 2 is text, not an object");
    assertThat(records.get(2).failure().detail()).contains("\"title\" twice");
    assertThat(fields(records.get(3))).containsEntry("title", "戊");
  }

  @Test
  void aTopLevelArrayAndASingleObjectAndANamedPath() throws IOException {
    assertThat(whole(new JsonDocumentFormat(), "[{\"title\": \"a\"}, {\"title\": \"b\"}]")).extracting(r -> fields(r).get("title"))
        .containsExactly("a", "b");
    assertThat(whole(new JsonDocumentFormat(), "{\"title\": \"a\", \"keywords\": [\"x\", \"y\"]}")).singleElement()
        .satisfies(r -> assertThat(fields(r)).containsEntry("keywords", List.of("x", "y")));
    String nested = "{\"other\": [{\"title\": \"no\"}], \"data\": {\"items\": [{\"title\": \"yes\"}]}}";
    byte[] b = nested.getBytes(StandardCharsets.UTF_8);
    assertThat(read(new JsonDocumentFormat(), b, 0, Long.MAX_VALUE, 1, 1 << 20, Map.of("records", "data.items")))
        .extracting(r -> fields(r).get("title")).containsExactly("yes");
  }

  @Test
  void aTruncatedDocumentKeepsTheRecordsBeforeTheBreak() throws IOException {
    String doc = "[{\"title\": \"a\", \"content\": \"x\"}, {\"title\": \"b\", \"content\": \"y\"}, {\"title\": \"c\", \"con";
    List<SourceRecord> records = whole(new JsonDocumentFormat(), doc);
    assertThat(records).hasSize(3);
    assertThat(records.subList(0, 2)).extracting(r -> fields(r).get("title")).containsExactly("a", "b");
    assertThat(records.get(2).sourcePath()).isEqualTo("file:/d/x.jsonl#3");
    assertThat(records.get(2).failure().reason()).isEqualTo(RejectReason.BAD_RECORD);
    assertThat(records.get(2).failure().detail()).contains("breaks off after 2 records").contains("line 1");
  }
}
