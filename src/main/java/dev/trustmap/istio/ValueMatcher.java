package dev.trustmap.istio;

/** Compares one attribute value with one value written in a policy. */
public interface ValueMatcher {

    boolean matches(String actual);

    /** The policy value as written. */
    String raw();

    static ValueMatcher of(StringMatch match) {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return match.matches(actual);
            }

            @Override
            public String raw() {
                return match.raw();
            }
        };
    }

    static ValueMatcher of(IpMatch match) {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return match.matches(actual);
            }

            @Override
            public String raw() {
                return match.toString();
            }
        };
    }
}
