package dev.pat.shell.breach;

import dev.pat.domain.port.out.Clock;

import java.time.Instant;

/** A deliberate breach, used only to show that the rules catch it: a command reading an outgoing port. */
public class ShellReadingTheClock {
    public Instant now(Clock clock) {
        return clock.now();
    }
}
