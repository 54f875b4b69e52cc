package dev.pat.domain.model;

/** A parameter the caller gave is missing or wrong; the message names the field and the problem. */
public final class InvalidInput extends PatFailure {
    private final String field;

    public InvalidInput(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
