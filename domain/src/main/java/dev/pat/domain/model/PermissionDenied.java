package dev.pat.domain.model;

/** The caller is authenticated but may not call this method. */
public final class PermissionDenied extends PatFailure {
    public PermissionDenied(String message) {
        super("permission denied: " + message);
    }
}
