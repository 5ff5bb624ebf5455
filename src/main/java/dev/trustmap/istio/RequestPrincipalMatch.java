package dev.trustmap.istio;

/**
 * Matches a JWT request principal the way Istio compiles {@code requestPrincipals}: the value splits at its last
 * {@code /} into issuer and subject, each matched on its own claim, and a {@code *} is honoured only at the ends
 * of the whole value:
 *
 * <ul>
 *   <li>{@code *}: any issuer and any subject (both non-empty);
 *   <li>{@code *x/sub} or {@code * /sub}: issuer ending in {@code x} (or any), subject exactly {@code sub};
 *       {@code *x} without {@code /}: any issuer, subject ending in {@code x};
 *   <li>{@code iss/x*} or {@code iss/*}: issuer exactly {@code iss}, subject starting with {@code x} (or any);
 *       {@code x*} without {@code /}: issuer starting with {@code x}, any subject;
 *   <li>otherwise issuer and subject exactly (so a value without {@code /} needs an empty subject: never).
 * </ul>
 *
 * The attribute value is passed as {@link #encode(String, String)}.
 */
public final class RequestPrincipalMatch implements ValueMatcher {
    private static final char SEPARATOR = '\n';
    private static final StringMatch ANY = StringMatch.of("*");

    private final String raw;
    private final StringMatch issuer;
    private final StringMatch subject;

    public RequestPrincipalMatch(String raw) {
        this.raw = raw;
        int slash = raw.lastIndexOf('/');
        boolean split = slash >= 0;
        String iss = split ? raw.substring(0, slash) : raw;
        String sub = split ? raw.substring(slash + 1) : "";
        if (raw.equals("*")) {
            issuer = ANY;
            subject = ANY;
        } else if (raw.startsWith("*")) {
            issuer = !split || iss.equals("*") ? ANY : StringMatch.suffix(iss.substring(1));
            subject = split ? exact(sub) : StringMatch.suffix(raw.substring(1));
        } else if (raw.endsWith("*")) {
            issuer = split ? exact(iss) : StringMatch.prefix(raw.substring(0, raw.length() - 1));
            subject = !split || sub.equals("*") ? ANY : StringMatch.prefix(sub.substring(0, sub.length() - 1));
        } else {
            issuer = exact(iss);
            subject = exact(sub);
        }
    }

    /** A matcher that takes {@code *} literally. */
    private static StringMatch exact(String value) {
        return StringMatch.literal(value);
    }

    /** The attribute value for a token with this issuer and subject (either may be null when absent). */
    public static String encode(String iss, String sub) {
        return (iss == null ? "" : iss) + SEPARATOR + (sub == null ? "" : sub);
    }

    /** {@code iss/sub} for people. */
    public static String display(String encoded) {
        return encoded.replace(SEPARATOR, '/');
    }

    @Override
    public boolean matches(String actual) {
        int cut = actual.indexOf(SEPARATOR);
        String iss = actual.substring(0, cut);
        String sub = actual.substring(cut + 1);
        return !iss.isEmpty() && !sub.isEmpty() && issuer.matches(iss) && subject.matches(sub);
    }

    @Override
    public String raw() {
        return raw;
    }
}
