package dev.pat.shell;

import dev.pat.domain.model.EnvironmentNotFound;
import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PasswordConfirmationFailed;
import dev.pat.domain.model.PatFailure;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.RateLimited;
import dev.pat.domain.model.SignInFailed;
import dev.pat.domain.model.TokenLimitReached;
import dev.pat.domain.model.TokenNotFound;
import dev.pat.domain.model.TooManyAttempts;
import dev.pat.domain.model.TwoFactorFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the core's failures become exit statuses scripts can trust: 0 success, 1 internal error,
 * 2 bad input, 3 not found, 4 wrong password or login, 5 two-factor, 6 too many attempts or calls (wait and retry),
 * 7 token limit,
 * 8 not signed in or not permitted, 130 abandoned at a prompt.
 */
final class ExitCodes implements ExitStatusExceptionMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);
    static final String BEAN = "patExitStatus";
    static final int USAGE = 2;

    /**
     * The platform API's field names, as the core names them in its messages, and the shell's options for them:
     * the shell speaks its own words.
     */
    private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("expiresAt", "--expires-at"),
            Map.entry("apiList", "--methods"), Map.entry("tokenTemplate", "--api-set"),
            Map.entry("envNames", "--envs"), Map.entry("envName", "--envs"), Map.entry("allowedIps", "--allowed-ips"),
            Map.entry("rateLimit", "--rate-limit"), Map.entry("idleDays", "--idle-days"),
            Map.entry("gracePeriod", "--grace-period"), Map.entry("description", "--description"),
            Map.entry("ids", "--ids"), Map.entry("id", "--id"), Map.entry("login", "--login"),
            Map.entry("name", "--name"), Map.entry("since", "--since"), Map.entry("kind", "--kind"),
            Map.entry("limit", "--limit"), Map.entry("token", "--token"));
    private static final Pattern API_WORDS = Pattern.compile(
            "\\b(expiresAt|apiList|tokenTemplate|envNames|allowedIps|rateLimit|idleDays|gracePeriod)\\b");

    private static final Map<Class<? extends PatFailure>, Integer> CODES = Map.ofEntries(
            Map.entry(InvalidInput.class, 2),
            Map.entry(TokenNotFound.class, 3),
            Map.entry(EnvironmentNotFound.class, 3),
            Map.entry(PasswordConfirmationFailed.class, 4),
            Map.entry(SignInFailed.class, 4),
            Map.entry(TwoFactorFailed.class, 5),
            Map.entry(TooManyAttempts.class, 6),
            Map.entry(RateLimited.class, 6),
            Map.entry(TokenLimitReached.class, 7),
            Map.entry(NotAuthenticated.class, 8),
            Map.entry(PermissionDenied.class, 8));

    @Override
    public ExitStatus apply(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInput invalid) {
                String problem = invalid.getMessage().substring(invalid.field().length() + 2);
                return new ExitStatus(USAGE, OPTIONS.getOrDefault(invalid.field(), invalid.field()) + ": "
                        + inShellWords(problem));
            }
            if (cause instanceof PatFailure failure) {
                return new ExitStatus(CODES.getOrDefault(failure.getClass(), 1), inShellWords(failure.getMessage()));
            }
            if (cause instanceof ShellFailure failure) {
                return new ExitStatus(failure.exitCode(), failure.getMessage());
            }
        }
        // a fault of ours: the stack trace to the log, under an id the message repeats so the two can be matched
        String incident = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        LOG.error("internal error, incident {}", incident, exception);
        return new ExitStatus(1, "internal error (incident " + incident + "; details in the log)");
    }

    /** A message of the core with the platform API's field names replaced by the shell's options. */
    static String inShellWords(String message) {
        Matcher words = API_WORDS.matcher(message);
        StringBuilder said = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(said, OPTIONS.get(words.group(1)));
        }
        return words.appendTail(said).toString();
    }

    static Map<Class<? extends PatFailure>, Integer> codes() {
        return CODES;
    }
}
