package dev.vigil.logging.redact;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is masked, the {@code redaction} section of the logging plugin's configuration. Every key is optional; see
 * {@link #defaults()}. The rules are described in the {@linkplain dev.vigil.logging.redact package documentation}.
 *
 * <pre>{@code
 * redaction:
 *   mask: "[{kind}]"
 *   cardNumbers: false
 *   patterns:
 *     - name: ssn
 *       regex: '\b\d{3}-\d{2}-\d{4}\b'
 *     - name: order-customer
 *       regex: 'customer=(\w+)'
 *       replacement: 'customer=[customer]'
 * }</pre>
 *
 * @param enabled whether anything is masked at all
 * @param mask the text that replaces what is masked; {@code {kind}} in it becomes what it was, such as {@code email}
 * @param emails whether e-mail addresses are masked
 * @param cardNumbers whether payment card numbers (Luhn-checked) are masked
 * @param authorization whether {@code Bearer} and {@code Basic} credentials are masked
 * @param tokens whether API keys and tokens of known shapes, JWTs and private key blocks are masked
 * @param secretValues whether the values of keys that name a secret are masked ({@code password=...},
 *     {@code "api_key": "..."}, {@code token: ...})
 * @param urlCredentials whether the password in a URL's user information is masked
 * @param patterns further expressions to mask, tried after the built-in rules
 */
public record RedactionSettings(boolean enabled, String mask, boolean emails, boolean cardNumbers, boolean authorization,
        boolean tokens, boolean secretValues, boolean urlCredentials, List<CustomPattern> patterns) {

    /** The default mask text. */
    public static final String DEFAULT_MASK = "[{kind}]";

    private static final RedactionSettings DEFAULTS =
            new RedactionSettings(true, DEFAULT_MASK, true, true, true, true, true, true, List.of());

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if {@code mask} is empty or two patterns have the same name
     */
    public RedactionSettings {
        requireNonNull(mask, "mask is null");
        patterns = List.copyOf(patterns);
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("mask must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (!names.add(patterns.get(i).name())) {
                throw new IllegalArgumentException("patterns[" + i + "].name: '" + patterns.get(i).name() + "' is used twice");
            }
        }
    }

    /** Every built-in rule on, the mask {@code [{kind}]}, no patterns. */
    public static RedactionSettings defaults() {
        return DEFAULTS;
    }

    /** Nothing masked. */
    public static RedactionSettings disabled() {
        return new RedactionSettings(false, DEFAULT_MASK, true, true, true, true, true, true, List.of());
    }

    /** The mask text for {@code kind}. */
    public String maskFor(String kind) {
        return mask.replace("{kind}", kind);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static RedactionSettings fromConfig(
            @JsonProperty("enabled") @Nullable Boolean enabled,
            @JsonProperty("mask") @Nullable String mask,
            @JsonProperty("emails") @Nullable Boolean emails,
            @JsonProperty("cardNumbers") @Nullable Boolean cardNumbers,
            @JsonProperty("authorization") @Nullable Boolean authorization,
            @JsonProperty("tokens") @Nullable Boolean tokens,
            @JsonProperty("secretValues") @Nullable Boolean secretValues,
            @JsonProperty("urlCredentials") @Nullable Boolean urlCredentials,
            @JsonProperty("patterns") @Nullable List<CustomPattern> patterns) {
        return new RedactionSettings(
                requireNonNullElse(enabled, DEFAULTS.enabled),
                requireNonNullElse(mask, DEFAULTS.mask),
                requireNonNullElse(emails, DEFAULTS.emails),
                requireNonNullElse(cardNumbers, DEFAULTS.cardNumbers),
                requireNonNullElse(authorization, DEFAULTS.authorization),
                requireNonNullElse(tokens, DEFAULTS.tokens),
                requireNonNullElse(secretValues, DEFAULTS.secretValues),
                requireNonNullElse(urlCredentials, DEFAULTS.urlCredentials),
                requireNonNullElse(patterns, DEFAULTS.patterns));
    }

    /**
     * An expression to mask, from configuration.
     *
     * @param name what it masks, such as {@code ssn}; the kind in the default replacement
     * @param regex a regular expression in RE2 syntax, searched anywhere in the text
     * @param replacement what replaces each match, with {@code $1} or {@code ${name}} for a group; empty for the
     *     mask text of kind {@code name}
     */
    public record CustomPattern(String name, String regex, String replacement) {

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if the name is blank or the expression is not valid RE2
         */
        public CustomPattern {
            requireNonNull(name, "name is null");
            requireNonNull(regex, "regex is null");
            requireNonNull(replacement, "replacement is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            if (regex.isEmpty()) {
                throw new IllegalArgumentException("regex of pattern '" + name + "' must not be empty");
            }
            try {
                PatternRule.compile(regex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("regex of pattern '" + name + "' is not valid: " + e.getMessage(), e);
            }
        }

        /** Binds one pattern: {@code name} and {@code regex} are required. */
        @JsonCreator
        private static CustomPattern fromConfig(
                @JsonProperty("name") @Nullable String name,
                @JsonProperty("regex") @Nullable String regex,
                @JsonProperty("replacement") @Nullable String replacement) {
            if (name == null) {
                throw new IllegalArgumentException("name is required");
            }
            if (regex == null) {
                throw new IllegalArgumentException("regex is required in pattern '" + name + "'");
            }
            return new CustomPattern(name, regex, requireNonNullElse(replacement, ""));
        }
    }
}
