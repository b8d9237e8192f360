package io.sluice.catalog;

import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/** How a partition value is written in a Hive partition spec: a bare number when the key's type holds it, else text. */
final class PartitionValues {
    /**
     * Plain decimal notation without superfluous leading zeros: "07" stays text, because Hive would store the number
     * as 7 and the partition would no longer match its directory.
     */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private static final Map<PrimitiveType, Long> INTEGRAL_MAX = Map.of(
            PrimitiveType.TINYINT, (long) Byte.MAX_VALUE,
            PrimitiveType.SMALLINT, (long) Short.MAX_VALUE,
            PrimitiveType.INT, (long) Integer.MAX_VALUE,
            PrimitiveType.BIGINT, Long.MAX_VALUE);

    private PartitionValues() {}

    static String literal(DataType keyType, String value) {
        return isNumberOf(keyType, value) ? value : HiveSql.literal(value);
    }

    private static boolean isNumberOf(DataType type, String value) {
        if (!type.isNumeric() || !NUMBER.matcher(value).matches()) {
            return false;
        }
        if (type instanceof DecimalType decimal) {
            return fits(decimal, new BigDecimal(value));
        }
        Long max = INTEGRAL_MAX.get(type);
        return max == null || fits(max, value);
    }

    private static boolean fits(long max, String value) {
        if (value.contains(".")) {
            return false;
        }
        BigInteger number = new BigInteger(value);
        // Two's complement: the minimum is one beyond the negated maximum.
        return number.compareTo(BigInteger.valueOf(max)) <= 0 && number.compareTo(BigInteger.valueOf(-max - 1)) >= 0;
    }

    private static boolean fits(DecimalType type, BigDecimal number) {
        // 0.5 has precision 1 and scale 1, 0 has precision 1: neither needs a digit before the point.
        int integerDigits = number.abs().compareTo(BigDecimal.ONE) < 0 ? 0 : number.precision() - number.scale();
        return number.scale() <= type.scale() && integerDigits <= type.integerDigits();
    }
}
