package org.corpuslens.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.corpuslens.ingest.format.Layout;
import org.corpuslens.ingest.format.RecordFormat;
import org.corpuslens.ingest.format.RecordFormats;
import org.corpuslens.ingest.format.SourceRecord;
import org.corpuslens.pipeline.FileOutcome;
import org.corpuslens.pipeline.RecordPipeline;
import org.corpuslens.pipeline.RecordProcessor;
import org.corpuslens.segment.Token;
import org.corpuslens.tables.Schemas;

/**
 * Reads the listed files on the executors, hands them to their record formats, and has the
 * pipeline turn each record into one {@link Schemas#PROCESSED} row.
 *
 * <p>Small files (of any format) are packed: grouped, in path order, into bins of about {@code
 * targetPartitionBytes} (each file costing its size plus {@code openCostBytes}), each bin one
 * partition, its records processed in the task that reads them. Archives, and many-record files
 * bigger than a bin, are streamed by one task each and their records are then spread over the
 * cluster before the (expensive) processing. This is the one place that uses the RDD API: {@code
 * parallelize} with one slice per bin is what keeps the packing exact. The bins' file lists are
 * written to small files beside the output ({@link BinFiles}): a task carries the name of its list,
 * not the list.
 */
public final class InputReader {
  private InputReader() {}

  /**
   * All inputs as rows: articles and rejects (listing rejects included).
   *
   * @param workDir a folder the driver and every executor can reach (beside the output), where
   *     the packed file lists are written: the tasks carry only their names
   */
  public static Dataset<Row> read(
      SparkSession spark, InputListing listing, ReadSettings settings, RecordPipeline pipeline, StageMetrics metrics, String workDir)
      throws IOException {
    int parallelism = spark.sparkContext().defaultParallelism();
    List<InputFile> packed = new ArrayList<>();
    List<InputFile> streamed = new ArrayList<>();
    List<InputSplit> splits = new ArrayList<>();
    Configuration driverConf = spark.sparkContext().hadoopConfiguration();
    for (InputFile f : listing.files()) {
      if (!streamed(f, settings)) {
        packed.add(f);
        continue;
      }
      RecordFormat format = f.archive() ? null : formatOnDriver(f, settings, driverConf);
      if (format != null && format.layout() == Layout.SPLITTABLE) {
        splits.addAll(InputSplit.of(f, format.name(), settings.targetPartitionBytes()));
      } else {
        streamed.add(f);
      }
    }
    // the Hadoop configuration (which may hold s3a or Azure keys) goes to each executor once, as a
    // broadcast, the way Spark's own file sources ship it: the tasks carry only its id
    Broadcast<SerializableConfiguration> conf =
        SerializableConfiguration.broadcast(spark.sparkContext(), spark.sparkContext().hadoopConfiguration());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    List<String> bins = BinFiles.write(pack(packed, settings, parallelism), workDir, spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows = jsc.parallelize(bins, Math.max(1, bins.size()))
        .mapPartitions(new ReadBins(settings, conf, metrics))
        .mapPartitions(new ProcessRecords(pipeline, metrics));
    if (!streamed.isEmpty()) {
      long streamedBytes = streamed.stream().mapToLong(InputFile::size).sum();
      int spread = (int) Math.max(2L * parallelism, Math.min(10_000, streamedBytes * 4 / settings.targetPartitionBytes()));
      JavaRDD<Row> fromStreams =
          jsc.parallelize(streamed, streamed.size())
              .mapPartitions(new ReadFiles(settings, conf, metrics))
              .repartition(spread)
              .mapPartitions(new ProcessRecords(pipeline, metrics));
      rows = rows.union(fromStreams);
    }
    if (!splits.isEmpty()) {
      List<InputSplit> numbered = number(jsc.parallelize(splits, splits.size()).map(new CountLines(conf)).collect(), splits);
      rows = rows.union(jsc.parallelize(numbered, numbered.size())
          .mapPartitions(new ReadSplits(settings, conf, metrics))
          .mapPartitions(new ProcessRecords(pipeline, metrics)));
    }
    Dataset<Row> read = spark.createDataFrame(rows, Schemas.PROCESSED);
    if (listing.rejects().isEmpty()) {
      return read;
    }
    List<Row> listed = listing.rejects().stream().map(r -> toRow(r, null, true)).toList();
    return read.unionByName(spark.createDataFrame(listed, Schemas.PROCESSED));
  }

  /**
   * Archives, and files of many records bigger than a bin, are read by a task of their own and
   * their records spread afterwards; everything else is packed.
   */
  static boolean streamed(InputFile f, ReadSettings settings) {
    return f.archive()
        || (f.size() > settings.targetPartitionBytes()
            && RecordFormats.mayHoldManyRecords(FileRecords.fileName(f.path()), settings.forcedFormat()));
  }

  /**
   * The format of a big file, from its first bytes, read on the driver (a {@code .json} file may be
   * JSON Lines, splittable, or one document, not); {@code null} when no format knows it.
   */
  private static RecordFormat formatOnDriver(InputFile f, ReadSettings settings, Configuration conf) {
    if (settings.forcedFormat() != null) {
      return settings.forcedFormat();
    }
    byte[] head;
    try (InputStream in = open(f.path(), conf)) {
      head = in.readNBytes(RecordFormats.HEAD_BYTES);
    } catch (IOException e) {
      return null; // the task that streams it makes it an UNREADABLE reject
    }
    return RecordFormats.choose(FileRecords.fileName(f.path()), head, null).orElse(null);
  }

  /**
   * The first line number of each split: 2 + the line breaks before its start (its first line
   * starts after the first break at or after {@code start}); 1 for a split at 0.
   */
  static List<InputSplit> number(List<Long> breaks, List<InputSplit> splits) {
    List<InputSplit> out = new ArrayList<>(splits.size());
    String file = null;
    long before = 0;
    for (int i = 0; i < splits.size(); i++) {
      InputSplit s = splits.get(i);
      if (!s.file().path().equals(file)) {
        file = s.file().path();
        before = 0;
      }
      out.add(s.numbered(s.start() == 0 ? 1 : before + 2));
      before += breaks.get(i);
    }
    return out;
  }

  /**
   * Packs files into bins: at least {@code 2 × parallelism} bins when there are enough files, so
   * that every core has work, and no bin much over the target size.
   */
  static List<List<InputFile>> pack(List<InputFile> files, ReadSettings settings, int parallelism) {
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

  /** One row of {@link Schemas#PROCESSED}. */
  static Row toRow(FileOutcome outcome, String format, boolean accountsForFile) {
    return toRow(outcome, format, accountsForFile, null);
  }

  /** One row of {@link Schemas#PROCESSED}, with the mapping the record was read with. */
  static Row toRow(FileOutcome outcome, String format, boolean accountsForFile, String mapping) {
    if (outcome instanceof FileOutcome.Article a) {
      String[] terms = new String[a.tokens().size()];
      String[] pos = new String[terms.length];
      for (int i = 0; i < terms.length; i++) {
        Token t = a.tokens().get(i);
        terms[i] = t.term();
        pos[i] = t.pos();
      }
      return RowFactory.create(
          Schemas.KIND_ARTICLE, a.articleId(), a.sourcePath(), a.source(), a.section(), a.channel(),
          a.title(), a.editor(), a.originalSource(), Timestamp.from(a.publishedAt()),
          a.dateKind().columnValue(), a.text(), a.charCount(), a.paragraphCount(), a.imageCount(),
          terms, pos, terms.length, a.sizeBytes(), null, null, format, accountsForFile, a.url(), a.author(), a.recordId(),
          a.extra().isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(new java.util.TreeMap<>(a.extra())), mapping,
          a.language());
    }
    if (outcome instanceof FileOutcome.Skipped k) {
      return RowFactory.create(
          Schemas.KIND_SKIPPED, null, k.sourcePath(), null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, 0L, k.kind(), null, format, accountsForFile, null, null, null, null,
          mapping, null);
    }
    FileOutcome.Reject r = (FileOutcome.Reject) outcome;
    return RowFactory.create(
        Schemas.KIND_REJECT, null, r.sourcePath(), r.source(), null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, r.sizeBytes(), r.reason().name(), r.detail(), format, accountsForFile,
        null, null, null, null, mapping, null);
  }

  /** Matches file names against glob patterns ({@code *.md}). */
  static Predicate<String> pattern(List<String> globs) {
    List<GlobPattern> patterns = globs.stream().map(GlobPattern::new).toList();
    return name -> patterns.stream().anyMatch(p -> p.matches(name));
  }

  /**
   * Opens a listed file. Local files are read with {@code java.nio} directly: Hadoop's local file
   * system (which looks for a checksum file beside each file) costs about seven times more per
   * small file (44 µs against 6 µs measured on 30,000 posts); other schemes go through Hadoop.
   */
  static InputStream open(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    URI uri = p.toUri();
    if ("file".equals(uri.getScheme())) {
      return Files.newInputStream(java.nio.file.Path.of(uri));
    }
    return p.getFileSystem(conf).open(p);
  }

  /** Opens a listed file at byte {@code start}. */
  static InputStream openAt(String path, Configuration conf, long start) throws IOException {
    Path p = new Path(path);
    URI uri = p.toUri();
    if ("file".equals(uri.getScheme())) {
      java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(java.nio.file.Path.of(uri));
      ch.position(start);
      return java.nio.channels.Channels.newInputStream(ch);
    }
    org.apache.hadoop.fs.FSDataInputStream in = p.getFileSystem(conf).open(p);
    in.seek(start);
    return in;
  }

  /** Times the reading of each record. */
  private static Iterator<SourceRecord> timed(Iterator<SourceRecord> records, StageMetrics metrics) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        long t0 = System.nanoTime();
        boolean more = records.hasNext();
        metrics.readNanos.add(System.nanoTime() - t0);
        return more;
      }

      @Override
      public SourceRecord next() {
        return records.next();
      }
    };
  }

  /** The records of a sequence of files, one file open at a time. */
  private static Iterator<SourceRecord> recordsOf(
      Iterator<InputFile> files, ReadSettings settings, Configuration conf) {
    return new Iterator<>() {
      private Iterator<SourceRecord> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
          current = FileRecords.of(files.next(), path -> open(path, conf), settings);
        }
        return current.hasNext();
      }

      @Override
      public SourceRecord next() {
        hasNext();
        return current.next();
      }
    };
  }

  /** Executors: the records of the files of each bin (given by its file list). */
  static final class ReadBins implements FlatMapFunction<Iterator<String>, SourceRecord> {
    private static final long serialVersionUID = 1L;
    private final ReadSettings settings;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final StageMetrics metrics;

    ReadBins(ReadSettings settings, Broadcast<SerializableConfiguration> hadoopConf, StageMetrics metrics) {
      this.settings = settings;
      this.hadoopConf = hadoopConf;
      this.metrics = metrics;
    }

    @Override
    public Iterator<SourceRecord> call(Iterator<String> bins) {
      Configuration conf = hadoopConf.value().value();
      Iterator<InputFile> files = new Iterator<>() {
        private Iterator<InputFile> bin = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!bin.hasNext() && bins.hasNext()) {
            bin = BinFiles.read(bins.next(), conf);
          }
          return bin.hasNext();
        }

        @Override
        public InputFile next() {
          hasNext();
          return bin.next();
        }
      };
      return timed(recordsOf(files, settings, conf), metrics);
    }
  }

  /** Executors: the records of whole files (archives, big many-record files), one file per task. */
  static final class ReadFiles implements FlatMapFunction<Iterator<InputFile>, SourceRecord> {
    private static final long serialVersionUID = 1L;
    private final ReadSettings settings;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final StageMetrics metrics;

    ReadFiles(ReadSettings settings, Broadcast<SerializableConfiguration> hadoopConf, StageMetrics metrics) {
      this.settings = settings;
      this.hadoopConf = hadoopConf;
      this.metrics = metrics;
    }

    @Override
    public Iterator<SourceRecord> call(Iterator<InputFile> files) {
      return timed(recordsOf(files, settings, hadoopConf.value().value()), metrics);
    }
  }

  /** Executors: counts the line breaks of each split (a cheap pass that numbers the lines). */
  private static final class CountLines implements org.apache.spark.api.java.function.Function<InputSplit, Long> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> hadoopConf;

    CountLines(Broadcast<SerializableConfiguration> hadoopConf) {
      this.hadoopConf = hadoopConf;
    }

    @Override
    public Long call(InputSplit split) throws IOException {
      try (InputStream in = openAt(split.file().path(), hadoopConf.value().value(), split.start())) {
        return RecordFormats.countLineBreaks(in, split.end() - split.start());
      }
    }
  }

  /** Executors: the records of byte ranges of big splittable files, one range per task. */
  private static final class ReadSplits implements FlatMapFunction<Iterator<InputSplit>, SourceRecord> {
    private static final long serialVersionUID = 1L;
    private final ReadSettings settings;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final StageMetrics metrics;

    ReadSplits(ReadSettings settings, Broadcast<SerializableConfiguration> hadoopConf, StageMetrics metrics) {
      this.settings = settings;
      this.hadoopConf = hadoopConf;
      this.metrics = metrics;
    }

    @Override
    public Iterator<SourceRecord> call(Iterator<InputSplit> splits) {
      Configuration conf = hadoopConf.value().value();
      Iterator<SourceRecord> records = new Iterator<>() {
        private Iterator<SourceRecord> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && splits.hasNext()) {
            current = FileRecords.split(splits.next(), path -> openAt(path, conf, 0), conf, settings);
          }
          return current.hasNext();
        }

        @Override
        public SourceRecord next() {
          hasNext();
          return current.next();
        }
      };
      return timed(records, metrics);
    }
  }

  /** Executors: records to rows, through the pipeline (one processor per task). */
  private static final class ProcessRecords implements FlatMapFunction<Iterator<SourceRecord>, Row> {
    private static final long serialVersionUID = 1L;
    private final RecordPipeline pipeline;
    private final StageMetrics metrics;

    ProcessRecords(RecordPipeline pipeline, StageMetrics metrics) {
      this.pipeline = pipeline;
      this.metrics = metrics;
    }

    @Override
    public Iterator<Row> call(Iterator<SourceRecord> records) {
      RecordProcessor processor = pipeline.newProcessor();
      return new Iterator<>() {
        private boolean reported;

        @Override
        public boolean hasNext() {
          boolean more = records.hasNext();
          if (!more && !reported) {
            reported = true;
            metrics.add(processor.stageTotals());
          }
          return more;
        }

        @Override
        public Row next() {
          SourceRecord r = records.next();
          FileOutcome outcome = processor.process(r);
          metrics.done(outcome instanceof FileOutcome.Article, r.accountsForFile());
          return toRow(outcome, r.format(), r.accountsForFile(), processor.lastMapping());
        }
      };
    }
  }
}
