package io.sluice.runtime.io;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.row.Temporals;
import java.time.LocalDateTime;

/** Timestamps as epoch microseconds plus the nanoseconds below the microsecond, as both codecs store them. */
final class Timestamps {
    /** Seconds whose microseconds, doubled, still fit a long: about 146,000 years either side of 1970. */
    private static final long MAX_SECONDS = (1L << 62) / 1_000_000 - 1;

    private Timestamps() {}

    static long epochMicros(LocalDateTime timestamp) {
        long seconds = Temporals.epochSecond(timestamp);
        if (seconds > MAX_SECONDS || seconds < -MAX_SECONDS) {
            throw new SluiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "timestamp " + timestamp + " is too far from 1970 to be shuffled (at most 146,000 years)");
        }
        return seconds * 1_000_000 + timestamp.getNano() / 1000;
    }

    /** Microseconds of a timestamp within the range {@link #epochMicros} accepts, else the same error. */
    static long checkedMicros(long micros) {
        if (micros / 1_000_000 > MAX_SECONDS || micros / 1_000_000 < -MAX_SECONDS) {
            epochMicros(Temporals.ofEpochMicros(micros)); // fails, naming the timestamp
        }
        return micros;
    }

    static LocalDateTime ofEpochMicros(long micros, int belowMicro) {
        long seconds = Math.floorDiv(micros, 1_000_000);
        int nano = (int) Math.floorMod(micros, 1_000_000) * 1000 + belowMicro;
        return Temporals.ofEpochSecond(seconds, nano);
    }
}
