package dev.trustmap.istio;

/**
 * Matches a JWT request principal. Istio splits a policy value {@code iss/sub} at its last {@code /} and matches
 * issuer and subject separately, so an issuer that is a URL works; a value without {@code /}, or {@code *},
 * matches the whole {@code iss/sub}. The attribute value is passed as {@link #encode(String, String)}.
 */
public final class RequestPrincipalMatch implements ValueMatcher {
    private static final char SEPARATOR = '\n';

    private final String raw;
    private final StringMatch whole;
    private final StringMatch issuer;
    private final StringMatch subject;

    public RequestPrincipalMatch(String raw) {
        this.raw = raw;
        int slash = raw.lastIndexOf('/');
        boolean split = slash >= 0 && !raw.equals("*/*");
        this.whole = split ? null : StringMatch.of(raw.equals("*/*") ? "*" : raw);
        this.issuer = split ? StringMatch.of(raw.substring(0, slash)) : null;
        this.subject = split ? StringMatch.of(raw.substring(slash + 1)) : null;
    }

    /** The attribute value for a token with this issuer and subject. */
    public static String encode(String iss, String sub) {
        return iss + SEPARATOR + sub;
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
        if (iss.isEmpty() || sub.isEmpty()) {
            return false;
        }
        if (whole != null) {
            return whole.matches(iss + "/" + sub);
        }
        return issuer.matches(iss) && subject.matches(sub);
    }

    @Override
    public String raw() {
        return raw;
    }
}
