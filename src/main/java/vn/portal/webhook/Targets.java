package vn.portal.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may POST to. Only https (http when config allows), with a host, and no
 * host that is or resolves to a loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast or unspecified address, or an IPv6 address that carries or tunnels to such an IPv4
 * address (mapped, translated, 6to4, NAT64, Teredo), unless config allows private targets: a webhook
 * must not become a way to reach the service's own network. Checked at registration and again
 * before each attempt, since what a name resolves to can change. (The HTTP client resolves the name
 * once more to connect; a DNS answer that changes in between, within the JVM's DNS cache time, is
 * not caught: the client library cannot be given the address checked.)
 */
final class Targets {

    /** What a URL is refused for; the message is a field error's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;

    Targets(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** The URL as a URI, checked for its form (scheme, host, no user info or fragment). */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw new Refused("must have a port from 1 to 65535");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password (put a token in the path or query)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment (#…)");
        }
        return uri;
    }

    /**
     * Refuses a host that is, or now resolves to, an address of a private network. A name that
     * does not resolve is not refused here: it fails the attempt, and is checked again next time.
     */
    void requirePublic(URI uri) throws Refused {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new Refused("must not be a loopback, private, link-local or multicast address (" + host
                        + " is " + address.getHostAddress() + ")");
            }
        }
    }

    /** Whether an address belongs to a network that is not the public internet. */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 protocol assignments,
            // 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved and the broadcast address
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int head = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            int next = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
            if ((bytes[0] & 0xfe) == 0xfc // fc00::/7 unique local
                    || (head == 0x2001 && next == 0) // 2001::/32 Teredo, which tunnels to an IPv4 address it hides
                    || (head == 0x0100 && next == 0 && zero(bytes, 4, 8))) { // 100::/64 discard
                return true;
            }
            if (head == 0x2002) { // 6to4: the IPv4 address is the next four bytes
                return isPrivate(ipv4(bytes, 2));
            }
            if (head == 0x0064 && next == 0xff9b) { // NAT64 64:ff9b::/96 and 64:ff9b:1::/48: the last four bytes
                return isPrivate(ipv4(bytes, 12));
            }
            // IPv4-compatible ::a.b.c.d, -mapped ::ffff:a.b.c.d and -translated ::ffff:0:a.b.c.d: the last four bytes
            boolean embedsIpv4 = zero(bytes, 0, 8) && ((zero(bytes, 8, 12))
                    || (zero(bytes, 8, 10) && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
                    || (bytes[8] == (byte) 0xff && bytes[9] == (byte) 0xff && zero(bytes, 10, 12)));
            if (embedsIpv4) {
                return isPrivate(ipv4(bytes, 12));
            }
        }
        return false;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int at) {
        try {
            return InetAddress.getByAddress(new byte[] { bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3] });
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
