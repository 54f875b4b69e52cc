package dev.pat.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest {

    @Test
    void addresses_are_normalised_and_never_looked_up_by_name() {
        assertThat(ClientAddress.parse(" 192.0.2.1 ").value()).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.parse("[2001:DB8::1]").value()).isEqualTo("2001:db8::1");
        // IPv6 as RFC 5952 writes it: the longest run of zero groups (the first on a tie) shortened to ::
        assertThat(ClientAddress.parse("2001:db8:0:0:1:0:0:1").value()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddress.parse("1:0:0:2:0:0:0:3").value()).isEqualTo("1:0:0:2::3");
        assertThat(ClientAddress.parse("0:0:0:0:0:0:0:1").value()).isEqualTo("::1");
        assertThat(ClientAddress.parse("fe80:0:0:0:0:0:0:0").value()).isEqualTo("fe80::");
        assertThat(ClientAddress.parse("1:2:3:4:5:0:7:8").value()).as("one zero group stays")
                .isEqualTo("1:2:3:4:5:0:7:8");
        for (String bad : new String[] {"localhost", "example.com", "1.2.3", "::g", "", "1.2.3.4.5", "999.1.1.1"}) {
            assertThatThrownBy(() -> ClientAddress.parse(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void a_range_holds_the_addresses_of_its_prefix_and_no_others() {
        AddressRange net = AddressRange.parse("allowedIps", "10.1.2.3/16");
        assertThat(net.cidr()).isEqualTo("10.1.0.0/16");
        assertThat(net.contains(ClientAddress.parse("10.1.255.7"))).isTrue();
        assertThat(net.contains(ClientAddress.parse("10.2.0.1"))).isFalse();
        assertThat(net.contains(ClientAddress.parse("::ffff:10.1.0.1"))).as("v4-mapped is IPv4").isTrue();
        assertThat(net.contains(ClientAddress.LOCAL)).isFalse();
        AddressRange one = AddressRange.parse("allowedIps", "2001:db8::5");
        assertThat(one.contains(ClientAddress.parse("2001:db8:0::5"))).isTrue();
        assertThat(one.contains(ClientAddress.parse("2001:db8::6"))).isFalse();
        assertThat(AddressRange.parse("allowedIps", "2001:db8::/32").contains(ClientAddress.parse("2001:db8:ff::1")))
                .isTrue();
        assertThat(AddressRange.parse("allowedIps", "0.0.0.0/0").contains(ClientAddress.parse("2001:db8::1")))
                .as("an IPv4 range holds no IPv6 address").isFalse();
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0.0/-1", "2001:db8::/129", "10.0.0.0/8/8", "x/8"}) {
            assertThatThrownBy(() -> AddressRange.parse("allowedIps", bad)).as(bad).isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("allowedIps: ");
        }
    }
}
