package org.corpuslens.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corpuslens.ingest.RejectReason;
import org.junit.jupiter.api.Test;

/** CSV/TSV, SogouCS XML and THUCNews texts, with the malformed variants dumps really have. */
class TextFormatsTest {
  private static final Charset GB18030 = Charset.forName("GB18030");

  static List<SourceRecord> read(RecordFormat f, String path, byte[] bytes, long start, long end, long first) throws IOException {
    ByteArrayInputStream raw = new ByteArrayInputStream(bytes);
    raw.skip(start);
    BufferedInputStream in = new BufferedInputStream(raw);
    String name = path.substring(path.lastIndexOf('/') + 1);
    String folder = path.substring(0, path.lastIndexOf('/'));
    folder = folder.substring(folder.lastIndexOf('/') + 1);
    RecordInput input = new RecordInput(path, path, name, folder, bytes.length, in, start, end, first, 1 << 20, Map.of());
    List<SourceRecord> out = new ArrayList<>();
    try (RecordIterator it = f.open(input)) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  static List<SourceRecord> read(RecordFormat f, String path, byte[] bytes) throws IOException {
    return read(f, path, bytes, 0, Long.MAX_VALUE, 1);
  }

  private static Map<String, Object> fields(SourceRecord r) {
    return ((Content.Fields) r.content()).values();
  }

  @Test
  void csvWithBomCrlfQuotedLineBreaksAndABrokenRow() throws IOException {
    String csv = "\uFEFFid,title,content,time\r\n"
        + "1,甲,\"第一段，有逗号\r\n第二段\",2016-04-09 17:47\r\n"
        + "\r\n"
        + "2,乙,\"他说\"\"好\"\"\",2016-04-10 08:00\r\n"
        + "3,丙,正文,2016-04-11 09:00,多余\r\n"
        + "4,丁\r\n";
    List<SourceRecord> rows = read(new CsvFormat(), "file:/d/x.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(rows).extracting(SourceRecord::sourcePath).containsExactly("file:/d/x.csv#1", "file:/d/x.csv#2", "file:/d/x.csv#3", "file:/d/x.csv#4");
    // univocity normalises the line break inside the quotes to \n
    assertThat(fields(rows.get(0))).containsEntry("id", "1").containsEntry("content", "第一段，有逗号\n第二段");
    assertThat(fields(rows.get(1))).containsEntry("content", "他说\"好\"");
    assertThat(rows.get(2).failure().reason()).isEqualTo(RejectReason.BAD_RECORD);
    assertThat(rows.get(2).failure().detail()).contains("row 3 has 5 fields, the header 4");
    // a short row: the missing fields are null (the mapping then decides: here no text)
    assertThat(fields(rows.get(3))).containsEntry("title", "丁").containsEntry("content", null);
  }

  @Test
  void gb18030CsvAndTsv() throws IOException {
    String csv = "标题,正文\n镕基谈绿色金融,堃喆都是 GBK 外的字\n";
    List<SourceRecord> rows = read(new CsvFormat(), "file:/d/x.csv", csv.getBytes(GB18030));
    assertThat(fields(rows.get(0))).containsEntry("标题", "镕基谈绿色金融").containsEntry("正文", "堃喆都是 GBK 外的字");
    List<SourceRecord> tsv = read(new CsvFormat(), "file:/d/x.tsv", "title\tcontent\n甲,乙\t丙\n".getBytes(StandardCharsets.UTF_8));
    assertThat(fields(tsv.get(0))).containsEntry("title", "甲,乙").containsEntry("content", "丙");
    assertThat(read(new CsvFormat(), "file:/d/x.csv", "a,b\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aCsvThatIsNotValidInItsCharsetBreaksOffAfterTheRowsBeforeIt() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes("title,content\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 9000; i++) {
      bytes.writeBytes(("标题" + i + ",正文\n").getBytes(StandardCharsets.UTF_8)); // about 180 KB: valid UTF-8 far past the first 8 KB
    }
    bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28, ',', 'x', '\n'}); // not UTF-8
    RecordInput input = new RecordInput("file:/d/x.csv", "d/x.csv", "x.csv", "d", -1,
        new BufferedInputStream(new ByteArrayInputStream(bytes.toByteArray())), 0, Long.MAX_VALUE, 1, 1 << 20, Map.of());
    int[] rows = {0};
    try (RecordIterator it = new CsvFormat().open(input)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
        while (it.hasNext()) {
          it.next();
          rows[0]++;
        }
      }).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("not valid UTF-8 after row");
    }
    assertThat(rows[0]).isBetween(1, 9000);
    // invalid within the first bytes: the file cannot be opened, it becomes one UNREADABLE reject
    byte[] early = "title,content\n甲,乙\n\u00FF".getBytes(StandardCharsets.ISO_8859_1);
    byte[] broken = java.util.Arrays.copyOf("title,content\n".getBytes(StandardCharsets.UTF_8), 20);
    broken[14] = (byte) 0xFF; // invalid in UTF-8 and in GB18030
    broken[15] = ',';
    broken[16] = 'x';
    broken[17] = '\n';
    broken[18] = 'y';
    broken[19] = '\n';
    assertThat(early).isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(new CsvFormat(), "file:/d/y.csv", broken)).isInstanceOf(IOException.class);
  }

  private static final String SOGOU = String.join("\n",
      "<doc>",
      "<url>http://news.sohu.com/20080101/n1.shtml</url>",
      "<docno>d1</docno>",
      "<contenttitle>绿色金融</contenttitle>",
      "<content>正文一 &lt;引用&gt;</content>",
      "</doc>",
      "<doc>",
      "<url>http://news.sohu.com/20080101/n2.shtml</url>",
      "<docno>d2</docno>",
      "<doc>",
      "<url>http://news.sohu.com/20080101/n3.shtml</url>",
      "<docno>d3</docno>",
      "<contenttitle>数字经济</contenttitle>",
      "<content>正文三</content>",
      "</doc>",
      "");

  @Test
  void sogouBlocksInGb18030WithAnUnclosedOne() throws IOException {
    byte[] bytes = SOGOU.getBytes(GB18030);
    List<SourceRecord> docs = read(new SogouXmlFormat(), "file:/d/news.txt", bytes);
    assertThat(docs).extracting(SourceRecord::sourcePath).containsExactly("file:/d/news.txt#1", "file:/d/news.txt#7", "file:/d/news.txt#10");
    assertThat(fields(docs.get(0))).containsEntry("contenttitle", "绿色金融").containsEntry("content", "正文一 <引用>")
        .containsEntry("url", "http://news.sohu.com/20080101/n1.shtml");
    assertThat(docs.get(1).failure().detail()).contains("line 7").contains("next <doc> (line 10)");
    assertThat(fields(docs.get(2))).containsEntry("docno", "d3");
    assertThat(RecordFormats.choose("news.txt", bytes, null)).map(RecordFormat::name).contains("sogou-xml");
  }

  @Test
  void sogouByteRangesGiveEveryBlockOnce() throws IOException {
    byte[] bytes = SOGOU.getBytes(GB18030);
    List<String> whole = read(new SogouXmlFormat(), "file:/d/n.xml", bytes).stream().map(TextFormatsTest::describe).toList();
    for (int cut = 1; cut < bytes.length; cut++) {
      long breaks = 0;
      for (int i = 0; i < cut; i++) {
        breaks += bytes[i] == '\n' ? 1 : 0;
      }
      List<SourceRecord> both = new ArrayList<>(read(new SogouXmlFormat(), "file:/d/n.xml", bytes, 0, cut, 1));
      both.addAll(read(new SogouXmlFormat(), "file:/d/n.xml", bytes, cut, bytes.length, breaks + 2));
      assertThat(both.stream().map(TextFormatsTest::describe).toList()).as("cut at %d", cut).isEqualTo(whole);
    }
  }

  private static String describe(SourceRecord r) {
    return r.sourcePath() + " " + (r.failure() != null ? r.failure().reason() : fields(r).get("docno"));
  }

  @Test
  void thucNewsTitleBodyAndCategory() throws IOException {
    byte[] bytes = "\n  央行发布绿色金融指引\n\n　　第一段。\n第二段。\n".getBytes(GB18030);
    List<SourceRecord> r = read(new ThucNewsFormat(), "file:/THUCNews/财经/12.txt", bytes);
    assertThat(fields(r.get(0))).containsEntry("title", "央行发布绿色金融指引").containsEntry("category", "财经").containsEntry("file", "12");
    assertThat((String) fields(r.get(0)).get("text")).contains("第一段。\n第二段。");
    assertThat(read(new ThucNewsFormat(), "file:/THUCNews/财经/0.txt", new byte[0]).get(0).failure().reason())
        .isEqualTo(RejectReason.EMPTY_FILE);
  }
}
