package cn.ipsubsidy.engine;

/**
 * Takes each {@link PayoutLine} as the engine computes it, in processing order (see {@link
 * RowSource}); {@link PayoutLine#row()} carries the input index for putting them back in input
 * order.
 */
@FunctionalInterface
public interface LineSink {
  void accept(PayoutLine line);
}
