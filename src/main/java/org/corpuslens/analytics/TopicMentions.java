package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_count;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;

/** Counts topic mentions in article text with Spark's built-in {@code regexp_count}. */
public final class TopicMentions {
  private TopicMentions() {}

  /**
   * One row per (article, topic) with {@link Col#TOPIC} and {@link Col#MENTION_COUNT}, keeping the
   * given columns of the article. Every article yields one row per topic, zero mentions included.
   */
  public static Dataset<Row> perArticleTopic(
      Dataset<Row> articles, TopicLexicon lexicon, String... keepColumns) {
    List<Column> select = new ArrayList<>();
    for (String name : keepColumns) {
      select.add(col(name));
    }
    select.add(explode(topicArray(lexicon)).as("t"));
    return articles
        .select(select.toArray(Column[]::new))
        .withColumn(Col.TOPIC, col("t." + Col.TOPIC))
        .withColumn(Col.MENTION_COUNT, col("t." + Col.MENTION_COUNT))
        .drop("t");
  }

  /** The mention count of one topic in the text column, as a long. */
  public static Column mentions(Topic topic) {
    return regexp_count(col(Col.TEXT), lit(topic.mentionRegex())).cast("long");
  }

  private static Column topicArray(TopicLexicon lexicon) {
    Column[] structs =
        lexicon.topics().stream()
            .map(t -> struct(lit(t.name()).as(Col.TOPIC), mentions(t).as(Col.MENTION_COUNT)))
            .toArray(Column[]::new);
    return array(structs);
  }
}
