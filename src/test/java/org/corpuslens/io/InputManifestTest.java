package org.corpuslens.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class InputManifestTest {
  private static String uri(Path p) {
    return new org.apache.hadoop.fs.Path("file", null, p.toAbsolutePath().toString()).toString();
  }

  private static InputListing listing(List<Path> files, List<FileOutcome.Reject> rejects) throws Exception {
    List<InputFile> listed = new java.util.ArrayList<>();
    for (Path f : files) {
      listed.add(new InputFile(uri(f), f.getFileName().toString(), Files.size(f)));
    }
    return new InputListing(listed, rejects);
  }

  private static int serialisedSize(Object o) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }

  /** A fresh work folder for the listing's chunks. */
  private static String work(Path tmp) throws Exception {
    return Files.createTempDirectory(tmp, "work").resolve("listing").toString();
  }

  private static Map<String, String> statuses(Dataset<Row> compared) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : compared.select(InputManifest.PATH, InputManifest.STATUS).collectAsList()) {
      m.put(r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1), r.getString(1));
    }
    return m;
  }

  @Test
  void comparesTheListingWithThePreviousManifest(SparkSession spark, @TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("in"));
    Path a = Files.writeString(tmp.resolve("in/a.md"), "甲", StandardCharsets.UTF_8);
    Path b = Files.writeString(tmp.resolve("in/b.md"), "乙乙", StandardCharsets.UTF_8);
    Path c = Files.writeString(tmp.resolve("in/c.md"), "丙", StandardCharsets.UTF_8);
    Path d = Files.writeString(tmp.resolve("in/d.md"), "丁", StandardCharsets.UTF_8);
    FileOutcome.Reject big = new FileOutcome.Reject(uri(tmp.resolve("in/big.md")), RejectReason.TOO_LARGE, "too large", 99, null);
    Path out = tmp.resolve("out");

    // a plain full run records sizes and times, no hashes
    Dataset<Row> plain = InputManifest.compare(spark, listing(List.of(a, b, c, d), List.of(big)), null, false, work(tmp));
    assertThat(plain.where(InputManifest.HASH + " IS NOT NULL").count()).isZero();
    assertThat(statuses(plain)).containsOnlyKeys("a.md", "b.md", "big.md", "c.md", "d.md").containsValues("new");
    // a run with --incremental (the first one is full) hashes every file it reads
    Dataset<Row> first = InputManifest.compare(spark, listing(List.of(a, b, c, d), List.of(big)), null, true, work(tmp));
    assertThat(statuses(first)).containsExactly(
        Map.entry("a.md", "new"), Map.entry("b.md", "new"), Map.entry("big.md", "new"), Map.entry("c.md", "new"), Map.entry("d.md", "new"));
    CRC32C crc = new CRC32C();
    crc.update("乙乙".getBytes(StandardCharsets.UTF_8));
    assertThat(first.where("path like '%b.md'").select(InputManifest.HASH).first().getLong(0)).isEqualTo(crc.getValue());
    assertThat(first.where("path like '%big.md'").select(InputManifest.HASH).first().isNullAt(0)).isTrue();
    ParquetTables.writeSmall(InputManifest.entries(first, true), out.toString(), InputManifest.TABLE);

    // b rewritten with other bytes of the same size, c only touched, d deleted, e new
    Files.writeString(b, "乙丙", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5000));
    Files.setLastModifiedTime(c, FileTime.fromMillis(Files.getLastModifiedTime(c).toMillis() + 5000));
    Files.delete(d);
    Path e = Files.writeString(tmp.resolve("in/e.md"), "戊", StandardCharsets.UTF_8);
    Dataset<Row> second = InputManifest.compare(spark, listing(List.of(a, b, c, e), List.of(big)), out.toString(), true, work(tmp));
    assertThat(statuses(second)).containsExactly(
        Map.entry("a.md", "unchanged"), Map.entry("b.md", "changed"), Map.entry("big.md", "unchanged"),
        Map.entry("c.md", "unchanged"), Map.entry("d.md", "deleted"), Map.entry("e.md", "new"));
    assertThat(InputManifest.entries(second, true).count()).isEqualTo(6);
    assertThat(InputManifest.entries(second, false).count()).isEqualTo(5);
  }

  @Test
  void takesSizeAndTimeFromTheListingWithoutAskingTheFileSystemAgain(SparkSession spark, @TempDir Path tmp)
      throws Exception {
    Files.createDirectories(tmp.resolve("in/sub"));
    Path a = Files.writeString(tmp.resolve("in/a.md"), "甲", StandardCharsets.UTF_8);
    Path b = Files.writeString(tmp.resolve("in/sub/b.md"), "乙乙", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(a, FileTime.fromMillis(1_600_000_000_123L));
    Files.setLastModifiedTime(b, FileTime.fromMillis(1_700_000_000_456L));
    // the lister reads each file's time while it walks (a local walk and Hadoop's listing alike)
    InputListing listed =
        new InputLister(List.of("*.md"), 1000, new org.apache.hadoop.conf.Configuration(false)).list(List.of(tmp.resolve("in").toString()));
    Map<String, Long> times = new TreeMap<>();
    for (InputFile f : listed.files()) {
      times.put(f.relativePath(), f.modified());
    }
    assertThat(times).containsExactly(Map.entry("in/a.md", 1_600_000_000_123L), Map.entry("in/sub/b.md", 1_700_000_000_456L));

    // a listed time is what the manifest records: here one the file system does not have, so a
    // second look at the file would show
    InputListing claimed = new InputListing(List.of(new InputFile(uri(a), "a.md", 77, false, 1234L)), List.of());
    Row row = InputManifest.compare(spark, claimed, null, false, work(tmp)).select(InputManifest.SIZE, InputManifest.MODIFIED).first();
    assertThat(row.getLong(0)).isEqualTo(77L);
    assertThat(row.getLong(1)).isEqualTo(1234L);
    // without a listed time the file system is asked
    InputListing unknown = new InputListing(List.of(new InputFile(uri(a), "a.md", 77)), List.of());
    row = InputManifest.compare(spark, unknown, null, false, work(tmp)).select(InputManifest.SIZE, InputManifest.MODIFIED).first();
    assertThat(row.getLong(0)).isEqualTo(Files.size(a));
    assertThat(row.getLong(1)).isEqualTo(1_600_000_000_123L);
  }

  @Test
  void theTasksCarryChunkNamesNotTheListing(SparkSession spark, @TempDir Path tmp) throws Exception {
    // 30,000 listed files (paths only: a plain full run with listed times never opens them) and
    // two listing rejects; written as the run writes the manifest, into one partition
    int n = 30_000;
    List<InputFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = String.format(java.util.Locale.ROOT, "posts/2024/%05d-新闻联播.md", i);
      files.add(new InputFile("file:/archive/" + name, name, 1000 + i, false, 1_700_000_000_000L + i));
    }
    List<FileOutcome.Reject> rejects = List.of(
        new FileOutcome.Reject("file:/archive/big-1.md", RejectReason.TOO_LARGE, "too large", 99, null),
        new FileOutcome.Reject("file:/archive/big-2.md", RejectReason.TOO_LARGE, "too large", 98, null));
    Dataset<Row> compared = InputManifest.compare(spark, new InputListing(files, rejects), null, false, work(tmp));
    Dataset<Row> oneFile = InputManifest.entries(compared, true).coalesce(1);

    // what a task carries besides its code is its partition: serialised, each stays small
    for (Dataset<Row> d : List.of(compared, oneFile)) {
      for (org.apache.spark.Partition p : d.rdd().partitions()) {
        assertThat(serialisedSize(p)).as("serialised partition %d", p.index()).isLessThan(64 * 1024);
      }
    }
    // the measure sees rows inside the tasks: the same paths parallelised from the driver (as
    // before), written into one partition, make a partition of megabytes
    List<Row> rows = files.stream().map(f -> RowFactory.create(f.path(), f.size())).toList();
    Dataset<Row> inside = spark.createDataFrame(
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 10),
        new StructType().add("path", DataTypes.StringType).add("size", DataTypes.LongType)).coalesce(1);
    assertThat(serialisedSize(inside.rdd().partitions()[0])).isGreaterThan(1024 * 1024);
    // and every listed path is there once, with its listed size and time
    assertThat(oneFile.count()).isEqualTo(n + 2);
    assertThat(oneFile.select(InputManifest.PATH).distinct().count()).isEqualTo(n + 2);
    Row r = oneFile.where(org.apache.spark.sql.functions.col(InputManifest.PATH).equalTo("file:/archive/posts/2024/12345-新闻联播.md"))
        .select(InputManifest.KIND, InputManifest.SIZE, InputManifest.MODIFIED).first();
    assertThat(r.getString(0)).isEqualTo(ManifestDiff.FILE);
    assertThat(r.getLong(1)).isEqualTo(1000 + 12345);
    assertThat(r.getLong(2)).isEqualTo(1_700_000_000_000L + 12345);
    assertThat(oneFile.where(InputManifest.KIND + " = '" + ManifestDiff.LISTED_REJECT + "'").count()).isEqualTo(2);
  }

  @Test
  void dropsEveryRowOfAReplacedFile(SparkSession spark) {
    StructType schema = new StructType().add("source_path", DataTypes.StringType);
    List<String> paths = List.of("file:/a/x.md", "file:/a/d.jsonl#1", "file:/a/d.jsonl#2", "file:/a/p.tar.gz!/1.md",
        "file:/a/p.tar.gz!/j.jsonl#4", "file:/a/y.md", "file:/a/d.jsonl.md");
    Dataset<Row> rows = spark.createDataFrame(paths.stream().map(p -> RowFactory.create(p)).toList(), schema);
    List<String> kept = InputManifest.without(rows, "source_path", List.of("file:/a/d.jsonl", "file:/a/p.tar.gz", "file:/a/x.md"))
        .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    assertThat(kept).containsExactly("file:/a/d.jsonl.md", "file:/a/y.md");
    for (String p : paths) { // the column and the plain-Java owner agree
      Row r = rows.where(rows.col("source_path").equalTo(p)).select(InputManifest.owner(rows.col("source_path"))).first();
      assertThat(r.getString(0)).isEqualTo(ManifestDiff.ownerOf(p));
    }
  }
}
