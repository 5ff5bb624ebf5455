package dev.trustmap.istio;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR block from {@code ipBlocks}, {@code remoteIpBlocks} or an IP {@code when} key. */
public final class IpMatch {
    private final String raw;
    private final BigInteger network;
    private final int prefixLength;
    private final int bits;

    private IpMatch(String raw, BigInteger network, int prefixLength, int bits) {
        this.raw = raw;
        this.network = network;
        this.prefixLength = prefixLength;
        this.bits = bits;
    }

    /**
     * Parses {@code 10.0.0.1} or {@code 10.0.0.0/16} (IPv4 or IPv6).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static IpMatch parse(String raw) {
        String[] parts = raw.trim().split("/", 2);
        byte[] address = literal(parts[0], raw);
        int bits = address.length * 8;
        int prefix = parts.length == 2 ? prefixLength(parts[1], bits, raw) : bits;
        return new IpMatch(raw, mask(new BigInteger(1, address), prefix, bits), prefix, bits);
    }

    private static int prefixLength(String text, int bits, String raw) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range in " + raw);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + raw, e);
        }
    }

    private static byte[] literal(String text, String raw) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + raw);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + raw, e);
        }
    }

    private static BigInteger mask(BigInteger value, int prefix, int bits) {
        return value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    /** Whether {@code ip} lies in this block; a null or unparsable address never matches. */
    public boolean matches(String ip) {
        if (ip == null) {
            return false;
        }
        try {
            byte[] address = literal(ip, ip);
            return address.length * 8 == bits
                    && mask(new BigInteger(1, address), prefixLength, bits).equals(network);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return raw;
    }
}
