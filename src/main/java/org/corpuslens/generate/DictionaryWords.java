package org.corpuslens.generate;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The words of HanLP's core dictionary, the one its segmenter uses (the portable jar ships it only
 * as a double-array trie, {@code CoreNatureDictionary.mini.txt.bin}, without a word list). The
 * words are recovered by walking the trie through HanLP's public {@link CoreDictionary} API:
 * every position {@code p} with {@code check[p] == b} is the child of the node whose base is
 * {@code b}, for the character {@code p - b - 1} (or the word end, for {@code p == b}).
 */
public final class DictionaryWords {
  /**
   * One dictionary word.
   *
   * @param word the word
   * @param frequency its total frequency in HanLP's corpus
   * @param nature its most frequent part-of-speech tag
   */
  public record Entry(String word, int frequency, String nature) {}

  private DictionaryWords() {}

  /** All words of the core dictionary, most frequent first (ties: by word). */
  public static List<Entry> load() {
    DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
    int[] base = trie.getBase();
    int[] check = trie.getCheck();
    // children index: positions sorted by the base of their parent
    long[] byParent = new long[check.length];
    int m = 0;
    for (int p = 1; p < check.length; p++) {
      if (check[p] != 0) {
        byParent[m++] = ((long) check[p] << 32) | p;
      }
    }
    byParent = Arrays.copyOf(byParent, m);
    Arrays.sort(byParent);
    List<Entry> out = new ArrayList<>(trie.size());
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(new Node(base[0], ""));
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      for (int k = firstChild(byParent, node.base); k < byParent.length && (int) (byParent[k] >>> 32) == node.base; k++) {
        int p = (int) byParent[k];
        int c = p - node.base - 1;
        if (c == -1) {
          if (base[p] < 0) {
            CoreDictionary.Attribute a = trie.getValueAt(-base[p] - 1);
            if (a != null && a.nature != null && a.nature.length > 0) {
              out.add(new Entry(node.prefix, a.totalFrequency, a.nature[0].toString()));
            }
          }
        } else if (c >= 0 && c <= Character.MAX_VALUE && node.prefix.length() < 32) {
          stack.push(new Node(base[p], node.prefix + (char) c));
        }
      }
    }
    if (out.size() < 1000) {
      throw new IllegalStateException("HanLP's core dictionary yielded only " + out.size() + " words");
    }
    out.sort(Comparator.comparingInt(Entry::frequency).reversed().thenComparing(Entry::word));
    return List.copyOf(out);
  }

  private static int firstChild(long[] byParent, int base) {
    int lo = 0;
    int hi = byParent.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((int) (byParent[mid] >>> 32) < base) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private record Node(int base, String prefix) {}
}
