package org.corpuslens.analytics;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.corpuslens.tables.Col;
import org.corpuslens.testing.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalSpark.class)
class MentionSampleTest {
  private static final StructType MENTIONS = new StructType()
      .add(Col.ARTICLE_ID, StringType).add(Col.TOPIC, StringType).add(Col.RULE_PART, StringType).add(Col.TERM, StringType)
      .add(Col.FIELD, StringType).add(Col.OFFSET, IntegerType).add(Col.SNIPPET, StringType).add(Col.SOURCE, StringType)
      .add(Col.PERIOD, DateType);
  private static final StructType ARTICLES = new StructType()
      .add(Col.ARTICLE_ID, StringType).add(Col.TITLE, StringType).add(Col.TEXT, StringType);

  /** Topic X: 5 matching articles in January, 1 in February, 3 in March (two mentions each); topic Y: 1. */
  private static Dataset<Row>[] tables(SparkSession spark) {
    List<Row> mentions = new ArrayList<>();
    List<Row> articles = new ArrayList<>();
    int[] perMonth = {5, 1, 3};
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < perMonth[m]; i++) {
        String id = "x" + (m + 1) + "-" + i;
        Date period = Date.valueOf("2022-0" + (m + 1) + "-01");
        mentions.add(RowFactory.create(id, "X", "any", "经济", "text", 0, "经济好", "甲", period));
        mentions.add(RowFactory.create(id, "X", "any", "金融", "text", 3, "金融", "甲", period));
        articles.add(RowFactory.create(id, "t", "经济好金融"));
      }
    }
    mentions.add(RowFactory.create("x1-0", "Y", "any", "好", "text", 2, "好", "甲", Date.valueOf("2022-01-01")));
    articles.add(RowFactory.create("unmatched", "t", "无关"));
    @SuppressWarnings("unchecked")
    Dataset<Row>[] t = new Dataset[] {spark.createDataFrame(mentions, MENTIONS), spark.createDataFrame(articles, ARTICLES)};
    return t;
  }

  private static Map<String, List<String>> sample(Dataset<Row>[] t, int n, long seed) {
    Map<String, List<String>> ids = new TreeMap<>();
    for (Row r : MentionSample.select(t[0], t[1], n, seed).collectAsList()) {
      ids.computeIfAbsent(r.<String>getAs(Col.TOPIC), k -> new ArrayList<>()).add(r.getAs(Col.ARTICLE_ID));
      assertThat(r.<Long>getAs(Col.MENTION_COUNT)).isEqualTo(r.<String>getAs(Col.TOPIC).equals("X") ? 2L : 1L);
      assertThat(r.<String>getAs(Col.TEXT)).isEqualTo("经济好金融");
    }
    return ids;
  }

  @Test
  void stratifiedByPeriodSeededAndBounded(SparkSession spark) {
    Dataset<Row>[] t = tables(spark);
    Map<String, List<String>> four = sample(t, 4, 1);
    // round 1 takes one article of each of the three months, round 2 one more of January or March
    List<String> x = four.get("X");
    assertThat(x).hasSize(4);
    assertThat(x).filteredOn(id -> id.startsWith("x2-")).containsExactly("x2-0");
    assertThat(x.stream().filter(id -> id.startsWith("x1-")).count()).isBetween(1L, 2L);
    assertThat(x.stream().filter(id -> id.startsWith("x3-")).count()).isBetween(1L, 2L);
    assertThat(four.get("Y")).containsExactly("x1-0");
    assertThat(sample(t, 4, 1)).isEqualTo(four);
    // more than there is: all nine
    assertThat(sample(t, 50, 1).get("X")).hasSize(9);
    // another seed picks other articles for some seed (the choice depends on it)
    boolean differs = false;
    for (long seed = 2; seed < 12 && !differs; seed++) {
      differs = !sample(t, 4, seed).equals(four);
    }
    assertThat(differs).isTrue();
  }
}
