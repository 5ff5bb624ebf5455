package dev.trustmap.istio;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One value of an Istio policy field: exact, prefix ({@code abc*}), suffix ({@code *abc}), presence ({@code *},
 * which needs a non-empty value) or, for paths, a template with {@code {*}} and {@code {**}}.
 */
public final class StringMatch {

    /** How the value compares. */
    public enum Kind {
        EXACT,
        PREFIX,
        SUFFIX,
        PRESENCE,
        TEMPLATE
    }

    private final Kind kind;
    private final String value;
    private final String raw;
    private final boolean ignoreCase;
    private final Pattern template;

    private StringMatch(Kind kind, String value, String raw, boolean ignoreCase, Pattern template) {
        this.kind = kind;
        this.value = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        this.raw = raw;
        this.ignoreCase = ignoreCase;
        this.template = template;
    }

    /** A case-sensitive matcher for {@code raw} with Istio's one-leading-or-trailing-star rule. */
    public static StringMatch of(String raw) {
        return of(raw, false);
    }

    /** Values starting with {@code prefix} ({@code *} in it is literal). */
    public static StringMatch prefix(String prefix) {
        return new StringMatch(Kind.PREFIX, prefix, prefix + "*", false, null);
    }

    /** Values ending with {@code suffix} ({@code *} in it is literal). */
    public static StringMatch suffix(String suffix) {
        return new StringMatch(Kind.SUFFIX, suffix, "*" + suffix, false, null);
    }

    /** An exact matcher, even for values with {@code *}. */
    public static StringMatch literal(String raw) {
        return new StringMatch(Kind.EXACT, raw, raw, false, null);
    }

    /** A matcher that ignores case, as {@code hosts} do. */
    public static StringMatch ignoringCase(String raw) {
        return of(raw, true);
    }

    /**
     * A matcher where every {@code *} stands for any run of characters, as Istio builds the regex for
     * {@code namespaces}.
     */
    public static StringMatch anyStars(String raw) {
        if (raw.equals("*") || !raw.contains("*")) {
            return of(raw, false);
        }
        String regex = String.join(
                ".*",
                java.util.Arrays.stream(raw.split("\\*", -1))
                        .map(Pattern::quote)
                        .toList());
        return new StringMatch(Kind.TEMPLATE, raw, raw, false, Pattern.compile(regex));
    }

    /** A path matcher: like {@link #of} but also reads {@code {*}} and {@code {**}} templates. */
    public static StringMatch path(String raw) {
        if (raw.contains("{*}") || raw.contains("{**}")) {
            return new StringMatch(Kind.TEMPLATE, raw, raw, false, templatePattern(raw));
        }
        return of(raw, false);
    }

    private static StringMatch of(String raw, boolean ignoreCase) {
        if (raw.equals("*")) {
            return new StringMatch(Kind.PRESENCE, "", raw, ignoreCase, null);
        }
        if (raw.startsWith("*")) {
            return new StringMatch(Kind.SUFFIX, raw.substring(1), raw, ignoreCase, null);
        }
        if (raw.endsWith("*")) {
            return new StringMatch(Kind.PREFIX, raw.substring(0, raw.length() - 1), raw, ignoreCase, null);
        }
        return new StringMatch(Kind.EXACT, raw, raw, ignoreCase, null);
    }

    private static Pattern templatePattern(String raw) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("{**}", i)) {
                regex.append(".*");
                i += 4;
            } else if (raw.startsWith("{*}", i)) {
                regex.append("[^/]+");
                i += 3;
            } else {
                regex.append(Pattern.quote(String.valueOf(raw.charAt(i))));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether {@code actual} matches; a null (absent) value never matches. */
    public boolean matches(String actual) {
        if (actual == null) {
            return false;
        }
        String text = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
        switch (kind) {
            case EXACT:
                return text.equals(value);
            case PREFIX:
                return text.startsWith(value);
            case SUFFIX:
                return text.endsWith(value);
            case PRESENCE:
                return !text.isEmpty();
            case TEMPLATE:
                return template.matcher(text).matches();
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The value as written in the policy. */
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
