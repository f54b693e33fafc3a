package org.corpuslens.ingest.format;

import java.util.Iterator;
import java.util.List;

/**
 * The records of one {@link RecordInput}, read lazily: a format never holds more than one record
 * of a big file in memory. A record that cannot be parsed is a {@link SourceRecord#failed} record
 * and iteration goes on when the format can resynchronise (the next line); a failure it cannot
 * recover from (a truncated JSON array) is the last record. Never throws for bad data.
 */
public interface RecordIterator extends Iterator<SourceRecord>, AutoCloseable {
  /** Releases what the format holds (parsers); never closes the input stream. */
  @Override
  default void close() {}

  /** Iterates over the given records. */
  static RecordIterator of(List<SourceRecord> records) {
    Iterator<SourceRecord> it = records.iterator();
    return new RecordIterator() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public SourceRecord next() {
        return it.next();
      }
    };
  }
}
