package org.corpuslens.ingest;

import java.util.Objects;

/**
 * A data error in one input file: the file goes to {@code rejects} with {@link #reason()} and the
 * message as detail. Not for configuration errors or bugs.
 */
public final class RejectException extends Exception {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  public RejectException(RejectReason reason, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectException(RejectReason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectReason reason() {
    return reason;
  }
}
