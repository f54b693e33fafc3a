package org.corpuslens.ingest.format;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * A record format: how the bytes of one input file become {@link SourceRecord}s. The Hexo post is
 * one ({@link PostFormat}); JSON Lines, JSON documents, CSV, SogouCS XML, THUCNews texts, WARC
 * files are others. {@code io} lists and opens files and hands them to a format; the pipeline
 * turns each record into an article or a reject. Implementations are stateless and serializable
 * (they travel inside Spark tasks); add a new one to {@link RecordFormats#BUILT_IN}.
 */
public interface RecordFormat extends Serializable {
  /** The name used by {@code --format}, in the run summary and in {@code record_format}. */
  String name();

  /** File-name suffixes, lower case with the dot ({@code .jsonl}): the default patterns with {@code --format}. */
  List<String> extensions();

  /** How files map to records; decides how the reading is planned. */
  Layout layout();

  /**
   * Whether {@code fileName} with these first bytes is this format. Never reads beyond {@code
   * head} (up to {@link RecordFormats#HEAD_BYTES}, fewer for a short file).
   */
  Match detect(String fileName, byte[] head);

  /**
   * Starts reading. For a {@link Layout#SPLITTABLE} format and a byte range ({@code !input.wholeFile()}),
   * reads the records that start in the range, resynchronising at {@code start} on the format's
   * record boundary. Bad data gives failed records, not exceptions; an {@code IOException} means the
   * file itself could not be read (the caller makes it one reject).
   */
  RecordIterator open(RecordInput input) throws IOException;
}
