package org.corpuslens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.io.InputFile;
import org.corpuslens.io.InputListing;
import org.corpuslens.io.InputManifest;
import org.corpuslens.io.ManifestDiff;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(LocalSpark.class)
class IncrementalCompareTest {
  private static String uri(Path p) {
    return new org.apache.hadoop.fs.Path("file", null, p.toAbsolutePath().toString()).toString();
  }

  private static Map<String, Long> counts(Incremental.Delta d) {
    Map<String, Long> m = new TreeMap<>();
    for (ManifestDiff.Status s : ManifestDiff.Status.values()) {
      m.put(s.code(), d.count(s));
    }
    return m;
  }

  private static Map<String, String> entries(Incremental.Delta d) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : InputManifest.entries(d.compared(), true).select(InputManifest.PATH, InputManifest.KIND).collectAsList()) {
      m.put(r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1), r.getString(1));
    }
    return m;
  }

  @Test
  void aPlainFullRunCountsEveryListedPathNewAsTheComparisonWould(SparkSession spark, @TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("in"));
    Path a = Files.writeString(tmp.resolve("in/a.md"), "甲", StandardCharsets.UTF_8);
    Path b = Files.writeString(tmp.resolve("in/b.md"), "乙乙", StandardCharsets.UTF_8);
    FileOutcome.Reject big = new FileOutcome.Reject(uri(tmp.resolve("in/big.md")), RejectReason.TOO_LARGE, "too large", 99, null);
    List<InputFile> files = List.of(new InputFile(uri(a), "a.md", Files.size(a)), new InputFile(uri(b), "b.md", Files.size(b)));
    InputListing listing = new InputListing(files, List.of(big));

    Incremental.Delta plain = Incremental.compare(spark, listing, null, false, false, tmp.resolve("w1/listing").toString());
    Incremental.Delta hashed = Incremental.compare(spark, listing, null, false, true, tmp.resolve("w2/listing").toString());
    try {
      Map<String, Long> expected = Map.of("new", 3L, "changed", 0L, "unchanged", 0L, "deleted", 0L);
      assertThat(counts(plain)).isEqualTo(expected);
      // the same as what the comparison itself counts when it runs (a run with --incremental hashes)
      assertThat(counts(hashed)).isEqualTo(expected);
      assertThat(plain.read()).isEmpty();
      assertThat(plain.replaced()).isEmpty();
      // the manifest written from the plain run's rows still holds every listed path
      assertThat(entries(plain)).isEqualTo(
          Map.of("a.md", ManifestDiff.FILE, "b.md", ManifestDiff.FILE, "big.md", ManifestDiff.LISTED_REJECT));
      assertThat(entries(plain)).isEqualTo(entries(hashed));
    } finally {
      plain.release();
      hashed.release();
    }
  }
}
