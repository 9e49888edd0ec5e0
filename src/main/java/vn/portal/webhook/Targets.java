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
 * multicast or unspecified address (unless config allows private targets): a webhook must not
 * become a way to reach the service's own network. Checked at registration and again before each
 * attempt, since what a name resolves to can change.
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
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 198.18.0.0/15 benchmarking, 240/4 reserved
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; an IPv4-mapped or -compatible address is judged as its IPv4 address
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0))) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
        }
        return false;
    }
}
