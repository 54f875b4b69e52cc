package dev.pat.rest;

/** A path that names no method of the platform API: answered with HTTP 404. */
final class UnknownMethod extends RuntimeException {
    UnknownMethod(String path) {
        super("unknown method " + path, null, false, false);
    }
}
