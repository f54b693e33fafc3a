package org.corpuslens.generate;

/**
 * Where the generator wrote keywords (or keyword look-alikes) that must NOT count as mentions,
 * and where it dressed counted keywords in markup; tallied in the ground truth to show what the
 * corpus exercises.
 */
public enum Placement {
  /** a keyword in the front matter title (the title is not text) */
  TITLE,
  /** a keyword inside the {@code <!--article_adlist[...]article_adlist-->} ad block */
  AD_BLOCK,
  /** a keyword in the app/QR promotion block */
  QR_BLOCK,
  /** a keyword in a CSS comment of the {@code <style>} block */
  STYLE_BLOCK,
  /** a keyword in a {@code <script>} */
  SCRIPT,
  /** a keyword in a hidden element ({@code hidden} or {@code display:none}) */
  HIDDEN,
  /** a keyword in an image's {@code alt} attribute */
  IMAGE_ALT,
  /** a keyword in a {@code 来源：NAME} origin line */
  ORIGIN_LINE,
  /** a keyword in an editor line's name */
  EDITOR_LINE,
  /** a keyword cut in two by a paragraph break (not a mention) */
  SPLIT_ACROSS_PARAGRAPHS,
  /** a look-alike: {@code 绿色发展}, {@code 绿色 金融} (not a mention) */
  NEAR_MISS,
  /** a counted keyword split by inline markup: {@code 绿色<b>金融</b>} (one mention) */
  INLINE_MARKUP,
  /** a counted two-keyword overlap of one topic: {@code 生物医药产业} (one mention) */
  OVERLAP_SAME_TOPIC,
  /** a counted overlap of two topics' keywords: {@code 数字化转型金融} (one mention of each) */
  OVERLAP_TWO_TOPICS;

  /** The name used in the ground truth. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
