package dev.trustmap.source.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks IP address literals (IPv4 dotted quads, IPv6) without ever looking a name up. */
public final class IpAddresses {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpAddresses() {}

    /** Whether {@code text} is an IPv4 address such as {@code 203.0.113.9} or an IPv6 one such as {@code ::1}. */
    public static boolean isIpAddress(String text) {
        if (text == null) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
            return false;
        }
        try {
            // a text with ':' is parsed as an IPv6 literal, never resolved
            return InetAddress.getByName(text).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
