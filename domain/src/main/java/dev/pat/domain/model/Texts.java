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
}
