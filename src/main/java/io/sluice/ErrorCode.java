package io.sluice;

/**
 * What went wrong, in categories that decide the exit code: problems in what the user gave (bad usage, an invalid
 * definition, a missing object) exit with 2; failures of the outside world or of Sluice itself exit with 1.
 */
public enum ErrorCode {
    INVALID_ARGUMENT(Category.USER),
    INVALID_DEFINITION(Category.USER),
    NOT_FOUND(Category.USER),
    ALREADY_EXISTS(Category.USER),
    EXTERNAL_FAILURE(Category.EXTERNAL),
    JOB_FAILED(Category.EXTERNAL),
    /** A run took longer than its timeout and was stopped. */
    TIMEOUT(Category.EXTERNAL),
    CONCURRENT_MODIFICATION(Category.EXTERNAL),
    INTERNAL_ERROR(Category.INTERNAL);

    /** Who is to blame, which decides the exit code. */
    public enum Category {
        USER(2),
        EXTERNAL(1),
        INTERNAL(1);

        private final int exitCode;

        Category(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    public int exitCode() {
        return category.exitCode();
    }
}
