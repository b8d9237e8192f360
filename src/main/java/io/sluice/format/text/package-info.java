/**
 * What the text readers share: {@link io.sluice.format.text.TextSplit} cuts a file into splits at line starts (or
 * reads it whole when it cannot be cut), {@link io.sluice.format.text.ByteWindow} holds its bytes for scanning in
 * place, {@link io.sluice.format.text.LineReader} finds lines, {@link io.sluice.format.text.LineNumbers} numbers them
 * for bad records, and {@link io.sluice.format.text.BytesValueParser} parses values straight from bytes exactly as
 * {@link io.sluice.format.TextValueParser} parses text.
 */
package io.sluice.format.text;
