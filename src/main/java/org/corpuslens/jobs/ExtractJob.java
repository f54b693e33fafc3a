package org.corpuslens.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.corpuslens.analytics.ArticleDates;
import org.corpuslens.analytics.Duplicates;
import org.corpuslens.analytics.IncrementalDuplicates;
import org.corpuslens.analytics.NearDuplicates;
import org.apache.spark.sql.functions;
import org.corpuslens.analytics.PeriodGrain;
import org.corpuslens.io.InputFile;
import org.corpuslens.io.InputLister;
import org.corpuslens.io.InputManifest;
import org.corpuslens.io.InputListing;
import org.corpuslens.io.ParquetTables;
import org.corpuslens.io.InputReader;
import org.corpuslens.io.ReadSettings;
import org.corpuslens.io.StageMetrics;
import org.corpuslens.ingest.mapping.FieldMapping;
import org.corpuslens.pipeline.RecordPipeline;
import org.corpuslens.segment.SegmenterConfig;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first half of a run: input files to {@code articles} and {@code rejects}. */
public final class ExtractJob {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractJob.class);

  /** Everything the extract stage needs, validated on the driver. */
  public record Plan(
      List<String> inputs,
      String output,
      List<String> patterns,
      long maxFileBytes,
      SegmenterConfig segmenter,
      ZoneId zone,
      PeriodGrain grain,
      long partitionBytes,
      long openCostBytes,
      long outputFileBytes,
      Instant runStart,
      String format,
      double nearDuplicateThreshold,
      FieldMapping mapping,
      java.util.Set<String> languages,
      PreListed listing) {
    public Plan {
      languages = java.util.Set.copyOf(languages);
    }

    /** Full pages must be Chinese ({@code --languages zh}). */
    public Plan(
        List<String> inputs, String output, List<String> patterns, long maxFileBytes, SegmenterConfig segmenter, ZoneId zone,
        PeriodGrain grain, long partitionBytes, long openCostBytes, long outputFileBytes, Instant runStart, String format,
        double nearDuplicateThreshold, FieldMapping mapping, PreListed listing) {
      this(inputs, output, patterns, maxFileBytes, segmenter, zone, grain, partitionBytes, openCostBytes, outputFileBytes, runStart,
          format, nearDuplicateThreshold, mapping, org.corpuslens.pipeline.PostProcessor.DEFAULT_LANGUAGES, listing);
    }

    /** The same plan, writing its tables to {@code dir} (a staging directory). */
    public Plan writingTo(String dir) {
      return new Plan(
          inputs, dir, patterns, maxFileBytes, segmenter, zone, grain, partitionBytes, openCostBytes, outputFileBytes, runStart,
          format, nearDuplicateThreshold, mapping, languages, listing);
    }

    /** Whether near-duplicates are looked for (a threshold of 0 turns them off). */
    public boolean nearDuplicates() {
      return nearDuplicateThreshold > 0;
    }

    /** How the inputs are read. */
    ReadSettings readSettings() {
      return new ReadSettings(partitionBytes, openCostBytes, maxFileBytes, patterns, format,
          mapping == null ? java.util.Map.of() : mapping.options());
    }

    /** The same plan without its listing (the driver need not keep a million paths while the job runs). */
    Plan withoutListing() {
      return new Plan(inputs, output, patterns, maxFileBytes, segmenter, zone, grain, partitionBytes, openCostBytes,
          outputFileBytes, runStart, format, nearDuplicateThreshold, mapping, languages, null);
    }
  }

  /**
   * What the stage counted: every record of every input file is in exactly one of the two tables.
   *
   * @param inputFiles files and archive entries read (or rejected whole)
   * @param byFormat per record format: files, records, articles, rejects
   * @param recordsByMapping records read with each field mapping (built-in profile or --mapping)
   * @param skippedByExtension files under the inputs left out for their name, per extension
   */
  public record Counts(
      long inputFiles, long articles, Map<String, Long> rejectsByReason, long duplicates, Map<String, Object> timings,
      Map<String, Map<String, Long>> byFormat, long nearDuplicates, Map<String, Long> recordsByMapping,
      Map<String, Long> skippedByExtension) {
    public long rejects() {
      return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records read: articles + rejects. */
    public long inputRecords() {
      return articles + rejects();
    }
  }

  /**
   * A listing made before Spark started, handed to the job once: {@link #take()} gives it and
   * forgets it, so the driver does not keep a million paths while the job runs.
   */
  public static final class PreListed {
    private InputListing listing;
    private final double seconds;

    /** @param seconds the wall time the listing and its checks took before Spark started */
    PreListed(InputListing listing, double seconds) {
      this.listing = listing;
      this.seconds = seconds;
    }

    double seconds() {
      return seconds;
    }

    synchronized InputListing take() {
      InputListing l = listing;
      listing = null;
      return l;
    }
  }

  /**
   * Up to this many duplicates are broadcast to the tasks that mark them (about 200 MB on the
   * driver at the limit); more are joined with a shuffle of the articles.
   */
  static final long BROADCAST_DUPLICATES = 1_000_000;

  /** How an update marked the duplicates: its new articles against the stored keys of the earlier ones. */
  static final String APPENDED = "new articles against the stored keys";
  /** How an update marked the duplicates: over the whole articles table (followed by the reason). */
  static final String WHOLE_TABLE = "whole articles table";

  /** An update adds its articles as files of their own until the table has this many files, at least. */
  static final long MIN_COMPACT_FILES = 256;

  /** The packed file lists, in the output's staging folder while the stage runs. */
  static final String BIN_DIR = "_input_bins";

  private ExtractJob() {}

  public static Counts run(SparkSession spark, Plan plan) throws IOException {
    return run(spark, plan, null, null);
  }

  /**
   * What an incremental run reuses of the previous output and what it reads again.
   *
   * @param previousOutput the committed output whose {@code articles} and {@code rejects} are kept
   * @param read the input files to read (new and changed)
   * @param replaced manifest paths whose earlier rows are dropped (changed files, paths rejected
   *     while listing, which are listed again, and deleted files with {@code --prune-deleted})
   */
  public record Update(String previousOutput, java.util.Set<String> read, java.util.Set<String> replaced) {}

  /**
   * The stage, reading every input file ({@code update} null), or only {@code update.read()} and
   * keeping the other rows of the previous output. {@code listing} may be given (already taken from
   * the plan); the duplicates are marked again over the whole articles table either way.
   */
  public static Counts run(SparkSession spark, Plan plan, InputListing given, Update update) throws IOException {
    long t0 = System.nanoTime();
    ReadSettings settings = plan.readSettings();
    InputListing listing = given != null ? given : plan.listing() == null ? null : plan.listing().take();
    // a listing made before Spark started took its time there: counted as this stage's listing
    double listedBefore = plan.listing() != null ? plan.listing().seconds() : 0;
    if (listing == null) { // inputs on HDFS, S3...: listed and checked here, with Spark's Hadoop configuration
      listing = InputCheck.listAndCheck(plan, spark.sparkContext().hadoopConfiguration());
    }
    long allInputBytes = listing.totalBytes();
    if (update != null) {
      listing = new InputListing(
          listing.files().stream().filter(f -> update.read().contains(f.path())).toList(),
          listing.rejects(),
          listing.skippedByExtension());
    }
    LOG.info(
        "listed {} input files ({} bytes) and {} rejects while listing, under {}",
        listing.files().size(),
        listing.totalBytes(),
        listing.rejects().size(),
        plan.inputs());

    RecordPipeline pipeline = new RecordPipeline(plan.segmenter(), plan.runStart(), plan.mapping(), plan.zone(), plan.languages());
    long t1 = System.nanoTime();
    // for the progress line: what the next jobs do, and how many posts they account for
    boolean anyArchive = listing.files().stream().anyMatch(InputFile::archive);
    spark.sparkContext().setJobDescription("processing posts");
    spark.sparkContext().setLocalProperty(RunProgress.TOTAL_FILES, String.valueOf(anyArchive ? -1 : listing.inputCount()));
    spark.sparkContext().setLocalProperty(RunProgress.LISTED_REJECTS, String.valueOf(listing.rejects().size()));
    StageMetrics metrics = new StageMetrics(spark.sparkContext());
    String binDir = ParquetTables.path(plan.output(), BIN_DIR);
    Dataset<Row> processed =
        InputReader.read(spark, listing, settings, pipeline, metrics, binDir).persist(StorageLevel.MEMORY_AND_DISK());
    // what the accounting needs; the listing itself (hundreds of bytes per file) is not kept
    // while the job runs: a 1 GB driver must hold a million-file run
    long listedInputs = listing.inputCount();
    int writers = articleWriters(allInputBytes, plan.outputFileBytes(), spark.sparkContext().defaultParallelism());
    // an update that adds its articles to the earlier ones writes about one file per output-file size it read
    int newWriters = (int) Math.max(1, Math.min(writers, (listing.totalBytes() + plan.outputFileBytes() - 1) / plan.outputFileBytes()));
    Map<String, Object> timingsBefore = new java.util.LinkedHashMap<>();
    List<String> archives = listing.files().stream().filter(InputFile::archive).map(InputFile::path).toList();
    Map<String, Long> skipped = listing.skippedByExtension();
    listing = null;
    Dataset<Row> duplicates = null;
    Dataset<Row> exact = null;
    Dataset<Row> keys = null;
    try {
      Dataset<Row> dated =
          ArticleDates.withDates(processed.where(col(Col.KIND).equalTo(Schemas.KIND_ARTICLE)), plan.zone(), plan.grain());
      Dataset<Row> newRejects = processed.where(col(Col.KIND).equalTo(Schemas.KIND_REJECT)).select(columns(Schemas.REJECT_COLUMNS));
      double threshold = plan.nearDuplicates() ? plan.nearDuplicateThreshold() : 0;
      long duplicateCount;
      long exactCount;
      long nearStart = System.nanoTime();
      String wholeTable = null; // why an update marks the duplicates over the whole table again
      IncrementalDuplicates.Result appended = null;
      if (update != null) {
        Dataset<Row> keptRejects = InputManifest.without(
            ParquetTables.read(spark, update.previousOutput(), ParquetTables.REJECTS), Col.SOURCE_PATH, update.replaced());
        newRejects = newRejects.unionByName(keptRejects.select(columns(Schemas.REJECT_COLUMNS)));
        wholeTable = appendObstacle(spark, update, threshold, Math.max(MIN_COMPACT_FILES, 4L * writers));
        if (wholeTable == null) {
          spark.sparkContext().setJobDescription("duplicates of the new articles");
          keys = IncrementalDuplicates.keys(dated, threshold).persist(StorageLevel.MEMORY_AND_DISK());
          appended = IncrementalDuplicates.update(
              keys, dated.select(col(Col.ARTICLE_ID), col(Col.TEXT)),
              ParquetTables.read(spark, update.previousOutput(), ParquetTables.ARTICLE_KEYS),
              ParquetTables.read(spark, update.previousOutput(), ParquetTables.ARTICLES), threshold);
          if (appended.conflicts() > 0) {
            wholeTable = appended.reason();
            appended = null;
            keys.unpersist();
            keys = null;
          }
        }
        if (wholeTable != null) {
          LOG.warn("incremental run: duplicates marked again over the whole articles table: {}", wholeTable);
          spark.sparkContext().setJobDescription("processing posts");
        }
      }
      Dataset<Row> rejects = newRejects.coalesce(1);
      if (appended != null) {
        // the earlier rows stand: the new articles and their keys are added as files of their own
        duplicates = appended.marks().persist(StorageLevel.MEMORY_AND_DISK());
        long newArticles = duplicates.count();
        // whole-table figures: the stored marks' counts plus the new ones'
        Column[] counted = {functions.count(col(Col.DUPLICATE_OF)), functions.count(col(IncrementalDuplicates.EXACT_OF))};
        Row before = ParquetTables.read(spark, update.previousOutput(), ParquetTables.ARTICLE_KEYS).agg(counted[0], counted[1]).first();
        Row added = duplicates.agg(counted[0], counted[1]).first();
        duplicateCount = before.getLong(0) + added.getLong(0);
        exactCount = before.getLong(1) + added.getLong(1);
        double nearSeconds = (System.nanoTime() - nearStart) / 1e9;
        spark.sparkContext().setJobDescription("writing articles and rejects");
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (newArticles > 0) {
          Dataset<Row> marks = duplicates.select(col(Col.ARTICLE_ID).as(Duplicates.DUPLICATE_ID), col(Col.DUPLICATE_OF),
              col(Col.SIMILARITY));
          ParquetTables.write(
              Duplicates.mark(dated, marks, newArticles <= BROADCAST_DUPLICATES).select(columns(Schemas.ARTICLE_COLUMNS)).coalesce(newWriters),
              plan.output(), ParquetTables.ARTICLES, Col.YEAR);
          ParquetTables.writeSmall(IncrementalDuplicates.storedRows(keys, duplicates, threshold), plan.output(),
              ParquetTables.ARTICLE_KEYS);
        }
        long carried = ParquetTables.carryOver(conf, update.previousOutput(), plan.output(), ParquetTables.ARTICLES)
            + ParquetTables.carryOver(conf, update.previousOutput(), plan.output(), ParquetTables.ARTICLE_KEYS);
        LOG.info("incremental run: {} new articles written, {} files of the earlier articles and keys carried over",
            newArticles, carried);
        ParquetTables.write(rejects, plan.output(), ParquetTables.REJECTS);
        timingsBefore.put("near_duplicates_wall_s", nearSeconds);
      } else {
        if (update != null) { // the rows of files not read again, their duplicate marks recomputed below
          List<String> stored = Schemas.ARTICLE_COLUMNS.stream()
              .filter(c -> !c.equals(Col.DUPLICATE_OF) && !c.equals(Col.SIMILARITY)).toList();
          Dataset<Row> keptArticles = InputManifest.without(
              ParquetTables.read(spark, update.previousOutput(), ParquetTables.ARTICLES), Col.SOURCE_PATH, update.replaced());
          dated = dated.select(columns(stored)).unionByName(keptArticles.select(columns(stored)));
        }
        // the first action: processes every file once (into the cache) and finds the exact duplicates
        keys = IncrementalDuplicates.keys(dated, threshold).persist(StorageLevel.MEMORY_AND_DISK());
        exact = Duplicates.find(keys).persist(StorageLevel.MEMORY_AND_DISK());
        exactCount = exact.count();
        nearStart = System.nanoTime();
        if (plan.nearDuplicates()) {
          Dataset<Row> near =
              NearDuplicates.find(
                  keys.join(exact, keys.col(Col.ARTICLE_ID).equalTo(exact.col(Duplicates.DUPLICATE_ID)), "left_anti"),
                  dated.select(col(Col.ARTICLE_ID), col(Col.TEXT)),
                  plan.nearDuplicateThreshold());
          duplicates = NearDuplicates.combine(exact, near).persist(StorageLevel.MEMORY_AND_DISK());
        } else {
          duplicates = exact.withColumn(Col.SIMILARITY, functions.lit(1.0)).persist(StorageLevel.MEMORY_AND_DISK());
        }
        duplicateCount = duplicates.count();
        double nearSeconds = (System.nanoTime() - nearStart) / 1e9;
        Dataset<Row> articles =
            Duplicates.mark(dated, duplicates, duplicateCount <= BROADCAST_DUPLICATES)
                .select(columns(Schemas.ARTICLE_COLUMNS))
                .coalesce(writers); // the processing above is cached: only the writing is regrouped
        spark.sparkContext().setJobDescription("writing articles and rejects");
        ParquetTables.write(articles, plan.output(), ParquetTables.ARTICLES, Col.YEAR);
        ParquetTables.write(rejects, plan.output(), ParquetTables.REJECTS);
        ParquetTables.write(IncrementalDuplicates.stored(keys, exact, duplicates, threshold), plan.output(),
            ParquetTables.ARTICLE_KEYS);
        timingsBefore.put("near_duplicates_wall_s", nearSeconds);
      }
      if (update != null) {
        timingsBefore.put("duplicates_marked", wholeTable == null ? APPENDED : WHOLE_TABLE + ": " + wholeTable);
      }

      long t2 = System.nanoTime();
      Map<String, Object> timings = new java.util.LinkedHashMap<>();
      timings.put("list_wall_s", listedBefore + (t1 - t0) / 1e9);
      if (listedBefore > 0) {
        timings.put("list_before_spark_s", listedBefore);
      }
      timings.put("read_parse_extract_segment_write_wall_s", (t2 - t1) / 1e9);
      timings.putAll(timingsBefore);
      timings.put("task_time", metrics.summary());
      spark.sparkContext().setJobDescription("checking the accounting");
      Counts counts =
          count(processed, listedInputs, archives, plan.output(), duplicateCount, duplicateCount - exactCount, timings, skipped);
      LOG.info(
          "extract: {} input files -> {} articles ({} duplicates) + {} rejects {}",
          counts.inputFiles(),
          counts.articles(),
          counts.duplicates(),
          counts.rejects(),
          counts.rejectsByReason());
      return counts;
    } finally {
      spark.sparkContext().setJobDescription(null);
      spark.sparkContext().setLocalProperty(RunProgress.TOTAL_FILES, null);
      spark.sparkContext().setLocalProperty(RunProgress.LISTED_REJECTS, null);
      ParquetTables.delete(spark, plan.output(), BIN_DIR);
      processed.unpersist();
      if (duplicates != null) {
        duplicates.unpersist();
      }
      if (exact != null) {
        exact.unpersist();
      }
      if (keys != null) {
        keys.unpersist();
      }
    }
  }


  /**
   * Why an update cannot add its new articles to the earlier ones and must mark the duplicates over
   * the whole table again, or null when it can: the earlier output has no stored keys (written
   * before they existed), no articles, keys made for another near-duplicate threshold, or rows of
   * files this run replaces (changed, or deleted and pruned), or more than {@code maxFiles} files
   * of articles (each update adds files of its own: a whole-table run writes them again in about
   * as many as a full run, a compaction). Reads one or two columns of the stored keys.
   */
  static String appendObstacle(SparkSession spark, Update update, double threshold, long maxFiles) throws IOException {
    if (!ParquetTables.exists(spark, update.previousOutput(), ParquetTables.ARTICLE_KEYS)) {
      return "the earlier output has no " + ParquetTables.ARTICLE_KEYS + " (written by runs since updates add their "
          + "articles to the earlier ones)";
    }
    long files = ParquetTables.dataFiles(spark.sparkContext().hadoopConfiguration(), update.previousOutput(),
        ParquetTables.ARTICLES);
    if (files > maxFiles) {
      return "the earlier articles are in " + files + " files (each update adds its own): written again in fewer";
    }
    Dataset<Row> stored = ParquetTables.read(spark, update.previousOutput(), ParquetTables.ARTICLE_KEYS);
    List<Row> thresholds = stored.select(col(IncrementalDuplicates.NEAR_THRESHOLD)).distinct().collectAsList();
    if (thresholds.isEmpty()) {
      return "the earlier output has no articles";
    }
    if (thresholds.size() > 1 || thresholds.get(0).getDouble(0) != threshold) {
      return "the near-duplicate threshold changed (" + thresholds.stream().map(r -> String.valueOf(r.getDouble(0))).toList()
          + " → " + threshold + ")";
    }
    if (!update.replaced().isEmpty()) {
      long replacedRows = stored.count()
          - InputManifest.without(stored.select(col(Col.SOURCE_PATH)), Col.SOURCE_PATH, update.replaced()).count();
      if (replacedRows > 0) {
        return replacedRows + " earlier articles belong to changed or pruned input files";
      }
    }
    return null;
  }

  /**
   * Whole-table figures of {@code articles} and {@code rejects} under {@code dir}, for the summary of
   * an incremental run (whose own counts cover only the files it read): input files (a record's
   * {@code FILE#N} counts its file once), articles, rejects per reason. Small aggregates.
   */
  static Map<String, Object> tableTotals(SparkSession spark, String dir) {
    Dataset<Row> articles = ParquetTables.read(spark, dir, ParquetTables.ARTICLES);
    Dataset<Row> rejects = ParquetTables.read(spark, dir, ParquetTables.REJECTS);
    Map<String, Long> byReason = new TreeMap<>();
    for (Row r : rejects.groupBy(col(Col.REASON)).count().collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    Column file = functions.regexp_replace(col(Col.SOURCE_PATH), "#[0-9]+$", "");
    long inputFiles = articles.select(file.as("f")).union(rejects.select(file.as("f"))).distinct().count();
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("input_files", inputFiles);
    m.put("articles", articles.count());
    m.put("rejects", byReason.values().stream().mapToLong(Long::longValue).sum());
    m.put("rejects_by_reason", byReason);
    return m;
  }

  /**
   * How many tasks write the articles: about one per {@code outputFileBytes} of input, and at
   * least two per core. Each writes one file per year, so the table does not get a file per packed
   * bin (hundreds of 5 MB files for a million posts).
   */
  static int articleWriters(long inputBytes, long outputFileBytes, int parallelism) {
    long bySize = (inputBytes + outputFileBytes - 1) / outputFileBytes;
    return (int) Math.min(100_000, Math.max(2L * parallelism, bySize));
  }

  /** Counts articles and rejects by reason and format: a small aggregate, the only thing brought to the driver. */
  private static Counts count(
      Dataset<Row> processed, long listedInputs, List<String> archivePaths, String output, long duplicates,
      long nearDuplicates, Map<String, Object> timings, Map<String, Long> skipped) {
    long articles = 0;
    long files = 0;
    long plainFiles = 0;
    Map<String, Long> rejects = new TreeMap<>();
    Map<String, Map<String, Long>> byFormat = new TreeMap<>();
    String[] archives = archivePaths.toArray(String[]::new);
    Column fromArchive = col(Col.SOURCE_PATH).contains("!/").or(col(Col.SOURCE_PATH).isin((Object[]) archives));
    Column format = org.apache.spark.sql.functions.coalesce(col(Col.RECORD_FORMAT), org.apache.spark.sql.functions.lit("none"));
    Map<String, Long> mappings = new TreeMap<>();
    for (Row row : processed
        .groupBy(col(Col.KIND), col(Col.REASON), fromArchive.as("a"), col(Col.ACCOUNTS_FOR_FILE), format.as("f"), col(Col.RECORD_MAPPING))
        .count()
        .collectAsList()) {
      long n = row.getLong(6);
      if (!row.isNullAt(5)) {
        mappings.merge(row.getString(5), n, Long::sum);
      }
      boolean article = Schemas.KIND_ARTICLE.equals(row.getString(0));
      boolean skippedRecord = Schemas.KIND_SKIPPED.equals(row.getString(0));
      boolean accounts = row.getBoolean(3);
      Map<String, Long> perFormat = byFormat.computeIfAbsent(row.getString(4), k -> new TreeMap<>());
      perFormat.merge("records", n, Long::sum);
      perFormat.merge(article ? "articles" : skippedRecord ? "skipped" : "rejects", n, Long::sum);
      if (skippedRecord) {
        // WARC records that hold no article, by kind (request, revisit, non_html, ...)
        perFormat.merge("skipped_" + row.getString(1), n, Long::sum);
      }
      if (accounts) {
        perFormat.merge("files", n, Long::sum);
        files += n;
        if (!row.getBoolean(2)) {
          plainFiles += n;
        }
      }
      if (article) {
        articles += n;
      } else if (!skippedRecord) {
        rejects.merge(row.getString(1), n, Long::sum);
      }
    }
    long plainInputs = listedInputs - archives.length;
    if (plainFiles != plainInputs) {
      throw new IllegalStateException(
          "accounting failed: " + plainInputs + " input files listed but " + plainFiles
              + " of them are in articles + rejects; the tables under " + output + " are incomplete");
    }
    return new Counts(files, articles, rejects, duplicates, timings, byFormat, nearDuplicates, mappings, skipped);
  }

  static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
