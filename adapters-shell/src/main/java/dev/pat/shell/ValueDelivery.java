package dev.pat.shell;

import dev.pat.domain.port.in.ManageTokens;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * Shows a new token value once, as the dashboard does, with its Download (save to a file only the owner can
 * read) and Copy (the terminal's clipboard, by OSC 52) buttons. Where the value goes is checked before anything
 * changes: an existing file is refused unless {@code --force} says to replace it, so a mistyped path never costs
 * a working value, and a saved value is never also printed (standard output may be a CI log).
 */
final class ValueDelivery {
    /** Where a new value is saved, checked before the token changes. */
    record Destination(Optional<Path> file, boolean replace) {
        static final Destination SCREEN = new Destination(Optional.empty(), false);
    }

    private ValueDelivery() {
    }

    /** Checks {@code --save FILE [--force]}: refused (exit 2) when the file exists without --force, or cannot be. */
    static Destination destination(String save, boolean force) {
        if (save == null || save.isBlank()) {
            if (force) {
                throw ShellFailure.usage("--force replaces the file given with --save; there is none");
            }
            return Destination.SCREEN;
        }
        Path file = Path.of(save).toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw ShellFailure.usage("--save: " + file + " is a folder; give a file name");
        }
        if (Files.exists(file) && !force) {
            throw ShellFailure.usage("--save: " + file + " already exists; nothing was changed (give --force to"
                    + " replace it)");
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw ShellFailure.usage("--save: cannot write in " + folder + "; nothing was changed");
        }
        return new Destination(Optional.of(file), force);
    }

    static void deliver(PrintWriter out, String what, ManageTokens.Issued issued, Destination destination,
                        boolean copy) {
        String value = issued.value().reveal();
        out.println(what + " token " + issued.token().id() + " \"" + issued.token().description() + "\" ("
                + Screen.apiSetName(issued.token()) + "), " + issued.token().expiresAt()
                .map(at -> "expires " + Screen.time(at)).orElse("never expires"));
        boolean saved = destination.file().map(file -> save(out, file, value, destination.replace())).orElse(false);
        if (!saved) {
            out.println(value);
        }
        if (copy) {
            // OSC 52: the terminal puts the text on the clipboard; nothing is shown, and nothing comes back
            out.print("\u001B]52;c;" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                    + "\u0007");
            out.println("Sent the value to the terminal's clipboard (OSC 52). Terminals that do not allow it drop"
                    + " the request silently: paste once to check.");
        }
        out.println(saved ? "The value is only in that file: it will not be shown again."
                : "Save this value now: it will not be shown again.");
        out.flush();
    }

    /** Writes the value to a new owner-only file, then moves it into place; answers whether it was saved. */
    private static boolean save(PrintWriter out, Path file, String value, boolean replace) {
        Path written = null;
        try {
            written = Files.createTempFile(file.getParent(), ".pat-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, value + System.lineSeparator(), StandardCharsets.UTF_8);
            if (replace) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(written, file);
            }
            out.println("Saved the value to " + file + " (readable by you only).");
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            out.println("Not saved: " + file + " cannot be written (" + e.getClass().getSimpleName() + "); the"
                    + " value follows.");
            return false;
        } finally {
            if (written != null) {
                try {
                    Files.deleteIfExists(written);
                } catch (IOException ignored) {
                    // a leftover temporary file holds no more than the file itself would
                }
            }
        }
    }
}
