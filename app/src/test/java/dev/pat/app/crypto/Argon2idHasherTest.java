package dev.pat.app.crypto;

import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idHasherTest {
    private final Argon2idHasher hasher = new Argon2idHasher(19_456, 2, 1);
    private final Password password = Password.given("correct horse battery");

    @Test
    void a_hash_is_argon2id_with_the_configured_parameters_and_verifies_only_its_password() {
        PasswordHash hash = hasher.hash(password);
        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse");
        assertThat(hasher.verify(hash, password)).isTrue();
        assertThat(hasher.verify(hash, Password.given("correct horse battery!"))).isFalse();
        assertThat(hasher.hash(password).encoded()).isNotEqualTo(hash.encoded());
    }

    @Test
    void a_hash_made_with_other_parameters_is_due_an_upgrade() {
        PasswordHash old = hasher.hash(password);
        Argon2idHasher stronger = new Argon2idHasher(32_768, 3, 1);
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.verify(old, password)).isTrue();
        assertThat(stronger.needsRehash(new PasswordHash("v1:not-argon"))).isTrue();
        assertThat(stronger.verify(new PasswordHash("v1:not-argon"), password)).isFalse();
    }

    @Test
    void parameters_below_the_owasp_minimum_are_refused() {
        assertThatThrownBy(() -> new Argon2idHasher(4_096, 2, 1)).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new Argon2idHasher(19_456, 1, 1)).hasMessageContaining("OWASP");
    }
}
