package io.sluice.types;

import java.util.Locale;

/** The Hive types that take no parameters. */
public enum PrimitiveType implements DataType {
    TINYINT(0),
    SMALLINT(1),
    INT(2),
    BIGINT(3),
    FLOAT(-1),
    DOUBLE(-1),
    STRING(-1),
    BOOLEAN(-1),
    DATE(-1),
    TIMESTAMP(-1),
    BINARY(-1);

    private final int integralRank;
    private final String hiveName;

    PrimitiveType(int integralRank) {
        this.integralRank = integralRank;
        this.hiveName = name().toLowerCase(Locale.ROOT);
    }

    /** 0..3 for tinyint..bigint, -1 for every other type. */
    int integralRank() {
        return integralRank;
    }

    /** The number of decimal digits an integral type holds, as in Hive's decimal conversion. */
    public int integralDigits() {
        return switch (this) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INT -> 10;
            case BIGINT -> 19;
            default -> throw new IllegalStateException(hiveName + " is not integral");
        };
    }

    @Override
    public String toString() {
        return hiveName;
    }
}
