package dev.pat.rest;

import dev.pat.domain.model.AddressRange;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void without_trusted_proxies_a_client_cannot_choose_its_address() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("203.0.113.9", "198.51.100.1")).value()).isEqualTo("203.0.113.9");
    }

    @Test
    void behind_a_trusted_proxy_the_first_untrusted_hop_from_the_right_is_the_client() {
        ClientAddresses addresses = new ClientAddresses(List.of(AddressRange.parse("p", "10.0.0.0/8"),
                AddressRange.parse("p", "2001:db8::/32")));
        assertThat(addresses.of(from("10.0.0.2", "198.51.100.1, 203.0.113.7, 10.0.0.9")).value())
                .as("a spoofed leftmost hop is not believed").isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.2", null)).value()).isEqualTo("10.0.0.2");
        assertThat(addresses.of(from("10.0.0.2", "garbage, 203.0.113.7")).value()).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.2", "203.0.113.7, not-an-ip")).value())
                .as("what a trusted proxy wrote cannot be read: the proxy is the client").isEqualTo("10.0.0.2");
        assertThat(addresses.of(from("2001:db8::1", "2001:DB8:0:0::5, 2a00:1450::1")).value())
                .isEqualTo("2a00:1450::1");
        assertThat(addresses.of(from("203.0.113.9", "10.0.0.1")).value()).as("an untrusted peer")
                .isEqualTo("203.0.113.9");
    }
}
