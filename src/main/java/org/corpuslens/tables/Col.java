package org.corpuslens.tables;

/** Column names of every CorpusLens table, defined once. */
public final class Col {
  private Col() {}

  // articles
  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE_PATH = "source_path";
  public static final String SOURCE = "source";
  public static final String SECTION = "section";
  public static final String CHANNEL = "channel";
  public static final String TITLE = "title";
  public static final String EDITOR = "editor";
  public static final String ORIGINAL_SOURCE = "original_source";
  public static final String PUBLISHED_AT = "published_at";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String DATE_KIND = "date_kind";
  public static final String PERIOD = "period";
  public static final String TEXT = "text";
  public static final String CHAR_COUNT = "char_count";
  public static final String PARAGRAPH_COUNT = "paragraph_count";
  public static final String IMAGE_COUNT = "image_count";
  public static final String TOKENS = "tokens";
  public static final String TOKEN_POS = "token_pos";
  public static final String TOKEN_COUNT = "token_count";
  public static final String SIZE_BYTES = "size_bytes";
  public static final String YEAR = "year";
  public static final String DUPLICATE_OF = "duplicate_of";
  /** Jaccard similarity of a duplicate's normalised text to the kept article's (1 for exact copies). */
  public static final String SIMILARITY = "similarity";
  /** The record format that read the article or reject ({@code post}, {@code jsonl}, ...). */
  public static final String RECORD_FORMAT = "record_format";
  /** The record's URL (mapped records). */
  public static final String URL = "url";
  /** The record's author or reporter (mapped records). */
  public static final String AUTHOR = "author";
  /** The record's own id in its dump (mapped records). */
  public static final String RECORD_ID = "record_id";
  /** The mapping's kept fields (map of field path to text). */
  public static final String EXTRA = "extra";
  /** {@code zh}, {@code ja}, {@code ko} or {@code other}: the script of the text (extract.Language). */
  public static final String LANGUAGE = "language";

  // rejects
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  // term_frequencies
  public static final String TERM = "term";
  public static final String POS = "pos";
  public static final String COUNT = "count";
  public static final String DOC_COUNT = "doc_count";
  public static final String PERIOD_SOURCE_TOKENS = "period_source_tokens";
  public static final String PERIOD_SOURCE_ARTICLES = "period_source_articles";

  // topic_trends, topic_trends_by_source
  public static final String TOPIC = "topic";
  public static final String ARTICLE_COUNT = "article_count";
  public static final String MENTION_COUNT = "mention_count";
  /**
   * Working column, never stored: each lexicon topic's mention count in an article's text, in the
   * lexicon's order (see {@code TopicMentions.withCounts}).
   */
  public static final String TOPIC_MENTIONS = "topic_mentions";
  public static final String TOTAL_ARTICLES = "total_articles";
  public static final String TOTAL_CHARS = "total_chars";
  public static final String ARTICLE_SHARE = "article_share";
  public static final String MENTIONS_PER_10K_CHARS = "mentions_per_10k_chars";
  public static final String INDEX = "index";

  // topic_index
  public static final String SOURCES_USED = "sources_used";
  public static final String MATCHING_ARTICLES = "matching_articles";

  // topic_mentions
  public static final String RULE_PART = "rule_part";
  public static final String FIELD = "field";
  public static final String OFFSET = "offset";
  public static final String SNIPPET = "snippet";
  /**
   * Working column, never stored: the counted mentions of an article (one struct per row of
   * {@code topic_mentions}, see {@code TopicMentions.withMatches}).
   */
  public static final String TOPIC_MATCHES = "topic_matches";

  // source_stats
  public static final String FIRST_PUBLISHED_AT = "first_published_at";
  public static final String LAST_PUBLISHED_AT = "last_published_at";
  public static final String ACTIVE_DAYS = "active_days";
  public static final String ARTICLES_PER_ACTIVE_DAY = "articles_per_active_day";
  public static final String CHAR_COUNT_MEAN = "char_count_mean";
  public static final String CHAR_COUNT_MEDIAN = "char_count_median";
  public static final String CHAR_COUNT_P90 = "char_count_p90";
  public static final String SHORT_TEXT_COUNT = "short_text_count";
  public static final String DISTINCT_EDITORS = "distinct_editors";
  public static final String TOP_EDITOR = "top_editor";
  public static final String REJECT_COUNT = "reject_count";
  public static final String CRAWL_DATE_COUNT = "crawl_date_count";
  public static final String DUPLICATE_COUNT = "duplicate_count";
  public static final String TOPIC_ARTICLE_SHARE = "topic_article_share";

  // syndication
  public static final String COPIED_BY = "copied_by";
  public static final String EXACT_COUNT = "exact_count";
  public static final String MEDIAN_DELAY_MINUTES = "median_delay_minutes";

  // intermediate columns
  public static final String MENTIONS = "mentions";
  public static final String KIND = "kind";
  /** True on exactly one row per input file or archive entry: the run's accounting. */
  public static final String ACCOUNTS_FOR_FILE = "accounts_for_file";
  /** The field mapping (profile name or --mapping file) a record was read with, or null. */
  public static final String RECORD_MAPPING = "record_mapping";
}
