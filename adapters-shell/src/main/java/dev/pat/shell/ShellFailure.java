package dev.pat.shell;

/** A command could not go on for a reason of the shell itself (no password given, not signed in, a bad file). */
final class ShellFailure extends RuntimeException {
    private final int exitCode;

    ShellFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static ShellFailure abandoned(String what) {
        return new ShellFailure(130, "abandoned: no " + what + " given; nothing was changed");
    }

    static ShellFailure notSignedIn() {
        return new ShellFailure(8, "not signed in: run signin --login EMAIL first, or give --login EMAIL");
    }
}
