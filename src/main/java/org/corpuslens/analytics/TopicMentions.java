package org.corpuslens.analytics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.corpuslens.tables.Col;
import org.corpuslens.tables.Schemas;

/**
 * Evaluates the lexicon's topic rules on every article in one pass over its title and text (see
 * {@link TopicMatcher}). {@link #withCounts} puts every topic's counted mentions in {@link
 * Col#TOPIC_MENTIONS}; {@link #withMatches} also lists the mentions themselves in {@link
 * Col#TOPIC_MATCHES}, from the same pass, for {@code topic_mentions}. Trends and source statistics
 * read {@link Col#TOPIC_MENTIONS}.
 */
public final class TopicMentions {
  private TopicMentions() {}

  /**
   * Adds {@link Col#TOPIC_MENTIONS}: an array with each lexicon topic's counted mentions (0 when the
   * article does not match the topic's rule), in the lexicon's order. Needs text, and title when a
   * topic's scope includes it; a dataset that already has the column is returned as it is.
   */
  public static Dataset<Row> withCounts(Dataset<Row> articles, TopicLexicon lexicon) {
    if (Arrays.asList(articles.columns()).contains(Col.TOPIC_MENTIONS)) {
      return articles;
    }
    return evaluate(articles, lexicon, false).drop(Col.TOPIC_MATCHES);
  }

  /** Adds {@link Col#TOPIC_MENTIONS} and {@link Col#TOPIC_MATCHES} (the counted mentions) in one pass. */
  public static Dataset<Row> withMatches(Dataset<Row> articles, TopicLexicon lexicon) {
    return evaluate(articles, lexicon, true);
  }

  private static Dataset<Row> evaluate(Dataset<Row> articles, TopicLexicon lexicon, boolean withMentions) {
    Schemas.requireColumns(articles, "articles", Col.TEXT);
    boolean needsTitle = lexicon.topics().stream().anyMatch(t -> t.scope().title());
    if (needsTitle) {
      Schemas.requireColumns(articles, "articles", Col.TITLE);
    }
    Column title = needsTitle ? col(Col.TITLE) : lit(null).cast("string");
    // one evaluation per row: marked non-deterministic so that the optimizer never copies the call
    // into each of the two fields read below
    UserDefinedFunction match =
        udf(new Evaluate(lexicon, withMentions), Schemas.TOPIC_MATCH).asNondeterministic();
    String tmp = "_topic_match";
    return articles
        .withColumn(tmp, match.apply(title, col(Col.TEXT)))
        .withColumn(Col.TOPIC_MENTIONS, col(tmp + "." + Col.TOPIC_MENTIONS))
        .withColumn(Col.TOPIC_MATCHES, col(tmp + "." + Col.TOPIC_MATCHES))
        .drop(tmp);
  }

  /** The per-row function: a lexicon shipped to the executors, its matcher built there once. */
  private static final class Evaluate implements UDF2<String, String, Row> {
    private static final long serialVersionUID = 1L;
    private final TopicLexicon lexicon;
    private final boolean withMentions;
    private transient TopicMatcher matcher;

    Evaluate(TopicLexicon lexicon, boolean withMentions) {
      this.lexicon = lexicon;
      this.withMentions = withMentions;
    }

    @Override
    public Row call(String title, String text) {
      if (matcher == null) {
        matcher = new TopicMatcher(lexicon);
      }
      TopicMatcher.Result result = matcher.match(title, text, withMentions);
      Long[] counts = new Long[result.counts().length];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = result.counts()[i];
      }
      List<Row> mentions = new ArrayList<>(result.mentions().size());
      List<Topic> topics = lexicon.topics();
      for (TopicMatcher.Mention m : result.mentions()) {
        mentions.add(RowFactory.create(
            topics.get(m.topic()).name(), m.rulePart(), m.term(), m.field(), m.offset(), m.snippet()));
      }
      return RowFactory.create(Arrays.asList(counts), mentions);
    }
  }

  /** The mention count of the lexicon's {@code index}-th topic, from {@link Col#TOPIC_MENTIONS}. */
  public static Column count(int index) {
    return col(Col.TOPIC_MENTIONS).getItem(index);
  }

  /**
   * {@code topic_mentions}: one row per counted mention, from articles with {@link
   * Col#TOPIC_MATCHES} (see {@link #withMatches}) and article_id, source, period, published_at.
   */
  public static Dataset<Row> mentionRows(Dataset<Row> articlesWithMatches) {
    Schemas.requireColumns(articlesWithMatches, "articles", Col.ARTICLE_ID, Col.TOPIC_MATCHES, Col.SOURCE, Col.PERIOD,
        Col.PUBLISHED_AT);
    String m = "_m";
    List<Column> out = new ArrayList<>();
    for (String c : Schemas.TOPIC_MENTION_COLUMNS) {
      boolean fromMention = Arrays.asList(Schemas.MENTION.fieldNames()).contains(c);
      out.add(fromMention ? col(m + "." + c).as(c) : col(c));
    }
    return articlesWithMatches
        .select(col(Col.ARTICLE_ID), col(Col.SOURCE), col(Col.PERIOD), col(Col.PUBLISHED_AT),
            explode(col(Col.TOPIC_MATCHES)).as(m))
        .select(out.toArray(Column[]::new));
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
}
