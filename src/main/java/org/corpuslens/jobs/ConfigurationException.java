package org.corpuslens.jobs;

/** Bad configuration: reported before Spark starts, with what to fix; the job exits 2. */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
