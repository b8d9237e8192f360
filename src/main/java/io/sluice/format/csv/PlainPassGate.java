package io.sluice.format.csv;

/**
 * Decides whether a reader tries {@link PlainRecordParser} on the next record. In a file whose records mostly hold
 * quotes (every text value quoted, as many tools write them) each try reads part of a record in vain before the full
 * path reads it again; so after a window of {@value #WINDOW} tries of which more than half were declined, the reader
 * leaves the plain pass alone for {@value #PAUSE} records, then tries again, as the file may change its ways. A
 * file of plain records never pauses. Not thread-safe.
 */
final class PlainPassGate {
    static final int WINDOW = 1024;
    static final int PAUSE = 64 * 1024;

    private int tries;
    private int declined;
    private int paused;

    /** True when the next record should be tried the plain way. */
    boolean open() {
        if (paused == 0) {
            return true;
        }
        paused--;
        return false;
    }

    /** Records the outcome of a try. */
    void tried(boolean read) {
        if (!read) {
            declined++;
        }
        if (++tries == WINDOW) {
            paused = declined * 2 > WINDOW ? PAUSE : 0;
            tries = 0;
            declined = 0;
        }
    }
}
