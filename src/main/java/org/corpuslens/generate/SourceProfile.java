package org.corpuslens.generate;

import java.util.List;

/**
 * One generated source.
 *
 * @param index position in the catalog
 * @param name the source (front matter {@code author} and {@code categories[1]})
 * @param section {@code categories[0]}
 * @param feeds its feeds ({@code categories[2]}), one folder each
 * @param style how it writes bodies and dates
 * @param topicFactors per topic, how much more or less often than average it mentions the topic
 */
record SourceProfile(int index, String name, String section, List<String> feeds, BodyStyle style, double[] topicFactors) {
  SourceProfile {
    feeds = List.copyOf(feeds);
    topicFactors = topicFactors.clone();
  }

  double topicFactor(int topic) {
    return topicFactors[topic];
  }
}
