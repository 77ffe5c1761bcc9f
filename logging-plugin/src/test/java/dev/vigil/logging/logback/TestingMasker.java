package dev.vigil.logging.logback;

import dev.vigil.logging.Masker;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses as {@code [email]} and tokens such as {@code tok_abc123} as {@code [token]}, and the whole
 * value of a key that names a password as {@code [secret]}.
 */
final class TestingMasker implements Masker {

    static final String EMAIL = "jane.doe@example.com";
    static final String TOKEN = "tok_9f8e7d6c5b4a";

    private static final Pattern EMAILS = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern TOKENS = Pattern.compile("tok_[A-Za-z0-9]+");

    @Override
    public String mask(String text) {
        return TOKENS.matcher(EMAILS.matcher(text).replaceAll("[email]")).replaceAll("[token]");
    }

    @Override
    public Map<String, String> maskValues(Map<String, String> values) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, k.toLowerCase(Locale.ROOT).contains("password") ? "[secret]" : mask(v)));
        return out;
    }
}
