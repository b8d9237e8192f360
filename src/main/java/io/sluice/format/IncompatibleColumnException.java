package io.sluice.format;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import io.sluice.types.DataType;

/**
 * A file column whose type does not convert to its table column's type (see {@link ValueConversions}), or that Sluice
 * cannot read at all. Thrown when a reader is opened, before any row is read: the whole file is unreadable as the
 * table says, so this is not a bad record but an error of the table's schema or of the file, to fix by changing one.
 */
public final class IncompatibleColumnException extends SluiceException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String column;
    private final String fileType;
    private final String tableType;

    /**
     * @param column the column's path in the table: {@code price}, {@code address.zip}, {@code tags.element}
     * @param fileType the column's type in the file, as a Hive type when it has one, else in the format's own terms
     */
    public IncompatibleColumnException(String file, String column, String fileType, DataType tableType) {
        super(
                ErrorCode.INVALID_ARGUMENT,
                String.format(
                        "cannot read column '%s' of %s: its type in the file, %s, does not convert to the table's"
                                + " %s (a file column reads as its own type, a type it widens to, or text); change"
                                + " the table's column type or rewrite the file",
                        column, file, fileType, tableType));
        this.file = file;
        this.column = column;
        this.fileType = fileType;
        this.tableType = tableType.toString();
    }

    public String file() {
        return file;
    }

    public String column() {
        return column;
    }

    public String fileType() {
        return fileType;
    }

    public String tableType() {
        return tableType;
    }
}
