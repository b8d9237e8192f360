/**
 * JSON records — lines, one array, or concatenated objects: {@link io.sluice.format.json.JsonFormat}, on Jackson's
 * streaming parser, with one converter per place in the schema built once per split.
 */
package io.sluice.format.json;
