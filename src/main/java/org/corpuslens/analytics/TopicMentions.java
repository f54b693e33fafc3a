package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_count;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Counts topic mentions in article text with Spark's built-in {@code regexp_count}. The text is
 * scanned once per run: {@link #withCounts} puts every topic's count in {@link
 * Col#TOPIC_MENTIONS}, and the trends and source statistics read that column.
 */
public final class TopicMentions {
  private TopicMentions() {}

  /**
   * Adds {@link Col#TOPIC_MENTIONS}: an array with each lexicon topic's mention count in {@code
   * text}, in the lexicon's order. Needs text; a dataset that already has the column is returned
   * as it is.
   */
  public static Dataset<Row> withCounts(Dataset<Row> articles, TopicLexicon lexicon) {
    if (Arrays.asList(articles.columns()).contains(Col.TOPIC_MENTIONS)) {
      return articles;
    }
    Schemas.requireColumns(articles, "articles", Col.TEXT);
    Column[] counts = lexicon.topics().stream().map(TopicMentions::mentions).toArray(Column[]::new);
    return articles.withColumn(Col.TOPIC_MENTIONS, array(counts));
  }

  /** The mention count of the lexicon's {@code index}-th topic, from {@link Col#TOPIC_MENTIONS}. */
  public static Column count(int index) {
    return col(Col.TOPIC_MENTIONS).getItem(index);
  }

  /**
   * One row per (article, topic) with {@link Col#TOPIC} and {@link Col#MENTION_COUNT}, keeping the
   * given columns of the article. Every article yields one row per topic, zero mentions included.
   * Needs text or {@link Col#TOPIC_MENTIONS}.
   */
  public static Dataset<Row> perArticleTopic(
      Dataset<Row> articles, TopicLexicon lexicon, String... keepColumns) {
    List<Column> select = new ArrayList<>();
    for (String name : keepColumns) {
      select.add(col(name));
    }
    List<Topic> topics = lexicon.topics();
    Column[] structs = new Column[topics.size()];
    for (int i = 0; i < structs.length; i++) {
      structs[i] = struct(lit(topics.get(i).name()).as(Col.TOPIC), count(i).as(Col.MENTION_COUNT));
    }
    select.add(explode(array(structs)).as("t"));
    return withCounts(articles, lexicon)
        .select(select.toArray(Column[]::new))
        .withColumn(Col.TOPIC, col("t." + Col.TOPIC))
        .withColumn(Col.MENTION_COUNT, col("t." + Col.MENTION_COUNT))
        .drop("t");
  }

  /** The mention count of one topic in the text column, as a long. */
  public static Column mentions(Topic topic) {
    return regexp_count(col(Col.TEXT), lit(topic.mentionRegex())).cast("long");
  }
}
