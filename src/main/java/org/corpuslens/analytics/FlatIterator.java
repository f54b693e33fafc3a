package org.corpuslens.analytics;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/** The rows of each input row's expansion, one input row at a time. */
abstract class FlatIterator implements Iterator<Row> {
  private final Iterator<Row> in;
  private Iterator<Row> current = java.util.Collections.emptyIterator();

  FlatIterator(Iterator<Row> in) {
    this.in = in;
  }

  private boolean ended;

  abstract List<Row> expand(Row r);

  /** Rows to emit after the last input row. */
  List<Row> last() {
    return List.of();
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && in.hasNext()) {
      current = expand(in.next()).iterator();
    }
    if (!current.hasNext() && !ended) {
      ended = true;
      current = last().iterator();
    }
    return current.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException();
    }
    return current.next();
  }
}
