package dev.pat.domain.port.in;

import dev.pat.domain.model.ClientAddress;

import java.util.List;

/**
 * Revoking leaked token values by the values alone, as secret scanners and GitHub's revocation API do: anyone who
 * finds a value may report it, without a session. The answer never says whether a value existed.
 */
public interface ReportLeaks {
    /** The most values one report may carry. */
    int MAX_KEYS = 100;

    /** Revokes every live value among {@code keys}; answers nothing, whatever they were. Rate-limited per address. */
    void report(List<String> keys, ClientAddress from);
}
