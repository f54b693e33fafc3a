package org.corpuslens.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups of articles linked by verified near-duplicate pairs (connected components), each with the
 * member that is kept: the one with the smallest {@link Key}. Union-find with path halving and
 * union by size, so a batch of edges costs about linear time; plain Java, run in one Spark task
 * when the edges are few enough to hold (see {@link NearDuplicates}).
 */
final class LinkedGroups {

  /**
   * What decides the kept member, compared field by field with nulls first (the order Spark's
   * {@code min} gives a struct of these three columns).
   *
   * @param publishedMicros publication time, microseconds since the epoch, or null
   * @param sourcePath the record's path, or null
   * @param articleId the article id
   */
  record Key(Long publishedMicros, String sourcePath, String articleId) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::publishedMicros, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(Key::sourcePath, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::articleId, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    Key {
      Objects.requireNonNull(articleId, "articleId");
    }
  }

  /** A member that is not kept, and the kept member of its group. */
  record Member(String articleId, String keptId) {}

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Key> keys = new ArrayList<>();
  private int[] parent = new int[16];
  private int[] size = new int[16];
  /** Per root: the index of the smallest key in its group. */
  private int[] smallest = new int[16];

  /** Links the two articles (an edge of the graph); a vertex seen again keeps its first key. */
  void link(Key a, Key b) {
    int x = find(vertex(a));
    int y = find(vertex(b));
    if (x == y) {
      return;
    }
    if (size[x] < size[y]) {
      int t = x;
      x = y;
      y = t;
    }
    parent[y] = x;
    size[x] += size[y];
    if (Key.ORDER.compare(keys.get(smallest[y]), keys.get(smallest[x])) < 0) {
      smallest[x] = smallest[y];
    }
  }

  /** Every article that is not the kept one of its group, with the kept one; in no set order. */
  List<Member> members() {
    List<Member> out = new ArrayList<>();
    for (int v = 0; v < keys.size(); v++) {
      Key kept = keys.get(smallest[find(v)]);
      if (!kept.articleId().equals(keys.get(v).articleId())) {
        out.add(new Member(keys.get(v).articleId(), kept.articleId()));
      }
    }
    return out;
  }

  private int vertex(Key key) {
    Integer known = index.get(key.articleId());
    if (known != null) {
      return known;
    }
    int v = keys.size();
    if (v == parent.length) {
      int n = v * 2;
      parent = java.util.Arrays.copyOf(parent, n);
      size = java.util.Arrays.copyOf(size, n);
      smallest = java.util.Arrays.copyOf(smallest, n);
    }
    keys.add(key);
    index.put(key.articleId(), v);
    parent[v] = v;
    size[v] = 1;
    smallest[v] = v;
    return v;
  }

  private int find(int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }
}
