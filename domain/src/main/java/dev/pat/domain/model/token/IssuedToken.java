package dev.pat.domain.model.token;

/** A token together with its value in clear: the one answer in which the value is ever shown. */
public record IssuedToken(AccessToken token, TokenValue value) {
    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
