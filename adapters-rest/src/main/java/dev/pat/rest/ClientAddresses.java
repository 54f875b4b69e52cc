package dev.pat.rest;

import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/**
 * Where a call comes from: the TCP peer's address, or, when the peer is one of the operator's trusted proxies, the
 * first hop of {@code X-Forwarded-For} (read from the right) that is not itself a trusted proxy. A client cannot
 * choose its own address by sending the header: without trusted proxies it is never read.
 */
final class ClientAddresses {
    private final List<AddressRange> trusted;

    ClientAddresses(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    ClientAddress of(HttpServletRequest request) {
        ClientAddress peer = ClientAddress.parse(request.getRemoteAddr());
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        ClientAddress client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            ClientAddress hop;
            try {
                hop = ClientAddress.parse(hops[i]);
            } catch (InvalidInput malformed) {
                // what a trusted proxy wrote cannot be read: the last hop it vouched for is the client
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(ClientAddress address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
