package dev.pat.app.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeyFileTest {

    @Test
    void without_a_configured_key_one_is_generated_once_readable_by_its_owner_only(@TempDir Path data)
            throws Exception {
        byte[] first = SecretKeyFile.resolve(Optional.empty(), data.resolve("nested"));
        Path file = data.resolve("nested").resolve(SecretKeyFile.FILE);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretKeyFile.resolve(Optional.empty(), data.resolve("nested"))).isEqualTo(first);
    }

    @Test
    void a_configured_key_is_used_and_a_malformed_one_refused_without_echoing_it(@TempDir Path data) {
        byte[] key = new byte[32];
        key[0] = 7;
        assertThat(SecretKeyFile.resolve(Optional.of(Base64.getEncoder().encodeToString(key)), data)).isEqualTo(key);
        assertThat(data.resolve(SecretKeyFile.FILE)).doesNotExist();
        assertThatThrownBy(() -> SecretKeyFile.resolve(Optional.of("c2hvcnQ="), data))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> SecretKeyFile.resolve(Optional.of("not base64 at all!"), data))
                .hasMessageContaining("not Base64").hasMessageNotContaining("at all");
    }
}
