package dev.vigil.logging.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a key (an attribute name, a form field, a JSON member, a header) names a secret. The key is split into
 * words at non-alphanumeric characters and camel case ({@code clientSecret}, {@code DB_PASSWORD},
 * {@code x-api-key}), lower-cased, with trailing digits dropped; then, in order:
 * <ol>
 *   <li>its last two words are a pair such as {@code api key}, {@code access key}, {@code session id}: a secret;</li>
 *   <li>its last word describes a secret rather than holding it ({@code password_policy}, {@code secret_name},
 *       {@code token_type}, {@code token_url}): not a secret;</li>
 *   <li>its last word ends in {@code token}, {@code password}, {@code secret}, {@code apikey}, {@code cookie}, ... or
 *       is {@code auth}: a secret;</li>
 *   <li>a word {@code password}, {@code passwd}, {@code pwd}, {@code passphrase}, {@code secret} or
 *       {@code credentials} followed by a last word that qualifies the value ({@code password_confirmation},
 *       {@code secret_value}, {@code passwordHash}): a secret.</li>
 * </ol>
 * Other keys that merely mention a secret are not, so that class and logger names ({@code PasswordResetService},
 * {@code PasswordEncoder.java:42}) are not taken for keys.
 * The shell's {@code PWD} and {@code OLDPWD}, spelt so, are the working folder, not a password. Thread-safe.
 */
final class SecretKeys {

    private static final int MAX_KEY = 128;

    private static final Set<String> PAIRS = Set.of("api key", "access key", "secret key", "private key", "signing key",
            "encryption key", "master key", "subscription key", "account key", "session id", "secret id", "auth key");

    private static final Set<String> DESCRIPTIVE = Set.of("policy", "length", "len", "min", "max", "minimum", "maximum",
            "expiry", "expires", "expired", "expiration", "expire", "exp", "at", "in", "age", "ttl", "reset", "changed",
            "required", "enabled", "disabled", "enable", "disable", "strength", "attempts", "retries", "count", "rotation",
            "version", "name", "names", "type", "kind", "file", "path", "dir", "ref", "location", "encoder", "provider",
            "manager", "field", "hint", "prompt", "mode", "format", "url", "uri", "endpoint", "used", "id", "ids", "valid",
            "invalid", "error", "status", "scope", "scopes", "source", "issuer", "audience", "algorithm", "alg", "header",
            "param", "prefix", "store", "flow", "java", "kt", "kts", "scala", "groovy", "clj", "js", "ts", "py", "go", "rb",
            "cs", "class", "jar", "xml", "yml", "yaml", "json", "properties", "conf", "txt", "log");

    private static final List<String> LAST_WORD_ENDINGS = List.of("token", "password", "passwd", "pwd", "passphrase",
            "secret", "secrets", "apikey", "accesskey", "secretkey", "privatekey", "sessionid", "sessid", "credentials", "credential",
            "authorization", "cookie", "cvv", "cvc");

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "secret", "secrets",
            "credentials", "credential");

    private static final Set<String> QUALIFIERS = Set.of("confirmation", "confirm", "new", "old", "current", "again",
            "repeat", "hash", "hashed", "digest", "salt", "plain", "plaintext", "clear", "cleartext", "value", "enc",
            "encrypted", "encoded", "b64", "base64", "raw", "text", "str", "string", "input", "data", "bytes", "bin", "hex");

    private SecretKeys() {}

    /** Whether {@code key} names a secret. */
    static boolean isSecret(String key) {
        return mayBeSecret(key, 0, key.length()) && classify(key);
    }

    /** What the key of a secret may end with (after trailing digits), ignoring case, by its last letter. */
    private static final String[][] ENDINGS = byLastLetter(List.of("token", "password", "passwd", "pwd", "passphrase", "secret",
            "secrets", "apikey", "accesskey", "secretkey", "privatekey", "sessionid", "sessid", "credentials", "credential",
            "authorization", "cookie", "cvv", "cvc", "auth", "key", "session_id", "session-id", "session.id", "secret_id",
            "secret-id", "secret.id", "secretid"));

    private static final String[][] QUALIFIER_ENDINGS = byLastLetter(List.copyOf(QUALIFIERS));

    private static String[][] byLastLetter(List<String> words) {
        String[][] table = new String[128][];
        for (String w : words) {
            char last = w.charAt(w.length() - 1);
            String[] existing = table[last];
            String[] more = existing == null ? new String[1] : Arrays.copyOf(existing, existing.length + 1);
            more[more.length - 1] = w;
            table[last] = more;
        }
        return table;
    }

    /**
     * A quick test on {@code text[start, end)} that every secret key passes, and few others: it ends (before trailing
     * digits) in a word the rules accept last, or in a qualifier after a secret word. Looks at the last letter, then
     * compares a few endings; allocates nothing.
     */
    static boolean mayBeSecret(String text, int start, int end) {
        int qualifier = ending(text, start, end);
        return qualifier == Integer.MAX_VALUE || qualifier > start && (containsIgnoringCase(text, start, qualifier, "pass")
                || containsIgnoringCase(text, start, qualifier, "pwd") || containsIgnoringCase(text, start, qualifier, "secret")
                || containsIgnoringCase(text, start, qualifier, "credential"));
    }

    /**
     * Whether some secret key may end at {@code end}, looking no further back than {@code floor}: the first, cheaper
     * half of {@link #mayBeSecret}, for when the key's start is not known yet.
     */
    static boolean mayEndSecret(String text, int floor, int end) {
        return ending(text, floor, end) != -1;
    }

    /**
     * {@link Integer#MAX_VALUE} when {@code text[start, end)} ends in a word a secret key may end with, the start of
     * a qualifier it ends with (which needs a secret word before it), or -1.
     */
    private static int ending(String text, int start, int end) {
        if (end - start < 3) {
            return -1;
        }
        int e = end;
        while (e > start && Chars.isDigit(text.charAt(e - 1))) {
            e--;
        }
        if (e - start < 3) {
            return -1;
        }
        char last = lower(text.charAt(e - 1));
        if (last >= 128) {
            return -1;
        }
        if (endsWithAny(text, start, e, ENDINGS[last]) >= 0) {
            return Integer.MAX_VALUE;
        }
        return endsWithAny(text, start, e, QUALIFIER_ENDINGS[last]);
    }

    /** Where the first of {@code endings} (lower case) that {@code text[start, end)} ends with starts, or -1. */
    private static int endsWithAny(String text, int start, int end, String @Nullable [] endings) {
        if (endings != null) {
            for (String ending : endings) {
                if (endsWith(text, start, end, ending)) {
                    return end - ending.length();
                }
            }
        }
        return -1;
    }

    /** Compared from the end, where candidates differ soonest; ASCII letters ignoring case. */
    private static boolean endsWith(String text, int start, int end, String lowerCase) {
        int at = end - lowerCase.length();
        if (at < start) {
            return false;
        }
        for (int i = lowerCase.length() - 1; i >= 0; i--) {
            if (lower(text.charAt(at + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoringCase(String text, int start, int end, String word) {
        for (int i = start; i + word.length() <= end; i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Whether the value of {@code key} runs to the end of the line when written as a header ({@code Cookie: a=1; b=2}). */
    static boolean isHeader(String key) {
        List<String> words = words(key);
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        return last.equals("authorization") || last.equals("cookie");
    }

    /** Whether the value of {@code key} starts with an authorization scheme ({@code Bearer}, {@code Digest}) to keep. */
    static boolean isAuthorization(String key) {
        List<String> words = words(key);
        return !words.isEmpty() && words.get(words.size() - 1).equals("authorization");
    }

    private static boolean classify(String key) {
        if (key.equals("PWD") || key.equals("OLDPWD")) {
            return false;
        }
        List<String> words = words(key);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (words.size() >= 2 && PAIRS.contains(words.get(words.size() - 2) + " " + last)) {
            return true;
        }
        if (DESCRIPTIVE.contains(last)) {
            return false;
        }
        if (last.equals("auth")) {
            return true;
        }
        for (String ending : LAST_WORD_ENDINGS) {
            if (last.endsWith(ending)) {
                return true;
            }
        }
        return words.size() >= 2 && SECRET_WORDS.contains(words.get(words.size() - 2)) && QUALIFIERS.contains(last);
    }

    /** The words of a key, lower-cased, trailing digits dropped. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>(4);
        int n = key.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? key.charAt(i) : ' ';
            boolean alnum = Chars.isAlnum(c);
            boolean boundary = !alnum || start >= 0 && i > start && isCamelBoundary(key, i);
            if (boundary && start >= 0) {
                addWord(words, key, start, i);
                start = -1;
            }
            if (alnum && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** A word starts at {@code i}: {@code aB} or the {@code Bc} of {@code ABc}. */
    private static boolean isCamelBoundary(String key, int i) {
        char c = key.charAt(i);
        if (!Character.isUpperCase(c)) {
            return false;
        }
        char before = key.charAt(i - 1);
        if (Character.isLowerCase(before) || Chars.isDigit(before)) {
            return true;
        }
        return Character.isUpperCase(before) && i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
    }

    private static void addWord(List<String> words, String key, int start, int end) {
        int e = end;
        while (e > start && Chars.isDigit(key.charAt(e - 1))) {
            e--;
        }
        if (e > start) {
            words.add(key.substring(start, e).toLowerCase(Locale.ROOT));
        }
    }
}
