package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric functions with Hive's result types: {@code abs} keeps the type; {@code round(x[, d])} keeps integral, float
 * and double types and gives a decimal {@code min(s, d)} decimals and room for the carry (half-up); {@code floor} and {@code ceil} give a
 * bigint, or {@code decimal(p-s+1, 0)} for a decimal; {@code sqrt ln log10 exp pow} give doubles, and NULL outside
 * their domain (the square root or logarithm of a negative number) as in Hive; {@code sign} gives -1, 0 or 1 as a
 * double, or as an int for a decimal, as Hive does.
 */
final class MathFunctions {
    /** Scales of {@code round}'s fast path for doubles, exact as doubles. */
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private MathFunctions() {}

    private interface DoubleFunction {
        Object apply(double x);
    }

    static void register(FunctionRegistry functions) {
        functions.add("abs", MathFunctions::abs);
        functions.add("round", MathFunctions::round);
        functions.add("floor", call -> floorOrCeil(call, RoundingMode.FLOOR));
        functions.add("ceil", call -> floorOrCeil(call, RoundingMode.CEILING));
        functions.add("ceiling", call -> floorOrCeil(call, RoundingMode.CEILING));
        functions.add("sqrt", call -> real(call, x -> x < 0 ? null : Math.sqrt(x)));
        functions.add("ln", call -> real(call, x -> x <= 0 ? null : Math.log(x)));
        functions.add("log10", call -> real(call, x -> x <= 0 ? null : Math.log10(x)));
        functions.add("exp", call -> real(call, Math::exp));
        functions.add("pow", MathFunctions::power);
        functions.add("power", MathFunctions::power);
        functions.add("sign", MathFunctions::sign);
    }

    private static Operand abs(FunctionCall call) {
        call.arity(1, 1);
        Operand x = call.numeric(0);
        DataType type = x.type();
        return call.result(Calls.of(type, x.node(), value -> abs(type, value)));
    }

    private static Object abs(DataType type, Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.abs();
        }
        if (value instanceof Double number) {
            return Math.abs(number);
        }
        if (value instanceof Float number) {
            return Math.abs(number);
        }
        long number = ((Number) value).longValue();
        Object result = number == Long.MIN_VALUE ? null : Arithmetic.integral((PrimitiveType) type, Math.abs(number));
        if (result == null) {
            throw new ExpressionEvaluationException(type + " overflow: abs(" + value + ") does not fit");
        }
        return result;
    }

    private static Operand round(FunctionCall call) {
        call.arity(1, 2);
        Operand x = call.numeric(0);
        int places = call.arity() == 2 ? (int) call.constantIntegral(1, "the number of decimal places") : 0;
        DataType type = x.type();
        if (type instanceof DecimalType decimal) {
            // Rounding may carry into one more integer digit, as Hive's result type allows for.
            int integerDigits = decimal.integerDigits() + (places < decimal.scale() ? 1 : 0);
            int scale = places < 0 ? 0 : Math.min(decimal.scale(), places);
            DecimalType result = DecimalType.of(Math.min(DecimalType.MAX_PRECISION, integerDigits + scale), scale);
            return call.result(Calls.of(
                    result,
                    x.node(),
                    v -> NumberCasts.fit(((BigDecimal) v).setScale(places, RoundingMode.HALF_UP), result)));
        }
        if (type.isIntegral()) {
            if (places >= 0) {
                return call.result(x.node());
            }
            PrimitiveType integral = (PrimitiveType) type;
            return call.result(Calls.of(type, x.node(), v -> roundIntegral(integral, (Number) v, places)));
        }
        if (type == PrimitiveType.FLOAT) {
            return call.result(Calls.of(type, x.node(), v -> (float) roundDouble(((Float) v).doubleValue(), places)));
        }
        return call.result(Calls.of(type, x.node(), v -> roundDouble((Double) v, places)));
    }

    private static Object roundIntegral(PrimitiveType type, Number value, int places) {
        BigDecimal rounded = BigDecimal.valueOf(value.longValue()).setScale(places, RoundingMode.HALF_UP);
        Object result = rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                        || rounded.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                ? null
                : Arithmetic.integral(type, rounded.longValue());
        if (result == null) {
            throw NumberCasts.outOfRange(rounded.toPlainString(), type);
        }
        return result;
    }

    /** Half-up rounding of the double's shortest decimal text, as Hive rounds doubles. */
    static double roundDouble(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        if (places >= 0 && places < POWERS_OF_TEN.length) {
            // Scaled, the value is within two ulps of its decimal text scaled (half an ulp from the text to the
            // double, half from the product's rounding, an ulp of the value times the scale at most being two of the
            // product). Farther than four from a half, both round to the same whole number, which divided by the
            // scale is the double nearest to the rounded decimal, as BigDecimal.doubleValue() gives it.
            double scale = POWERS_OF_TEN[places];
            double scaled = value * scale;
            if (Math.abs(scaled) < 0x1p52) {
                double floor = Math.floor(scaled);
                double fraction = scaled - floor;
                if (Math.abs(fraction - 0.5) > 4 * Math.ulp(scaled)) {
                    double whole = fraction < 0.5 ? floor : floor + 1;
                    return whole == 0 ? 0.0 : whole / scale; // a decimal zero has no sign
                }
            }
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static Operand floorOrCeil(FunctionCall call, RoundingMode mode) {
        call.arity(1, 1);
        Operand x = call.numeric(0);
        if (x.type() instanceof DecimalType decimal) {
            DecimalType result = DecimalType.of(Math.min(DecimalType.MAX_PRECISION, decimal.integerDigits() + 1), 0);
            return call.result(Calls.of(result, x.node(), v -> ((BigDecimal) v).setScale(0, mode)));
        }
        if (x.type().isIntegral()) {
            return call.result(Calls.of(PrimitiveType.BIGINT, x.node(), v -> ((Number) v).longValue()));
        }
        return call.result(Calls.of(PrimitiveType.BIGINT, x.node(), v -> wholeDouble((Number) v, mode)));
    }

    private static Object wholeDouble(Number value, RoundingMode mode) {
        double x = value.doubleValue();
        double whole = mode == RoundingMode.FLOOR ? Math.floor(x) : Math.ceil(x);
        if (Double.isNaN(whole) || whole >= 0x1p63 || whole < -0x1p63) {
            throw NumberCasts.outOfRange(x, PrimitiveType.BIGINT);
        }
        return (long) whole;
    }

    private static Operand real(FunctionCall call, DoubleFunction function) {
        call.arity(1, 1);
        Operand x = call.numeric(0);
        return call.result(Calls.of(PrimitiveType.DOUBLE, x.node(), v -> function.apply(((Number) v).doubleValue())));
    }

    private static Operand power(FunctionCall call) {
        call.arity(2, 2);
        return call.result(Calls.of(
                PrimitiveType.DOUBLE,
                call.numeric(0).node(),
                call.numeric(1).node(),
                (x, y) -> Math.pow(((Number) x).doubleValue(), ((Number) y).doubleValue())));
    }

    private static Operand sign(FunctionCall call) {
        call.arity(1, 1);
        Operand x = call.numeric(0);
        if (x.type() instanceof DecimalType) {
            return call.result(Calls.of(PrimitiveType.INT, x.node(), v -> ((BigDecimal) v).signum()));
        }
        return call.result(Calls.of(PrimitiveType.DOUBLE, x.node(), v -> Math.signum(((Number) v).doubleValue())));
    }
}
