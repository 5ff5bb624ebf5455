package dev.trustmap.engine;

import dev.trustmap.mesh.MeshConfig.PathNormalization;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Normalizes a request path the way the proxy does before authorization: the query and fragment are dropped;
 * BASE applies RFC 3986 normalization (dot segments removed, unreserved escapes decoded, backslashes made
 * slashes); MERGE_SLASHES also merges repeated slashes; DECODE_AND_MERGE_SLASHES first decodes {@code %2F} and
 * {@code %5C}.
 */
public final class PathNormalizer {
    private PathNormalizer() {}

    public static String normalize(String rawPath, PathNormalization mode) {
        if (rawPath == null) {
            return null;
        }
        String path = stripQuery(rawPath);
        if (mode == PathNormalization.NONE) {
            return path;
        }
        if (mode == PathNormalization.DECODE_AND_MERGE_SLASHES) {
            path = path.replaceAll("(?i)%2F", "/").replaceAll("(?i)%5C", "\\\\");
        }
        path = removeDotSegments(decodeUnreserved(path.replace('\\', '/')));
        if (mode != PathNormalization.BASE) {
            path = path.replaceAll("/{2,}", "/");
        }
        return path;
    }

    private static String stripQuery(String path) {
        int cut = path.length();
        int query = path.indexOf('?');
        int fragment = path.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return path.substring(0, cut);
    }

    /** Decodes percent escapes of unreserved characters and upper-cases the hex digits of the others. */
    static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && isHex(path, i + 1) && isHex(path, i + 2)) {
                char decoded = (char) Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }

    /** RFC 3986 section 5.2.4, over whole segments. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        if (!path.startsWith("/")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }
}
