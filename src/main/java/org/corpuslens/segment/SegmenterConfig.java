package org.corpuslens.segment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link HanLpSegmenter} needs besides HanLP itself: the words that must stay whole and the
 * words to drop. Immutable and serializable, so a Spark driver can ship it to executors, where
 * {@link Segmenters#get(SegmenterConfig)} turns it into one segmenter per JVM.
 *
 * <p>Both lists are normalized on construction: each entry is stripped of surrounding whitespace,
 * duplicates are dropped (the first occurrence keeps its place), blank entries and {@code null}s
 * are rejected. Equality is value equality of the normalized lists, in order.
 *
 * @param customWords words that come out as single tokens tagged {@code nz} (e.g. the topic
 *     keywords {@code 绿色金融}, {@code 碳减排支持工具}), whatever HanLP's dictionaries say
 * @param stopWords words removed from the output; Latin letters compare case-insensitively
 * @param standard the segmentation convention where conventions disagree (numbers and quantities,
 *     person names): {@link SegmentationStandard#MSR} unless said otherwise
 */
public record SegmenterConfig(List<String> customWords, List<String> stopWords, SegmentationStandard standard)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  public SegmenterConfig {
    customWords = normalize(customWords, "customWords");
    stopWords = normalize(stopWords, "stopWords");
    Objects.requireNonNull(standard, "standard");
  }

  /** A configuration of the default standard ({@link SegmentationStandard#MSR}). */
  public SegmenterConfig(List<String> customWords, List<String> stopWords) {
    this(customWords, stopWords, SegmentationStandard.MSR);
  }

  /** This configuration with another segmentation standard. */
  public SegmenterConfig withStandard(SegmentationStandard other) {
    return new SegmenterConfig(customWords, stopWords, other);
  }

  /**
   * A configuration with the given custom words and the shipped stop list ({@link
   * StopWords#defaults()}).
   *
   * @param customWords words that must stay whole
   * @return the configuration
   */
  public static SegmenterConfig withDefaultStopWords(List<String> customWords) {
    return new SegmenterConfig(customWords, StopWords.defaults());
  }

  private static List<String> normalize(List<String> words, String name) {
    Objects.requireNonNull(words, name);
    Set<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null) {
        throw new IllegalArgumentException(name + "[" + i + "] is null");
      }
      String stripped = word.strip();
      if (stripped.isEmpty()) {
        throw new IllegalArgumentException(name + "[" + i + "] is blank");
      }
      unique.add(stripped);
    }
    return List.copyOf(new ArrayList<>(unique));
  }

  @Override
  public String toString() {
    return "SegmenterConfig[" + customWords.size() + " custom words, " + stopWords.size()
        + " stop words, " + standard.id() + "]";
  }
}
