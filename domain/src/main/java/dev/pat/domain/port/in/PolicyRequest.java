package dev.pat.domain.port.in;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.ListText;
import dev.pat.domain.model.Texts;
import dev.pat.domain.model.token.AddressRestriction;
import dev.pat.domain.model.token.EnvRestriction;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenPolicies;

import java.util.List;
import java.util.Optional;

/**
 * The policies a caller asked a token to have, each optional: what is not given is left as it is (or, for a new
 * token, the operator's default). {@code *} for a list and 0 for a number take a restriction away. Every face reads
 * it the same way, with the same names: {@code envNames}, {@code allowedIps}, {@code rateLimit}, {@code idleDays}.
 */
public record PolicyRequest(Optional<EnvRestriction> envNames, Optional<AddressRestriction> allowedIps,
                            Optional<Integer> rateLimit, Optional<Integer> idleDays) {
    public static final PolicyRequest NONE = new PolicyRequest(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** Reads what was typed: lists as {@link ListText} reads them, numbers as whole numbers. */
    public static PolicyRequest parse(List<String> envNames, List<String> allowedIps, Optional<String> rateLimit,
                                      Optional<String> idleDays) {
        List<String> envs = ListText.items(EnvRestriction.FIELD, envNames);
        List<String> ips = ListText.items(AddressRestriction.FIELD, allowedIps);
        return new PolicyRequest(envs.isEmpty() ? Optional.empty() : Optional.of(EnvRestriction.parse(envs)),
                ips.isEmpty() ? Optional.empty() : Optional.of(AddressRestriction.parse(ips)),
                number(TokenPolicies.RATE_LIMIT, rateLimit), number(TokenPolicies.IDLE_DAYS, idleDays));
    }

    /** A whole number given as text, or nothing; names the field when it is not one. */
    public static Optional<Integer> number(String field, Optional<String> text) {
        Optional<String> given = text.map(String::strip).filter(t -> !t.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (!given.get().matches("\\d{1,9}")) {
            throw new InvalidInput(field, "'" + Texts.clip(given.get()) + "' is not a whole number");
        }
        return Optional.of(Integer.parseInt(given.get()));
    }

    public boolean isEmpty() {
        return envNames.isEmpty() && allowedIps.isEmpty() && rateLimit.isEmpty() && idleDays.isEmpty();
    }

    /** Checks the numbers against the operator's bounds (done before the password is asked for). */
    public void check(PolicyLimits limits) {
        rateLimit.ifPresent(limits::rateLimit);
        idleDays.ifPresent(limits::idleDays);
    }

    /** A token's policies with what was asked applied over them. */
    public TokenPolicies applyTo(TokenPolicies current, PolicyLimits limits) {
        TokenPolicies policies = current;
        if (envNames.isPresent()) {
            policies = policies.withEnvNames(envNames.get());
        }
        if (allowedIps.isPresent()) {
            policies = policies.withAllowedIps(allowedIps.get());
        }
        if (rateLimit.isPresent()) {
            policies = policies.withRateLimit(limits.rateLimit(rateLimit.get()));
        }
        if (idleDays.isPresent()) {
            policies = policies.withIdleDays(limits.idleDays(idleDays.get()));
        }
        return policies;
    }

    /** A new token's policies: what was asked, and the operator's default idle days where none was. */
    public TokenPolicies forNew(PolicyLimits limits) {
        TokenPolicies asked = applyTo(TokenPolicies.NONE, limits);
        return idleDays.isPresent() ? asked : asked.withIdleDays(limits.defaultIdleDays());
    }
}
