package org.corpuslens.generate;

import org.corpuslens.ingest.RejectReason;

/**
 * One generated file and what the generator decided it is.
 *
 * @param index the post's index (0 .. N-1)
 * @param relativePath path under the output directory, {@code source/_posts/...}
 * @param bytes the file's content
 * @param reason null for an article, else the reason the pipeline must reject it for
 * @param source index of the source the pipeline must attribute the article (or reject) to; -1
 *     for a reject whose front matter cannot be read
 * @param month index of the article's month (Asia/Shanghai); -1 for rejects
 * @param epochSecond the article's date (UTC seconds); 0 for rejects
 * @param mentions per topic, the mentions the generator wrote into the article's text
 * @param crawled whether the article is dated by crawl time
 * @param placements per {@link Placement}, how many the post holds
 * @param original for a duplicate, the article it copies (title and body); else null
 * @param edits for a near-duplicate, its edits ({@link NearEdit} names joined by +); else null
 */
record GeneratedPost(
    long index,
    String relativePath,
    byte[] bytes,
    RejectReason reason,
    int source,
    int month,
    long epochSecond,
    int[] mentions,
    boolean crawled,
    int[] placements,
    Member original,
    String edits) {

  /**
   * What the ground truth needs of an article to account for it among duplicates.
   *
   * @param index the post's index
   * @param relativePath its path
   * @param source its source index
   * @param month its month index
   * @param epochSecond its date, which decides which member of a duplicate group is kept
   * @param mentions per topic
   */
  record Member(long index, String relativePath, int source, int month, long epochSecond, int[] mentions) {}

  boolean isArticle() {
    return reason == null;
  }

  boolean isDuplicate() {
    return original != null;
  }

  /** The same post without its content, once written. */
  GeneratedPost withoutBytes() {
    return new GeneratedPost(index, relativePath, new byte[0], reason, source, month, epochSecond, mentions, crawled, placements, original, edits);
  }

  Member asMember() {
    return new Member(index, relativePath, source, month, epochSecond, mentions);
  }
}
