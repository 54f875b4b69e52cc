package dev.pat.domain.model;

/**
 * How many calls a minute the platform takes, shared by every node: calls that do not authenticate (no credential,
 * a wrong one, sign-ins) per client address, and calls per token.
 *
 * @param unauthenticatedPerAddress calls a minute from one address that are not (yet) authenticated
 * @param perToken                  calls a minute with one token
 */
public record CallLimits(int unauthenticatedPerAddress, int perToken) {
    public static final CallLimits STANDARD = new CallLimits(300, 6_000);
    public static final CallLimits UNLIMITED = new CallLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public CallLimits {
        if (unauthenticatedPerAddress < 1 || perToken < 1) {
            throw new IllegalArgumentException("call limits must be positive");
        }
    }
}
