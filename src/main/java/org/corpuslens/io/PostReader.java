package org.corpuslens.io;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.corpuslens.ingest.RejectReason;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.pipeline.PostProcessor;
import org.corpuslens.segment.Segmenters;
import org.corpuslens.segment.Token;
import org.corpuslens.tables.Schemas;

/**
 * Reads the listed files on the executors and turns each into one {@link Schemas#PROCESSED} row.
 *
 * <p>Small files are packed: files are grouped, in path order, into bins of about {@code
 * targetPartitionBytes} (each file costing its size plus {@code openCostBytes}), and each bin is
 * one partition. This is the one place that uses the RDD API: {@code parallelize} with one slice
 * per bin is what keeps the packing exact.
 */
public final class PostReader {
  private PostReader() {}

  /** All input files as rows: articles and rejects (listing rejects included). */
  public static Dataset<Row> read(
      SparkSession spark, InputListing listing, ProcessingSettings settings) {
    int parallelism = spark.sparkContext().defaultParallelism();
    List<List<InputFile>> bins = pack(listing.files(), settings, parallelism);
    Map<String, String> conf = new HashMap<>();
    for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
      conf.put(e.getKey(), e.getValue());
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        jsc.parallelize(bins, Math.max(1, bins.size()))
            .mapPartitions(new ProcessBins(settings, conf));
    Dataset<Row> read = spark.createDataFrame(rows, Schemas.PROCESSED);
    if (listing.rejects().isEmpty()) {
      return read;
    }
    List<Row> listed = listing.rejects().stream().map(PostReader::toRow).toList();
    return read.unionByName(spark.createDataFrame(listed, Schemas.PROCESSED));
  }

  /**
   * Packs files into bins: at least {@code 2 × parallelism} bins when there are enough files, so
   * that every core has work, and no bin much over the target size.
   */
  static List<List<InputFile>> pack(
      List<InputFile> files, ProcessingSettings settings, int parallelism) {
    long open = settings.openCostBytes();
    long total = files.stream().mapToLong(f -> f.size() + open).sum();
    long perCore = total / Math.max(1, 2L * parallelism);
    long target = Math.max(1, Math.min(settings.targetPartitionBytes(), Math.max(perCore, open)));
    List<List<InputFile>> bins = new ArrayList<>();
    List<InputFile> current = new ArrayList<>();
    long size = 0;
    for (InputFile f : files) {
      long cost = f.size() + open;
      if (!current.isEmpty() && size + cost > target) {
        bins.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(f);
      size += cost;
    }
    if (!current.isEmpty()) {
      bins.add(current);
    }
    return bins;
  }

  static Row toRow(FileOutcome outcome) {
    if (outcome instanceof FileOutcome.Article a) {
      String[] terms = new String[a.tokens().size()];
      String[] pos = new String[terms.length];
      for (int i = 0; i < terms.length; i++) {
        Token t = a.tokens().get(i);
        terms[i] = t.term();
        pos[i] = t.pos();
      }
      return RowFactory.create(
          Schemas.KIND_ARTICLE,
          a.articleId(),
          a.sourcePath(),
          a.source(),
          a.section(),
          a.channel(),
          a.title(),
          a.editor(),
          a.originalSource(),
          Timestamp.from(a.publishedAt()),
          a.dateKind().columnValue(),
          a.text(),
          a.charCount(),
          a.paragraphCount(),
          a.imageCount(),
          terms,
          pos,
          terms.length,
          a.sizeBytes(),
          null,
          null);
    }
    FileOutcome.Reject r = (FileOutcome.Reject) outcome;
    return RowFactory.create(
        Schemas.KIND_REJECT,
        null,
        r.sourcePath(),
        r.source(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.sizeBytes(),
        r.reason().name(),
        r.detail());
  }

  /** Runs on the executors: reads and processes the files of each bin, one at a time. */
  private static final class ProcessBins implements FlatMapFunction<Iterator<List<InputFile>>, Row> {
    private static final long serialVersionUID = 1L;
    private final ProcessingSettings settings;
    private final Map<String, String> hadoopConf;

    ProcessBins(ProcessingSettings settings, Map<String, String> hadoopConf) {
      this.settings = settings;
      this.hadoopConf = Map.copyOf(hadoopConf);
    }

    @Override
    public Iterator<Row> call(Iterator<List<InputFile>> bins) {
      Configuration conf = new Configuration(false);
      hadoopConf.forEach(conf::set);
      PostProcessor processor =
          new PostProcessor(Segmenters.get(settings.segmenter()), settings.runStart());
      return new Iterator<>() {
        private Iterator<InputFile> files = List.<InputFile>of().iterator();

        @Override
        public boolean hasNext() {
          while (!files.hasNext() && bins.hasNext()) {
            files = bins.next().iterator();
          }
          return files.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return toRow(processOne(files.next(), conf, processor));
        }
      };
    }

    private FileOutcome processOne(InputFile file, Configuration conf, PostProcessor processor) {
      byte[] bytes;
      try {
        bytes = readAll(file, conf, settings.maxFileBytes());
      } catch (IOException e) {
        return new FileOutcome.Reject(
            file.path(),
            RejectReason.UNREADABLE,
            "cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
            file.size(),
            null);
      }
      if (bytes.length > settings.maxFileBytes()) {
        return new FileOutcome.Reject(
            file.path(),
            RejectReason.TOO_LARGE,
            "file grew past the limit of " + settings.maxFileBytes() + " bytes after it was listed",
            bytes.length,
            null);
      }
      return processor.process(file.path(), file.relativePath(), bytes);
    }

    /** Reads at most {@code limit + 1} bytes, so a file that grew cannot exhaust memory. */
    private static byte[] readAll(InputFile file, Configuration conf, long limit) throws IOException {
      Path path = new Path(file.path());
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      }
    }
  }
}
