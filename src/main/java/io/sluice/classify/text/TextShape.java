package io.sluice.classify.text;

/**
 * The look of a text value, which tells header cells from values when both are text: letter case, digits, spaces,
 * symbols.
 *
 * @param letterCase the case of its letters
 * @param digits whether it contains a digit
 * @param spaces whether it contains a space
 * @param symbols whether it contains a character other than letters, digits, spaces, {@code _} and {@code -}, as
 *     e-mail addresses, URLs, prices and dates do and labels rarely do
 */
record TextShape(LetterCase letterCase, boolean digits, boolean spaces, boolean symbols) {

    /** The case pattern of the letters of a value. */
    enum LetterCase {
        NONE("no letters"),
        LOWER("lower case"),
        UPPER("upper case"),
        TITLE("Title Case"),
        MIXED("mixed case");

        private final String description;

        LetterCase(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static TextShape of(String text) {
        boolean digits = false;
        boolean spaces = false;
        boolean symbols = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digits |= Character.isDigit(c);
            spaces |= c == ' ';
            symbols |= !Character.isLetterOrDigit(c) && c != ' ' && c != '_' && c != '-';
        }
        return new TextShape(letterCase(text), digits, spaces, symbols);
    }

    private static LetterCase letterCase(String text) {
        int upper = 0;
        int lower = 0;
        int wordStartUpper = 0;
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
                wordStartUpper += wordStart ? 1 : 0;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
            wordStart = !Character.isLetterOrDigit(c);
        }
        if (upper == 0) {
            return lower == 0 ? LetterCase.NONE : LetterCase.LOWER;
        }
        if (lower == 0) {
            return LetterCase.UPPER;
        }
        return upper == wordStartUpper ? LetterCase.TITLE : LetterCase.MIXED;
    }
}
