package org.corpuslens.ingest.format;

/** How a format's files map to records, and so how the reading is planned on the driver. */
public enum Layout {
  /** One file is one record (a post, a saved page, a THUCNews text): files are packed into bins. */
  SINGLE,
  /**
   * One file holds many records and must be read from its first byte (a JSON array, quoted CSV, a
   * WARC file): a big file is streamed by one task and its records are then spread over the cores.
   */
  STREAM,
  /**
   * One file holds many records with a byte-level record boundary (JSON Lines, SogouCS XML): a big
   * file is cut into byte ranges read by separate tasks, like Hadoop's {@code LineRecordReader}.
   */
  SPLITTABLE
}
