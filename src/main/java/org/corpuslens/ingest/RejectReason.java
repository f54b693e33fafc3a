package org.corpuslens.ingest;

/**
 * Why an input file did not become an article: the {@code reason} column of {@code rejects}. The
 * set is fixed; the {@code detail} column says which file, field or byte was the problem.
 */
public enum RejectReason {
  /** The file has zero bytes. */
  EMPTY_FILE,
  /** The bytes are not text (NUL bytes, an image renamed {@code .md}, ...). */
  BINARY,
  /** The bytes are not valid in the file's encoding. */
  UNDECODABLE,
  /** The file does not start (after an optional BOM and blank lines) with a {@code ---} line. */
  NO_FRONT_MATTER,
  /** The opening {@code ---} has no closing {@code ---} line. */
  UNCLOSED_FRONT_MATTER,
  /** The front matter is not valid YAML, not a mapping, or uses forbidden YAML features. */
  INVALID_YAML,
  /** {@code categories} is present but not a list of strings. */
  BAD_CATEGORIES,
  /** Neither {@code author} nor the second of {@code categories} names a source. */
  MISSING_SOURCE,
  /** {@code date} is absent or blank. */
  MISSING_DATE,
  /** {@code date} is neither RFC 1123 nor {@code yyyy-MM-dd HH:mm:ss} (e.g. {@code Invalid Date}). */
  INVALID_DATE,
  /** {@code date} is before 1990 or more than one day after the run started. */
  IMPLAUSIBLE_DATE,
  /** Nothing is left of the body after extraction. */
  EMPTY_TEXT,
  /**
   * A full web page whose text is not mainly Chinese (by {@code extract.Language}), unless
   * {@code --languages} accepts its language.
   */
  NOT_CHINESE,
  /** The file is larger than the configured size limit. */
  TOO_LARGE,
  /** The file could not be read (permissions, I/O error, vanished). */
  UNREADABLE,
  /** The path matched the input pattern but is not a regular file (a directory named x.md, a symlink loop). */
  NOT_A_FILE,
  /**
   * Processing the file failed unexpectedly (a defect or a resource limit in a parser); the detail
   * names the exception. The file is kept in {@code rejects} rather than failing the whole job.
   */
  PROCESSING_ERROR,
  /**
   * One record of a many-record file (a JSON line, an array element, a CSV row) cannot be parsed
   * or has a field of the wrong type; the detail names the line or index and the parser's message.
   */
  BAD_RECORD,
  /** A many-record file holds no record at all (an empty JSON array, a CSV with only a header). */
  NO_RECORDS,
  /** No record format recognises the file by its content or name (see {@code --format}). */
  UNKNOWN_FORMAT,
  /** A record's fields match no field mapping: no built-in profile fits and no {@code --mapping} was given. */
  UNMAPPED
}
