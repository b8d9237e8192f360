package io.sluice.format;

import io.sluice.classify.TemporalFormat;
import io.sluice.types.CharType;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.VarcharType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the text of one field into a value of its column's type (see {@link io.sluice.row.Values}); built once per
 * column, used for every record. Shared by every text format so that all of them read values alike.
 *
 * <p>Nulls: {@code \N} and the empty text are null for every type; {@code NULL} and {@code null} are null for every
 * type but text, where they are kept as written. Dates and timestamps use the {@link TemporalFormat} the crawler
 * recorded, else ISO ({@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.f]} or with {@code T} and an offset).
 * Decimals must fit their precision; more fraction digits than the scale are rounded half-up, as Hive does.
 */
public final class TextValueParser {
    private final DataType type;
    private final Optional<TemporalFormat> format;
    private final boolean text;

    private TextValueParser(DataType type, Optional<TemporalFormat> format) {
        this.type = type;
        this.format = format;
        this.text = type.isText();
    }

    public static TextValueParser of(DataType type, Optional<TemporalFormat> format) {
        if (!type.isPrimitive()) {
            throw new IllegalArgumentException("text values of type " + type + " need a structured format");
        }
        return new TextValueParser(type, format);
    }

    public DataType type() {
        return type;
    }

    /** True when the text stands for SQL NULL in a column of this parser's type. */
    public boolean isNull(String value) {
        if (value == null || value.isEmpty() || value.equals("\\N")) {
            return true;
        }
        return !text && (value.equals("NULL") || value.equals("null"));
    }

    /**
     * The value of the text, or null.
     *
     * @throws IllegalArgumentException with a message that follows the value, such as {@code is not a valid int}
     */
    public Object parse(String value) {
        if (isNull(value)) {
            return null;
        }
        try {
            return convert(value);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("is not a valid " + type);
        }
    }

    private Object convert(String value) {
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive) {
                case BOOLEAN -> bool(value);
                case TINYINT -> Byte.parseByte(value.trim());
                case SMALLINT -> Short.parseShort(value.trim());
                case INT -> Integer.parseInt(value.trim());
                case BIGINT -> Long.parseLong(value.trim());
                case FLOAT -> Float.parseFloat(value);
                case DOUBLE -> Double.parseDouble(value);
                case STRING -> value;
                case DATE -> date(value);
                case TIMESTAMP -> timestamp(value);
                case BINARY -> Base64.getDecoder().decode(value);
            };
        }
        if (type instanceof DecimalType decimal) {
            return decimal(value.trim(), decimal);
        }
        if (type instanceof VarcharType varchar) {
            return value.length() <= varchar.length() ? value : value.substring(0, varchar.length());
        }
        if (type instanceof CharType) {
            return value;
        }
        throw new IllegalStateException("unexpected type " + type);
    }

    private static Boolean bool(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(value);
    }

    private static BigDecimal decimal(String value, DecimalType type) {
        BigDecimal parsed = new BigDecimal(value).setScale(type.scale(), RoundingMode.HALF_UP);
        if (parsed.precision() - parsed.scale() > type.integerDigits()) {
            throw new ArithmeticException("too many digits");
        }
        return parsed;
    }

    private LocalDate date(String value) {
        return format.map(f -> f.parseDate(value)).orElseGet(() -> LocalDate.parse(value.trim()));
    }

    private LocalDateTime timestamp(String value) {
        if (format.isPresent()) {
            return format.get().parseTimestamp(value);
        }
        for (TemporalFormat candidate : TemporalFormat.all()) {
            if (candidate.isTimestamp() && candidate.pattern().startsWith("yyyy-MM-dd") && candidate.matches(value)) {
                return candidate.parseTimestamp(value);
            }
        }
        throw new DateTimeParseException("not an ISO timestamp", value, 0);
    }
}
