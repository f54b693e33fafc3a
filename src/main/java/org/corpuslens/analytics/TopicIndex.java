package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * {@code topic_index}: the scaled, multi-source index of each topic per period (see {@link
 * ScaledIndex} for the construction). Spark counts the (topic, source, period) cells; each topic's
 * cells (sources × periods, small) are then scaled in plain Java.
 */
public final class TopicIndex {
  /** Default of {@code --index-min-articles}. */
  public static final long DEFAULT_MIN_ARTICLES = 10;

  /**
   * How the index is scaled.
   *
   * @param base the base ranges (eras)
   * @param minArticles the fewest articles a source needs in a period to take part in it
   */
  public record Settings(IndexBase base, long minArticles) implements Serializable {
    public Settings {
      if (minArticles < 1) {
        throw new IllegalArgumentException("the minimum number of articles must be at least 1, not " + minArticles);
      }
    }

    public static Settings defaults() {
      return new Settings(IndexBase.wholeRange(), DEFAULT_MIN_ARTICLES);
    }
  }

  private TopicIndex() {}

  /**
   * @param articles needs period, source, and text or {@link Col#TOPIC_MENTIONS} (the same
   *     lexicon); duplicates already left out as the run decides
   */
  public static Dataset<Row> compute(
      Dataset<Row> articles, TopicLexicon lexicon, PeriodGrain grain, Settings settings) {
    Schemas.requireColumns(articles, "articles", Col.PERIOD, Col.SOURCE);
    Dataset<Row> cells =
        TopicMentions.perArticleTopic(articles, lexicon, Col.PERIOD, Col.SOURCE)
            .groupBy(col(Col.TOPIC), col(Col.SOURCE), col(Col.PERIOD))
            .agg(
                sum(when(col(Col.MENTION_COUNT).gt(0), 1L).otherwise(0L)).as(Col.MATCHING_ARTICLES),
                count(lit(1)).as(Col.TOTAL_ARTICLES));
    return cells
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(new Scale(grain, settings), Encoders.row(Schemas.TOPIC_INDEX));
  }

  private static final class Scale implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PeriodGrain grain;
    private final Settings settings;

    Scale(PeriodGrain grain, Settings settings) {
      this.grain = grain;
      this.settings = settings;
    }

    @Override
    public Iterator<Row> call(String topic, Iterator<Row> rows) {
      List<ScaledIndex.Cell> cells = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        LocalDate period = r.<java.sql.Date>getAs(Col.PERIOD).toLocalDate();
        cells.add(new ScaledIndex.Cell(r.getAs(Col.SOURCE), period, r.<Long>getAs(Col.MATCHING_ARTICLES),
            r.<Long>getAs(Col.TOTAL_ARTICLES)));
      }
      List<Row> out = new ArrayList<>();
      for (ScaledIndex.Point p : ScaledIndex.compute(cells, grain, settings.base(), settings.minArticles())) {
        out.add(RowFactory.create(java.sql.Date.valueOf(p.period()), topic, p.index(), p.sourcesUsed(), p.matching(),
            p.total()));
      }
      return out.iterator();
    }
  }
}
