package org.corpuslens.io;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Writes and reads the CorpusLens tables: one Parquet directory per table under a root. */
public final class ParquetTables {
  public static final String ARTICLES = "articles";
  public static final String REJECTS = "rejects";
  public static final String TERM_FREQUENCIES = "term_frequencies";
  public static final String TOPIC_TRENDS = "topic_trends";
  public static final String TOPIC_TRENDS_BY_SOURCE = "topic_trends_by_source";
  public static final String SOURCE_STATS = "source_stats";
  public static final String SYNDICATION = "syndication";
  public static final String TERM_KEYNESS = "term_keyness";
  public static final String TERM_CHANGES = "term_changes";
  public static final String NEW_TERMS = "new_terms";
  /** The words of new_terms, one a line, in rank order: a --user-dictionary for the next run. */
  public static final String NEW_TERMS_WORD_LIST = "new_terms.txt";
  public static final String TOPIC_INDEX = "topic_index";
  public static final String TOPIC_MENTIONS = "topic_mentions";
  /**
   * Hidden (a leading underscore: Spark and most Parquet readers skip it): per article its content
   * hash, near-duplicate band keys and duplicate marks, which an incremental run compares its new
   * articles with instead of reading the earlier ones.
   */
  public static final String ARTICLE_KEYS = "_article_keys";

  /**
   * Hidden: per (period, source or topic, term, tag) the summed occurrences and documents of the
   * counted articles (and of each topic's articles), in files of one period each: what an update
   * adds its new articles' counts to.
   */
  public static final String TERM_BAGS = "_term_bags";

  /**
   * Hidden: per (period, term) the occurrences and documents summed over the sources, and per
   * period one row without a term holding the period's tokens (in {@code count}) and the
   * {@code term_frequencies} rows the minimum count dropped (in {@code doc_count}); files of one
   * period each. An update scores the periods it did not touch from these.
   */
  public static final String PERIOD_TERMS = "_period_terms";

  /**
   * Hidden: per article the columns the topic and source tables read, with its topic counts
   * ({@code topic_mentions}): an update matches the topics in its new articles only.
   */
  public static final String ARTICLE_TOPICS = "_article_topics";

  /** Hidden: per (period, source or topic) the tokens and articles, for an update's denominators. */
  public static final String TERM_TOTALS = "_term_totals";

  /** The name prefix of the files of a table written by period ({@link #writeByPeriod}). */
  static final String PERIOD_FILE_PREFIX = "period-";

  /** The tag of the rows without a period (undated articles) in file names. */
  public static final String UNDATED = "undated";

  private static final String PERIOD_FILE_COLUMN = "_period_file";

  private ParquetTables() {}

  /**
   * Writes {@code data} as {@code root/name}, replacing what a previous attempt left there. An
   * empty partitioned table is written as one empty file holding the schema (the partition columns
   * as plain columns): a partitioned write of no rows leaves no file, and the table could then not
   * be read back ({@code UNABLE_TO_INFER_SCHEMA}).
   */
  public static void write(Dataset<Row> data, String root, String name, String... partitionBy) {
    if (partitionBy.length > 0 && data.isEmpty()) {
      data.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path(root, name));
      return;
    }
    data.write().mode(SaveMode.Overwrite).partitionBy(partitionBy).parquet(path(root, name));
  }

  /**
   * The tag of a period's file group in file names: the first day of the period's month as {@code
   * yyyy-MM-dd} (periods of a day or a week share their month's files: a decade of days is 120
   * files, not 3,650), or {@link #UNDATED} for the rows without a period.
   */
  public static Column periodTag(Column period) {
    return functions.coalesce(functions.trunc(period, "month").cast("string"), functions.lit(UNDATED));
  }

  /**
   * Writes {@code data} (with a {@code period} column) as {@code root/name} in files that each
   * hold the rows of one month's periods ({@link #periodTag}), flat in the table's folder, named
   * {@code period-TAG_part-...parquet}: any reader of the folder reads every row with its period,
   * and an update replaces the files of the months it touches and carries the others over. Each
   * task writes one file per month it holds: arrange the rows by period first. A table without
   * rows is one file holding the schema.
   */
  public static void writeByPeriod(Dataset<Row> data, String root, String name, String periodColumn) throws IOException {
    String dir = path(root, name);
    data.withColumn(PERIOD_FILE_COLUMN, periodTag(functions.col(periodColumn)))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(PERIOD_FILE_COLUMN)
        .parquet(dir);
    Path table = new Path(dir);
    FileSystem fs = table.getFileSystem(data.sparkSession().sparkContext().hadoopConfiguration());
    long files = 0;
    String prefix = PERIOD_FILE_COLUMN + "=";
    for (org.apache.hadoop.fs.FileStatus folder : fs.listStatus(table)) {
      String folderName = folder.getPath().getName();
      if (!folder.isDirectory() || !folderName.startsWith(prefix)) {
        continue;
      }
      String tag = folderName.substring(prefix.length()); // dates and "undated": nothing Spark escapes
      for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(folder.getPath())) {
        String fileName = f.getPath().getName();
        if (f.isDirectory() || hidden(fileName)) {
          continue;
        }
        Path dest = new Path(table, PERIOD_FILE_PREFIX + tag + "_" + fileName);
        if (!fs.rename(f.getPath(), dest)) {
          throw new IOException("cannot move " + f.getPath() + " to " + dest);
        }
        files++;
      }
      fs.delete(folder.getPath(), true);
    }
    if (files == 0) {
      data.limit(0).coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir);
    }
  }

  /**
   * The period tag of a file of a table written by {@link #writeByPeriod}, or null for a file
   * without one (the schema file of an empty table).
   */
  public static String periodOfFile(String fileName) {
    if (!fileName.startsWith(PERIOD_FILE_PREFIX)) {
      return null;
    }
    int end = fileName.indexOf('_', PERIOD_FILE_PREFIX.length());
    return end < 0 ? null : fileName.substring(PERIOD_FILE_PREFIX.length(), end);
  }

  /** The data files of {@code root/name} whose period tag is in {@code tags}, as paths. */
  public static List<String> periodFiles(org.apache.hadoop.conf.Configuration conf, String root, String name,
      java.util.Set<String> tags) throws IOException {
    Path table = new Path(path(root, name));
    FileSystem fs = table.getFileSystem(conf);
    List<String> out = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(table)) {
      String tag = periodOfFile(f.getPath().getName());
      if (!f.isDirectory() && tag != null && tags.contains(tag)) {
        out.add(f.getPath().toString());
      }
    }
    return out;
  }

  /** Writes a small table as a single file. */
  public static void writeSmall(Dataset<Row> data, String root, String name) {
    data.coalesce(1).write().mode(SaveMode.Overwrite).parquet(path(root, name));
  }

  /** Reads {@code root/name} with the schema stored in its Parquet footers. */
  public static Dataset<Row> read(SparkSession spark, String root, String name) {
    return spark.read().parquet(path(root, name));
  }

  public static boolean exists(SparkSession spark, String root, String name) throws IOException {
    Path p = new Path(path(root, name));
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    return fs.exists(p);
  }

  /** Deletes {@code root/name} (a work folder), if it exists. */
  public static void delete(SparkSession spark, String root, String name) throws IOException {
    Path p = new Path(path(root, name));
    p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
  }

  /**
   * Writes the first column of {@code words} (strings, at most {@code limit} rows, in the dataset's
   * order) as a UTF-8 text file {@code root/name}, one word a line, replacing an older one.
   * Bounded: the caller's limit (new_terms keeps --new-terms-top terms).
   */
  public static void writeWordList(SparkSession spark, Dataset<Row> words, int limit, String root, String name)
      throws IOException {
    Path p = new Path(path(root, name));
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (java.io.Writer out = new java.io.OutputStreamWriter(fs.create(p, true), java.nio.charset.StandardCharsets.UTF_8)) {
      for (Row r : words.limit(limit).collectAsList()) {
        out.write(r.getString(0));
        out.write('\n');
      }
    }
  }

  /**
   * Puts the data files of {@code fromRoot/name} into {@code toRoot/name} at the same relative paths
   * (partition folders included) without rewriting them: hard links on a local file system, so
   * the earlier output stays whole until the staged one replaces it; byte copies elsewhere. Names
   * a reader skips (starting with {@code _} or {@code .}: {@code _SUCCESS}, checksums) are left
   * out. An update adds its new rows to a table this way, in files of their own.
   *
   * @return how many files were carried over
   * @throws IOException when a file exists at a destination (two writers of one name)
   */
  public static long carryOver(org.apache.hadoop.conf.Configuration conf, String fromRoot, String toRoot, String name)
      throws IOException {
    return carryOver(conf, fromRoot, toRoot, name, null);
  }

  /**
   * {@link #carryOver} of the files of a table written by {@link #writeByPeriod} whose period is
   * not in {@code except} (files without a period, the schema file of an empty table, are carried
   * over too).
   */
  public static long carryOverPeriods(org.apache.hadoop.conf.Configuration conf, String fromRoot, String toRoot,
      String name, java.util.Set<String> except) throws IOException {
    return carryOver(conf, fromRoot, toRoot, name, rel -> {
      String tag = periodOfFile(rel);
      return tag == null || !except.contains(tag);
    });
  }

  private static long carryOver(org.apache.hadoop.conf.Configuration conf, String fromRoot, String toRoot, String name,
      java.util.function.Predicate<String> keep) throws IOException {
    Path from = new Path(path(fromRoot, name));
    Path to = new Path(path(toRoot, name));
    FileSystem fs = from.getFileSystem(conf);
    from = fs.makeQualified(from);
    to = fs.makeQualified(to);
    boolean local = "file".equals(fs.getUri().getScheme());
    String prefix = from.toUri().getPath();
    long n = 0;
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(from, true);
    while (files.hasNext()) {
      Path src = files.next().getPath();
      String rel = src.toUri().getPath().substring(prefix.length() + 1);
      if (hidden(rel) || (keep != null && !keep.test(rel))) {
        continue;
      }
      Path dest = new Path(to, rel);
      if (fs.exists(dest)) {
        throw new IOException("cannot carry " + src + " over to " + dest + ": a file of that name is already there");
      }
      fs.mkdirs(dest.getParent());
      if (local) {
        java.nio.file.Files.createLink(java.nio.file.Paths.get(dest.toUri()), java.nio.file.Paths.get(src.toUri()));
      } else if (!org.apache.hadoop.fs.FileUtil.copy(fs, src, fs, dest, false, conf)) {
        throw new IOException("cannot copy " + src + " to " + dest);
      }
      n++;
    }
    return n;
  }

  /** The data files of {@code root/name}, as paths relative to it ({@code _} and {@code .} names left out). */
  public static List<String> dataFileNames(org.apache.hadoop.conf.Configuration conf, String root, String name)
      throws IOException {
    Path table = new Path(path(root, name));
    FileSystem fs = table.getFileSystem(conf);
    table = fs.makeQualified(table);
    String prefix = table.toUri().getPath();
    List<String> out = new java.util.ArrayList<>();
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(table, true);
    while (files.hasNext()) {
      String rel = files.next().getPath().toUri().getPath().substring(prefix.length() + 1);
      if (!hidden(rel)) {
        out.add(rel);
      }
    }
    return out;
  }

  /** How many data files {@code root/name} holds (partition folders included; {@code _} and {@code .} names left out). */
  public static long dataFiles(org.apache.hadoop.conf.Configuration conf, String root, String name) throws IOException {
    Path table = new Path(path(root, name));
    FileSystem fs = table.getFileSystem(conf);
    long n = 0;
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(table, true);
    while (files.hasNext()) {
      if (!hidden(files.next().getPath().toUri().getPath().substring(table.toUri().getPath().length()))) {
        n++;
      }
    }
    return n;
  }

  /** Whether a path below a table has a part a reader skips (a name starting with {@code _} or {@code .}). */
  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  public static String path(String root, String name) {
    return root.endsWith("/") ? root + name : root + "/" + name;
  }
}
