package org.corpuslens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The manifest of an output: one row per input path a run accounted for (files read and paths
 * rejected while listing), with size, modification time and a CRC-32C of the bytes (computed in
 * runs with {@code --incremental}; a plain full run records none, see {@link ManifestDiff}). It is the
 * table {@code _manifest} inside the output, written into the staging folder with the other
 * tables and committed with them, so it always describes the tables beside it. The leading
 * underscore keeps it out of what Spark, DuckDB or Hive read when they glob the output.
 *
 * <p>The comparison with the listing is a Spark job: the listing and the previous manifest are
 * joined by path and each path is compared in a task ({@link ManifestDiff#compare}), reading
 * (hashing) only the files whose size or modification time changed, and new files. Only the paths
 * that are not unchanged come back to the driver.
 */
public final class InputManifest {
  /** The manifest table's folder name inside the output. */
  public static final String TABLE = "_manifest";

  public static final String PATH = "path";
  public static final String KIND = "kind";
  public static final String SIZE = "size";
  public static final String MODIFIED = "modified";
  public static final String HASH = "crc32c";
  public static final String STATUS = "status";

  /** Columns of {@link #TABLE}. */
  public static final StructType SCHEMA = new StructType(new StructField[] {
    DataTypes.createStructField(PATH, DataTypes.StringType, false),
    DataTypes.createStructField(KIND, DataTypes.StringType, false),
    DataTypes.createStructField(SIZE, DataTypes.LongType, false),
    DataTypes.createStructField(MODIFIED, DataTypes.LongType, false),
    DataTypes.createStructField(HASH, DataTypes.LongType, true),
  });

  /** {@link #SCHEMA} plus the path's {@link ManifestDiff.Status#code()}. */
  public static final StructType COMPARED = SCHEMA.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));

  private static final StructType LISTED = new StructType(new StructField[] {
    DataTypes.createStructField("_c_path", DataTypes.StringType, false),
    DataTypes.createStructField("_c_kind", DataTypes.StringType, false),
    DataTypes.createStructField("_c_size", DataTypes.LongType, false),
    DataTypes.createStructField("_c_modified", DataTypes.LongType, false),
  });

  private InputManifest() {}

  /** The rows of the listing in one chunk file: the tasks carry chunk names, not paths. */
  static final int CHUNK_ROWS = 2_000;

  /**
   * Compares the listing with the previous manifest ({@code previousOutput/_manifest}, or none):
   * one row per path with its status and the entry the next manifest keeps. Not cached: the caller
   * persists it. New files and files whose size or time differ are hashed only if {@code hash}
   * (see {@link ManifestDiff}).
   *
   * <p>The listed paths go to the tasks the way {@link InputReader}'s packed lists do: written by
   * the driver into chunk files of {@value #CHUNK_ROWS} rows under {@code workDir}, each task
   * reading its chunk. With the paths inside the tasks, the manifest's single-partition write
   * carried the whole listing in one task (4 MB for 20,000 files, 200 MB for a million, over
   * Spark's RPC message limit on a cluster). {@code workDir} must stay until the result and
   * everything computed from it have been written; the caller deletes it.
   */
  public static Dataset<Row> compare(
      SparkSession spark, InputListing listing, String previousOutput, boolean hash, String workDir) throws IOException {
    Configuration driverConf = spark.sparkContext().hadoopConfiguration();
    List<String> chunks = ListingChunks.write(listing, CHUNK_ROWS, workDir, driverConf);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(), driverConf);
    Dataset<Row> current = spark.createDataFrame(
        jsc.parallelize(chunks, Math.max(1, chunks.size())).mapPartitions(new ReadChunks(conf)), LISTED);
    Dataset<Row> joined;
    if (previousOutput == null) { // a full run: every path new, no join (no shuffle)
      joined = current
          .withColumn(PATH, lit(null).cast(DataTypes.StringType))
          .withColumn(KIND, lit(null).cast(DataTypes.StringType))
          .withColumn(SIZE, lit(null).cast(DataTypes.LongType))
          .withColumn(MODIFIED, lit(null).cast(DataTypes.LongType))
          .withColumn(HASH, lit(null).cast(DataTypes.LongType));
    } else {
      Dataset<Row> previous = spark.read().schema(SCHEMA).parquet(ParquetTables.path(previousOutput, TABLE));
      joined = current.join(previous, current.col("_c_path").equalTo(previous.col(PATH)), "full_outer");
    }
    return joined.mapPartitions(new Compare(conf, hash), Encoders.row(COMPARED));
  }

  /** Executors: each chunk file's rows (path, kind, size, modified), as {@link #LISTED} rows. */
  private static final class ReadChunks implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;

    ReadChunks(Broadcast<SerializableConfiguration> conf) {
      this.conf = conf;
    }

    @Override
    public Iterator<Row> call(Iterator<String> chunkFiles) {
      Configuration hadoop = conf.value().value();
      return new FlatRows(chunkFiles, hadoop);
    }
  }

  /** The rows of consecutive chunk files, each read lazily. */
  private static final class FlatRows implements Iterator<Row> {
    private final Iterator<String> chunkFiles;
    private final Configuration conf;
    private Iterator<ListingChunks.Listed> current = java.util.Collections.emptyIterator();

    FlatRows(Iterator<String> chunkFiles, Configuration conf) {
      this.chunkFiles = chunkFiles;
      this.conf = conf;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && chunkFiles.hasNext()) {
        current = ListingChunks.read(chunkFiles.next(), conf);
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      ListingChunks.Listed l = current.next();
      return RowFactory.create(l.path(), l.kind(), l.size(), l.modified());
    }
  }

  /** The entries of the next manifest: every compared path, deleted ones only when kept. */
  public static Dataset<Row> entries(Dataset<Row> compared, boolean keepDeleted) {
    Dataset<Row> kept = keepDeleted ? compared : compared.where(col(STATUS).notEqual(ManifestDiff.Status.DELETED.code()));
    return kept.select(col(PATH), col(KIND), col(SIZE), col(MODIFIED), col(HASH));
  }

  /** Whether {@code output} holds a manifest. */
  public static boolean exists(String output, Configuration conf) throws IOException {
    Path p = new Path(ParquetTables.path(output, TABLE));
    return p.getFileSystem(conf).exists(p);
  }

  /**
   * The manifest path a table row belongs to, as a column: {@link ManifestDiff#ownerOf} of {@code
   * source_path}.
   */
  public static Column owner(Column sourcePath) {
    return when(sourcePath.contains("!/"), substring_index(sourcePath, "!/", 1))
        .otherwise(regexp_replace(sourcePath, "#[0-9]+$", ""));
  }

  /** Rows of a table that belong to none of {@code paths}. */
  public static Dataset<Row> without(Dataset<Row> table, String sourcePathColumn, Collection<String> paths) {
    if (paths.isEmpty()) {
      return table;
    }
    return table.where(owner(col(sourcePathColumn)).isin(paths.toArray()).equalTo(lit(false)));
  }

  /** CRC-32C (hardware-accelerated in the JDK) of all bytes of {@code path}. */
  public static long crc32c(FileSystem fs, Path path) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = fs.open(path)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  private static final class Compare implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SerializableConfiguration> conf;
    private final boolean hash;

    Compare(Broadcast<SerializableConfiguration> conf, boolean hash) {
      this.conf = conf;
      this.hash = hash;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Configuration hadoop = conf.value().value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row r = rows.next();
          ManifestDiff.Entry previous = r.isNullAt(4) ? null
              : new ManifestDiff.Entry(r.getString(4), r.getString(5), r.getLong(6), r.getLong(7),
                  r.isNullAt(8) ? null : r.getLong(8));
          ManifestDiff.Current current =
              r.isNullAt(0) ? null : new Listed(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), hadoop);
          try {
            ManifestDiff.Outcome o = ManifestDiff.compare(previous, current, hash);
            ManifestDiff.Entry e = o.entry();
            return RowFactory.create(e.path(), e.kind(), e.size(), e.modified(), e.hash(), o.status().code());
          } catch (IOException e) {
            // the file vanished or cannot be read: it counts as changed, and reading it makes its reject
            Listed listed = (Listed) current;
            ManifestDiff.Status status = previous == null ? ManifestDiff.Status.NEW : ManifestDiff.Status.CHANGED;
            return RowFactory.create(listed.path, listed.kind, listed.listedSize, 0L, null, status.code());
          }
        }
      };
    }
  }

  /** A listed path, its status read from the file system when asked. */
  private static final class Listed implements ManifestDiff.Current {
    private final String path;
    private final String kind;
    private final long listedSize;
    private final long listedModified;
    private final Configuration conf;
    private FileStatus status;

    Listed(String path, String kind, long listedSize, long listedModified, Configuration conf) {
      this.path = path;
      this.kind = kind;
      this.listedSize = listedSize;
      this.listedModified = listedModified;
      this.conf = conf;
    }

    /** A file whose size and time the listing read: no second look at the file system. */
    private boolean listedWithTime() {
      return ManifestDiff.FILE.equals(kind) && listedModified != InputFile.UNKNOWN;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String kind() {
      return kind;
    }

    private FileStatus status() throws IOException {
      if (status == null) {
        Path p = new Path(path);
        status = p.getFileSystem(conf).getFileStatus(p);
      }
      return status;
    }

    @Override
    public long size() throws IOException {
      return ManifestDiff.FILE.equals(kind) && !listedWithTime() ? status().getLen() : listedSize;
    }

    @Override
    public long modified() throws IOException {
      return listedWithTime() ? listedModified : status().getModificationTime();
    }

    @Override
    public long hash() throws IOException {
      Path p = new Path(path);
      return crc32c(p.getFileSystem(conf), p);
    }
  }
}
