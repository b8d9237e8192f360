package io.sluice.cli;

import io.sluice.api.RowEmitter;
import io.sluice.api.RowFunction;
import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A row function for tests of retries: the first row it sees while the file {@code marker} (option) does not exist
 * creates the file and is a bad record; every other row passes. A job run with it fails once (with {@code
 * max_bad_records: 0}) and succeeds when run again.
 */
public class FailOnceRows implements RowFunction {
    private Path marker;

    @Override
    public StructType open(StructType input, Map<String, String> options) {
        marker = Path.of(options.get("marker"));
        return input;
    }

    @Override
    public void apply(Row row, RowEmitter out) {
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            out.emit(row);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the first attempt fails on purpose");
    }
}
