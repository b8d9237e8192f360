package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * Date and time functions. Their date or timestamp arguments may also be text, read per row as {@code CAST} reads it
 * (ISO dates and timestamps); text that is no date fails the row.
 *
 * <ul>
 *   <li>{@code year month day dayofmonth quarter hour minute second} and {@code dayofweek} (1 = Sunday ... 7 =
 *       Saturday, as in Hive) give ints; a date's hour, minute and second are 0;
 *   <li>{@code date_trunc(unit, x)} gives the timestamp at the start of its year, quarter, month, week (Monday),
 *       day, hour, minute or second;
 *   <li>{@code date_format(x, pattern)}, {@code to_date(x[, pattern])}, {@code to_timestamp(x[, pattern])}, {@code
 *       unix_timestamp(x, pattern)} and {@code from_unixtime(n[, pattern])} take {@link DateTimeFormatter} patterns
 *       such as {@code dd/MM/yyyy HH:mm}, which agree with Hive's for the common letters;
 *   <li>{@code date_add(x, n)}, {@code date_sub(x, n)} give dates, {@code datediff(a, b)} the days from b to a;
 *   <li>{@code unix_timestamp} and {@code from_unixtime} count seconds since 1970-01-01 in UTC, since Sluice's
 *       timestamps have no zone (Hive uses the session's zone).
 * </ul>
 */
final class DateTimeFunctions {
    private static final DateTimeFormatter DEFAULT_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private DateTimeFunctions() {}

    static void register(FunctionRegistry functions) {
        field(functions, "year", ChronoField.YEAR, year -> year);
        field(functions, "quarter", ChronoField.MONTH_OF_YEAR, month -> (month - 1) / 3 + 1);
        field(functions, "month", ChronoField.MONTH_OF_YEAR, month -> month);
        field(functions, "day", ChronoField.DAY_OF_MONTH, day -> day);
        field(functions, "dayofmonth", ChronoField.DAY_OF_MONTH, day -> day);
        // ISO counts Monday as 1, Hive Sunday.
        field(functions, "dayofweek", ChronoField.DAY_OF_WEEK, day -> day % 7 + 1);
        field(functions, "hour", ChronoField.HOUR_OF_DAY, hour -> hour);
        field(functions, "minute", ChronoField.MINUTE_OF_HOUR, minute -> minute);
        field(functions, "second", ChronoField.SECOND_OF_MINUTE, second -> second);
        functions.add("date_trunc", DateTimeFunctions::dateTrunc);
        functions.add("date_format", DateTimeFunctions::dateFormat);
        functions.add("to_date", DateTimeFunctions::toDate);
        functions.add("to_timestamp", DateTimeFunctions::toTimestamp);
        functions.add("date_add", call -> addDays(call, 1));
        functions.add("date_sub", call -> addDays(call, -1));
        functions.add("datediff", DateTimeFunctions::dateDiff);
        functions.add("unix_timestamp", DateTimeFunctions::unixTimestamp);
        functions.add("from_unixtime", DateTimeFunctions::fromUnixTime);
    }

    /** A function giving a field of a date or timestamp, as {@code value} makes it an int. */
    private static void field(FunctionRegistry functions, String name, ChronoField field, IntUnaryOperator value) {
        functions.add(name, call -> {
            call.arity(1, 1);
            Operand x = temporal(call, 0);
            ToIntFunction<Object> read = fieldReader(x.type(), field);
            return call.result(Calls.of(PrimitiveType.INT, x.node(), v -> value.applyAsInt(read.applyAsInt(v))));
        });
    }

    private static ToIntFunction<Object> fieldReader(DataType type, ChronoField field) {
        if (type == PrimitiveType.DATE) {
            // A date is at midnight: its time fields are 0.
            return field.isTimeBased() ? value -> 0 : value -> ((LocalDate) value).get(field);
        }
        if (type == PrimitiveType.TIMESTAMP) {
            return value -> ((LocalDateTime) value).get(field);
        }
        return value -> Temporals.timestamp((String) value).get(field);
    }

    /** The argument, which must be a date, a timestamp or text; a typeless NULL becomes a NULL timestamp. */
    private static Operand temporal(FunctionCall call, int index) {
        Operand argument = call.argument(index);
        if (argument.isUntypedNull()) {
            return call.coercions().to(argument, PrimitiveType.TIMESTAMP);
        }
        DataType type = argument.type();
        if (!TypeRules.isTemporal(type) && !type.isText()) {
            throw call.wrongType(index, "a date, a timestamp or text");
        }
        return argument;
    }

    /** Reads values of a date, timestamp or text argument as timestamps (a date at midnight). */
    static Calls.Function1 asTimestamp(DataType type) {
        if (type == PrimitiveType.DATE) {
            return value -> ((LocalDate) value).atStartOfDay();
        }
        if (type == PrimitiveType.TIMESTAMP) {
            return value -> value;
        }
        return value -> Temporals.timestamp((String) value);
    }

    /** Reads values of a date, timestamp or text argument as dates. */
    static Calls.Function1 asDate(DataType type) {
        if (type == PrimitiveType.DATE) {
            return value -> value;
        }
        if (type == PrimitiveType.TIMESTAMP) {
            return value -> ((LocalDateTime) value).toLocalDate();
        }
        return value -> Temporals.date((String) value);
    }

    private static Operand dateTrunc(FunctionCall call) {
        call.arity(2, 2);
        TruncationUnit unit = TruncationUnit.of(call.constantText(0, "the unit"))
                .orElseThrow(() -> call.errorAt(
                        0,
                        "date_trunc(): unknown unit '%s'; use %s",
                        call.argument(0).value(),
                        TruncationUnit.names()));
        Operand x = temporal(call, 1);
        Calls.Function1 timestamp = asTimestamp(x.type());
        return call.result(Calls.of(
                PrimitiveType.TIMESTAMP, x.node(), value -> unit.truncate((LocalDateTime) timestamp.apply(value))));
    }

    private static Operand dateFormat(FunctionCall call) {
        call.arity(2, 2);
        Operand x = temporal(call, 0);
        Calls.Function1 timestamp = asTimestamp(x.type());
        Operand pattern = call.text(1);
        if (pattern.isConstant() && pattern.value() != null) {
            DateTimeFormatter format = Patterns.compile(call, 1);
            return call.result(Calls.of(
                    PrimitiveType.STRING, x.node(), value -> format.format((LocalDateTime) timestamp.apply(value))));
        }
        return call.result(Calls.of(
                PrimitiveType.STRING,
                x.node(),
                pattern.node(),
                (value, p) -> Patterns.format(Patterns.ofRow((String) p), (LocalDateTime) timestamp.apply(value))));
    }

    private static Operand toDate(FunctionCall call) {
        call.arity(1, 2);
        if (call.arity() == 1) {
            Operand x = temporal(call, 0);
            return call.result(Calls.of(PrimitiveType.DATE, x.node(), asDate(x.type())));
        }
        return parsed(call, PrimitiveType.DATE);
    }

    private static Operand toTimestamp(FunctionCall call) {
        call.arity(1, 2);
        if (call.arity() == 1) {
            Operand x = temporal(call, 0);
            return call.result(Calls.of(PrimitiveType.TIMESTAMP, x.node(), asTimestamp(x.type())));
        }
        return parsed(call, PrimitiveType.TIMESTAMP);
    }

    /** {@code f(text, pattern)}: the text read with the pattern, as a date, timestamp or seconds since 1970. */
    private static Operand parsed(FunctionCall call, PrimitiveType type) {
        Node text = call.text(0).node();
        Operand pattern = call.text(1);
        Calls.Function1 result =
                switch (type) {
                    case DATE -> value -> ((LocalDateTime) value).toLocalDate();
                    case BIGINT -> value -> Temporals.epochSeconds((LocalDateTime) value);
                    default -> value -> value;
                };
        if (pattern.isConstant() && pattern.value() != null) {
            DateTimeFormatter format = Patterns.compile(call, 1);
            String written = (String) pattern.value();
            return call.result(
                    Calls.of(type, text, value -> result.apply(Temporals.timestamp((String) value, format, written))));
        }
        return call.result(Calls.of(
                type,
                text,
                pattern.node(),
                (value, p) ->
                        result.apply(Temporals.timestamp((String) value, Patterns.ofRow((String) p), (String) p))));
    }

    private static Operand addDays(FunctionCall call, int sign) {
        call.arity(2, 2);
        Operand x = temporal(call, 0);
        Calls.Function1 date = asDate(x.type());
        return call.result(Calls.of(
                PrimitiveType.DATE, x.node(), call.integral(1).node(), (value, days) -> ((LocalDate) date.apply(value))
                        .plusDays(sign * ((Number) days).longValue())));
    }

    private static Operand dateDiff(FunctionCall call) {
        call.arity(2, 2);
        Operand a = temporal(call, 0);
        Operand b = temporal(call, 1);
        Calls.Function1 first = asDate(a.type());
        Calls.Function1 second = asDate(b.type());
        return call.result(Calls.of(PrimitiveType.INT, a.node(), b.node(), (x, y) ->
                (int) (((LocalDate) first.apply(x)).toEpochDay() - ((LocalDate) second.apply(y)).toEpochDay())));
    }

    private static Operand unixTimestamp(FunctionCall call) {
        call.arity(0, 2);
        if (call.arity() == 0) {
            return call.result(Constant.of(PrimitiveType.BIGINT, Temporals.epochSeconds(call.now())));
        }
        if (call.arity() == 2) {
            return parsed(call, PrimitiveType.BIGINT);
        }
        Operand x = temporal(call, 0);
        Calls.Function1 timestamp = asTimestamp(x.type());
        return call.result(Calls.of(
                PrimitiveType.BIGINT,
                x.node(),
                value -> Temporals.epochSeconds((LocalDateTime) timestamp.apply(value))));
    }

    private static Operand fromUnixTime(FunctionCall call) {
        call.arity(1, 2);
        Node seconds = call.integral(0).node();
        DateTimeFormatter format = call.arity() == 2 ? Patterns.compile(call, 1) : DEFAULT_FORMAT;
        return call.result(Calls.of(
                PrimitiveType.STRING,
                seconds,
                value -> format.format(Temporals.ofEpochSeconds(((Number) value).longValue(), 0))));
    }
}
