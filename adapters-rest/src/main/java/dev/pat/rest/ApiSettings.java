package dev.pat.rest;

/**
 * What the composition root tells the platform API about its deployment.
 *
 * @param platformDomain the domain environments live under ({@code my-project.DOMAIN})
 */
public record ApiSettings(String platformDomain) {
    public ApiSettings {
        if (platformDomain == null || platformDomain.isBlank()) {
            throw new IllegalArgumentException("pat.platform-domain must not be blank");
        }
    }
}
