package io.sluice.catalog.sqlite;

import io.sluice.ErrorCode;
import io.sluice.SluiceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;

/**
 * One connection to a SQLite database file, shared by the threads that use it, with the settings that let several
 * processes write the same file: write-ahead logging (readers never wait), a busy timeout (writers wait for each other
 * instead of failing) and write transactions that take the write lock when they begin.
 */
final class SqliteStore implements AutoCloseable {
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static SqliteStore open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.enforceForeignKeys(true);
        // A deferred transaction that reads and then writes cannot wait for another writer: SQLite fails it with
        // SQLITE_BUSY at once. Taking the write lock at BEGIN makes concurrent writers queue behind the busy timeout.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new SluiceException(
                    ErrorCode.EXTERNAL_FAILURE, "cannot open catalog database " + file + ": " + e.getMessage(), e);
        }
        SqliteStore store = new SqliteStore(file, connection);
        try {
            store.read(SqliteStore::useWriteAheadLog);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Set after opening, so that the busy timeout already covers the lock that switching the journal mode takes. */
    private static Void useWriteAheadLog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = rs.next() ? rs.getString(1) : null;
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new SQLException("cannot use write-ahead logging (journal mode is " + mode + ")");
            }
        }
        return null;
    }

    Path file() {
        return file;
    }

    /** Runs statements that only read, each in its own implicit transaction. */
    <T> T read(SqlWork<T> work) {
        synchronized (connection) {
            checkOpen();
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** Runs work in one write transaction: all of it is committed, or nothing when it throws. */
    <T> T write(SqlWork<T> work) {
        synchronized (connection) {
            checkOpen();
            try {
                begin();
                T result;
                try {
                    result = work.run(connection);
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(e);
                    throw e;
                }
                commit();
                return result;
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    private void begin() throws SQLException {
        try {
            connection.setAutoCommit(false); // BEGIN IMMEDIATE
        } catch (SQLException e) {
            // The driver records manual commit before BEGIN runs; restore auto-commit so the next write begins again.
            resetAutoCommit(e);
            throw e;
        }
    }

    private void commit() throws SQLException {
        // Connection.commit() would begin the next transaction at once and so hold the write lock while idle;
        // returning to auto-commit only commits.
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The driver is in auto-commit mode already, but a failed COMMIT may leave the transaction open.
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private void rollback(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        resetAutoCommit(failure);
    }

    /**
     * Back to auto-commit after a failure. The driver's rollback began a new (empty) transaction, which this ends; if
     * there is none, the driver still switches to auto-commit before it reports that, which is all that is needed.
     */
    private void resetAutoCommit(Throwable failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("catalog " + file + " is closed");
        }
    }

    private SluiceException failure(SQLException e) {
        return new SluiceException(ErrorCode.EXTERNAL_FAILURE, "catalog " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        synchronized (connection) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** Work on the connection that may fail with a {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
