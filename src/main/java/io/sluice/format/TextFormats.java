package io.sluice.format;

import io.sluice.format.csv.DelimitedFormat;
import io.sluice.format.grok.GrokFormat;
import io.sluice.format.json.JsonFormat;
import io.sluice.format.xml.XmlFormat;
import java.util.List;

/**
 * The text formats Sluice reads — grok logs, JSON, XML and delimited text — in the order {@link Formats} should try
 * them: formats recognised by their SerDe first, delimited text last, since Hive's LazySimpleSerDe is also the
 * default SerDe of text tables of other kinds.
 */
public final class TextFormats {
    private TextFormats() {}

    public static List<FileFormat> all() {
        return List.of(new GrokFormat(), new JsonFormat(), new XmlFormat(), new DelimitedFormat());
    }
}
