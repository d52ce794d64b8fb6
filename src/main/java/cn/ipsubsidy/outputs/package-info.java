/**
 * How a run's outputs reach the clerk's folder, in step with its posting: nothing lost, nothing
 * placed for a run the ledger does not hold, nothing half-written. {@link
 * cn.ipsubsidy.outputs.FaultHooks} marks the points of that protocol where a test may stop a run.
 */
package cn.ipsubsidy.outputs;
