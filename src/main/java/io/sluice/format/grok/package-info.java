/** Log lines parsed with a grok pattern: {@link io.sluice.format.grok.GrokFormat}. */
package io.sluice.format.grok;
