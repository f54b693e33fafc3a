package org.corpuslens.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.corpuslens.ingest.format.Content;
import org.corpuslens.ingest.format.PostFormat;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.format.SourceRecord;

/**
 * Reads the first records of a few input files on the driver, before Spark starts, so that a field
 * mapping can be checked against the fields records really have. Posts are not sampled (they have
 * no named fields); archives are not opened.
 */
public final class RecordSampler {
  private RecordSampler() {}

  /**
   * The fields of the records sampled from one file.
   *
   * @param path the file
   * @param fieldSets the top-level field names of each record with named fields, in order
   */
  public record Sample(String path, List<Set<String>> fieldSets) {}

  /** Samples up to {@code maxRecords} records from each of up to {@code maxFiles} non-post files. */
  public static List<Sample> sample(InputListing listing, ReadSettings settings, Configuration conf, int maxFiles, int maxRecords) {
    RecordFormat forced = settings.forcedFormat();
    List<Sample> out = new ArrayList<>();
    for (InputFile f : listing.files()) {
      if (out.size() >= maxFiles) {
        break;
      }
      String name = FileRecords.fileName(f.path());
      boolean post = forced == null
          ? RecordFormats.hasExtension(name, new PostFormat().extensions())
          : forced.name().equals(PostFormat.NAME);
      if (f.archive() || post) {
        continue;
      }
      List<Set<String>> fields = new ArrayList<>();
      Iterator<SourceRecord> records = FileRecords.of(f, path -> InputReader.open(path, conf), settings);
      int n = 0;
      while (n < maxRecords && records.hasNext()) {
        SourceRecord r = records.next();
        n++;
        if (r.content() instanceof Content.Fields fl) {
          fields.add(new LinkedHashSet<>(fl.values().keySet()));
        }
      }
      if (records instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot close " + f.path(), e);
        }
      }
      if (!fields.isEmpty()) {
        out.add(new Sample(f.path(), fields));
      }
    }
    return out;
  }
}
