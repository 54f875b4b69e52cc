package dev.pat.shell;

import dev.pat.domain.port.in.ManageTokens;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Shows a new token value once, as the dashboard does, with its Download (save to a file only the owner can
 * read, never overwriting) and Copy (the terminal's clipboard, by OSC 52) buttons. If saving fails, the value
 * is printed instead, so it is never lost.
 */
final class ValueDelivery {
    private ValueDelivery() {
    }

    static void deliver(PrintWriter out, String what, ManageTokens.Issued issued, String saveTo, boolean copy) {
        String value = issued.value().reveal();
        out.println(what + " token " + issued.token().id() + " \"" + issued.token().description() + "\" ("
                + Screen.apiSetName(issued.token()) + "), " + issued.token().expiresAt()
                .map(at -> "expires " + Screen.time(at)).orElse("never expires"));
        boolean saved = false;
        if (saveTo != null && !saveTo.isBlank()) {
            Path file = Path.of(saveTo);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, value + System.lineSeparator(), StandardCharsets.UTF_8);
                out.println("Saved the value to " + file + " (readable by you only).");
                saved = true;
            } catch (FileAlreadyExistsException e) {
                out.println("Not saved: " + file + " already exists and is never overwritten.");
            } catch (IOException | UnsupportedOperationException e) {
                out.println("Not saved: " + file + " cannot be written (" + e.getClass().getSimpleName() + ").");
            }
        }
        if (!saved) {
            out.println(value);
        }
        if (copy) {
            // OSC 52: the terminal puts the text on the clipboard; nothing is shown
            out.print("\u001B]52;c;" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
                    + "\u0007");
            out.println("Copied the value to the terminal's clipboard.");
        }
        out.println("Save this value now: it will not be shown again.");
        out.flush();
    }
}
