package dev.vigil.logging.redact;

import static java.util.Objects.requireNonNull;

import dev.vigil.logging.Masker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks sensitive parts of log text by the rules of {@link RedactionSettings}; see the
 * {@linkplain dev.vigil.logging.redact package documentation} for what each rule masks and how the result reads.
 * Immutable and thread-safe; {@link #mask} returns the same string when there is nothing to mask, which is the
 * common case and costs a few scans of the text without allocating.
 */
public final class Redactor implements Masker {

    private final RedactionSettings settings;
    private final List<Detector> detectors;
    private final String secretMask;

    /** A redactor applying {@code settings}. */
    public Redactor(RedactionSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.secretMask = settings.maskFor("secret");
        this.detectors = settings.enabled() ? detectors(settings) : List.of();
    }

    /** A redactor with every built-in rule and no patterns. */
    public static Redactor withDefaults() {
        return new Redactor(RedactionSettings.defaults());
    }

    /** The settings this redactor applies. */
    public RedactionSettings settings() {
        return settings;
    }

    // Earlier rules win where matches start at the same place: specific shapes before generic key/value pairs.
    private static List<Detector> detectors(RedactionSettings s) {
        List<Detector> out = new ArrayList<>();
        if (s.tokens()) {
            out.add(new PrivateKeyDetector(s.maskFor("private-key")));
            out.add(new TokenDetector(s::maskFor));
        }
        if (s.authorization()) {
            out.add(new AuthorizationDetector(s.maskFor("token"), s.maskFor("credentials")));
        }
        if (s.urlCredentials()) {
            out.add(new UrlCredentialsDetector(s.maskFor("secret")));
        }
        if (s.secretValues()) {
            out.add(new SecretValueDetector(s.maskFor("secret"), s.maskFor("token")));
        }
        if (s.emails()) {
            out.add(new EmailDetector(s.maskFor("email")));
        }
        if (s.cardNumbers()) {
            out.add(new CardNumberDetector(s.maskFor("card")));
        }
        for (RedactionSettings.CustomPattern p : s.patterns()) {
            boolean literal = p.replacement().isEmpty();
            out.add(new PatternRule(p.regex(), literal ? s.maskFor(p.name()) : p.replacement(), literal));
        }
        return List.copyOf(out);
    }

    @Override
    public String mask(String text) {
        if (text.isEmpty() || detectors.isEmpty()) {
            return text;
        }
        Matches matches = new Matches();
        for (Detector detector : detectors) {
            detector.find(text, matches);
        }
        return matches.isEmpty() ? text : matches.apply(text);
    }

    /**
     * Masks the values of attributes or MDC entries: a value under a key that names a secret (such as
     * {@code password}, {@code http.request.header.authorization}, {@code api_key}) is replaced whole by the
     * {@code secret} mask, every other value is {@linkplain #mask masked} as text. Keys are kept.
     *
     * @return {@code values} itself when nothing changed, else a new unmodifiable map in the same order
     */
    @Override
    public Map<String, String> maskValues(Map<String, String> values) {
        if (values.isEmpty() || detectors.isEmpty()) {
            return values;
        }
        Map<String, String> changed = null;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getValue();
            String masked = maskValue(e.getKey(), value);
            if (changed == null && !masked.equals(value)) {
                changed = new LinkedHashMap<>();
                for (Map.Entry<String, String> before : values.entrySet()) {
                    if (before.getKey().equals(e.getKey())) {
                        break;
                    }
                    changed.put(before.getKey(), before.getValue());
                }
            }
            if (changed != null) {
                changed.put(e.getKey(), masked);
            }
        }
        return changed == null ? values : Collections.unmodifiableMap(changed);
    }

    /** {@code value} masked whole when {@code key} names a secret, else masked as text. */
    public String maskValue(String key, String value) {
        if (detectors.isEmpty() || value.isEmpty()) {
            return value;
        }
        if (settings.secretValues() && SecretKeys.isSecret(key)) {
            return value.equals(secretMask) ? value : secretMask;
        }
        return mask(value);
    }
}
