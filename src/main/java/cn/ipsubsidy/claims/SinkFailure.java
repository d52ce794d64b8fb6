package cn.ipsubsidy.claims;

/**
 * Carries an exception thrown by the caller's sink through the format readers, so that it is not
 * mistaken for (and wrapped as) a file error; {@link ClaimsFiles} rethrows the cause unchanged.
 */
final class SinkFailure extends RuntimeException {
  SinkFailure(RuntimeException cause) {
    super(cause);
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
