package dev.pat.domain.model;

/** Small helpers for echoing caller input back safely in messages. */
public final class Texts {
    private Texts() {
    }

    /** Cuts an echoed value short so a huge input never becomes a huge message. */
    public static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }

    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    /** Bidirectional overrides and isolates, which make text read differently from what it holds. */
    public static boolean hasBidiControls(String text) {
        return text.codePoints().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }

    /** Whether nothing of the text shows: only spaces and invisible characters (zero-width, fillers, blanks). */
    public static boolean isInvisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || c == 0x2800 || c == 0x3164 || c == 0x115F
                || c == 0x1160 || c == 0xFFA0);
    }
}
