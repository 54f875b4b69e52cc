package dev.pat.domain.model.environment;

/** An environment's state, numbered as the public platform numbers them. */
public enum EnvStatus {
    RUNNING(1), DOWN(2), SLEEPING(4);

    private final int code;

    EnvStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EnvStatus ofCode(int code) {
        for (EnvStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no environment status " + code);
    }
}
