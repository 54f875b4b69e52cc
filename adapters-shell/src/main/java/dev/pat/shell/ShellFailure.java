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

    static ShellFailure sessionEnded(String login) {
        return new ShellFailure(8, "the session of " + login + " has ended (idle too long, signed out elsewhere, or"
                + " a new password): sign in again with: signin --login " + login);
    }

    static ShellFailure usage(String message) {
        return new ShellFailure(ExitCodes.USAGE, message);
    }

    static ShellFailure notSignedIn() {
        return new ShellFailure(8, "not signed in: run signin --login EMAIL first, or give --login EMAIL");
    }
}
