package dev.pat.domain.port.in;

import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.PermissionDenied;
import dev.pat.domain.model.TwoFactorFailed;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.catalog.ApiMethod;

/**
 * The platform's hot path: says who is calling a method with the presented session key or token value, or
 * refuses with exactly why not ({@code NotAuthenticated}, {@code PermissionDenied}, {@code TwoFactorFailed},
 * {@code RateLimited}). The address is where the call comes from: limits and policies apply to it.
 */
public interface AuthorizeCall {
    Caller authorize(Credential credential, ApiMethod method, ClientAddress address);
}
