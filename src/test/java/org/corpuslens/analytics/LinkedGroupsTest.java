package org.corpuslens.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** Union-find groups on hand-made graphs, and against a brute-force reference on random ones. */
class LinkedGroupsTest {

  private static LinkedGroups.Key key(Long t, String path, String id) {
    return new LinkedGroups.Key(t, path, id);
  }

  private static Map<String, String> keptOf(LinkedGroups g) {
    Map<String, String> m = new HashMap<>();
    for (LinkedGroups.Member member : g.members()) {
      assertThat(m.put(member.articleId(), member.keptId())).as("member listed once").isNull();
    }
    return m;
  }

  @Test
  void aChainKeepsItsEarliestMemberWhereverItIs() {
    LinkedGroups g = new LinkedGroups();
    g.link(key(30L, "p", "c"), key(20L, "p", "b"));
    g.link(key(20L, "p", "b"), key(10L, "p", "a"));
    g.link(key(40L, "p", "d"), key(30L, "p", "c"));
    assertThat(keptOf(g)).containsExactlyInAnyOrderEntriesOf(Map.of("b", "a", "c", "a", "d", "a"));
  }

  @Test
  void nullTimesComeFirstThenThePathThenTheId() {
    LinkedGroups g = new LinkedGroups();
    g.link(key(10L, "a.md", "x"), key(null, "z.md", "y")); // no time: first, as Spark's min of the struct
    g.link(key(5L, "b.md", "s"), key(5L, "a.md", "t")); // same time: the smaller path
    g.link(key(7L, "c.md", "n2"), key(7L, "c.md", "n1")); // same time and path: the smaller id
    g.link(key(8L, null, "q"), key(8L, "a.md", "r")); // no path: first
    assertThat(keptOf(g)).containsExactlyInAnyOrderEntriesOf(Map.of("x", "y", "s", "t", "n2", "n1", "r", "q"));
  }

  @Test
  void separateGroupsStaySeparateAndRepeatedPairsChangeNothing() {
    LinkedGroups g = new LinkedGroups();
    for (int i = 0; i < 3; i++) {
      g.link(key(2L, "p", "a2"), key(1L, "p", "a1"));
      g.link(key(4L, "p", "b2"), key(3L, "p", "b1"));
    }
    g.link(key(1L, "p", "a1"), key(1L, "p", "a1")); // a loop
    assertThat(keptOf(g)).containsExactlyInAnyOrderEntriesOf(Map.of("a2", "a1", "b2", "b1"));
  }

  @Test
  void sparkLabelRowsBecomeKeys() {
    java.time.Instant t = java.time.Instant.parse("2022-03-01T00:00:00.123456Z");
    long micros = t.getEpochSecond() * 1_000_000L + 123_456;
    assertThat(NearDuplicates.key(RowFactory.create(java.sql.Timestamp.from(t), "p", "id")))
        .isEqualTo(key(micros, "p", "id"));
    assertThat(NearDuplicates.key(RowFactory.create(t, null, "id"))).isEqualTo(key(micros, null, "id"));
    assertThat(NearDuplicates.key(RowFactory.create(null, "p", "id"))).isEqualTo(key(null, "p", "id"));
  }

  /** Random graphs: each member's kept article is the smallest key reachable from it (by search). */
  @Test
  void matchesASearchOfEachComponentOnRandomGraphs() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int n = 2 + random.nextInt(40);
      List<LinkedGroups.Key> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(key(random.nextInt(4) == 0 ? null : (long) random.nextInt(6), "p" + random.nextInt(3), "id" + i));
      }
      List<int[]> edges = new ArrayList<>();
      LinkedGroups g = new LinkedGroups();
      for (int e = random.nextInt(2 * n); e > 0; e--) {
        int a = random.nextInt(n);
        int b = random.nextInt(n);
        edges.add(new int[] {a, b});
        g.link(keys.get(a), keys.get(b));
      }
      Map<String, String> expected = new HashMap<>();
      for (int v = 0; v < n; v++) {
        boolean linked = false;
        for (int[] e : edges) {
          linked |= e[0] == v || e[1] == v;
        }
        if (!linked) {
          continue;
        }
        // breadth-first search of v's component, keeping the smallest key
        boolean[] seen = new boolean[n];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(v));
        seen[v] = true;
        LinkedGroups.Key best = keys.get(v);
        while (!queue.isEmpty()) {
          int u = queue.poll();
          if (LinkedGroups.Key.ORDER.compare(keys.get(u), best) < 0) {
            best = keys.get(u);
          }
          for (int[] e : edges) {
            int w = e[0] == u ? e[1] : e[1] == u ? e[0] : -1;
            if (w >= 0 && !seen[w]) {
              seen[w] = true;
              queue.add(w);
            }
          }
        }
        if (!best.articleId().equals(keys.get(v).articleId())) {
          expected.put(keys.get(v).articleId(), best.articleId());
        }
      }
      assertThat(keptOf(g)).as("round %d", round).isEqualTo(expected);
    }
  }
}
