/**
 * Sluice's public extension API: interfaces that user code implements and ships in its own jars ({@code sluice submit
 * --jar}). It depends on the value model only ({@link io.sluice.row.Row}, {@link io.sluice.types.StructType}), never
 * on Hadoop, so a function compiles against the Sluice jar alone.
 */
package io.sluice.api;
