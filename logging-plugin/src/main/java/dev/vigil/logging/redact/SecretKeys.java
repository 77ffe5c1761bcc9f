package dev.vigil.logging.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * A quick test on {@code text[start, end)} that every secret key passes: it holds one of the stems the rules need
     * (such as {@code pass}, {@code token}, {@code key}), in any case. Allocates nothing.
     */
    static boolean mayBeSecret(String text, int start, int end) {
        if (end - start < 3 || end - start > MAX_KEY) {
            return false;
        }
        for (int i = start; i < end - 2; i++) {
            char c1 = lower(text.charAt(i + 1));
            char c2 = lower(text.charAt(i + 2));
            boolean stem = switch (lower(text.charAt(i))) {
                case 'p' -> c1 == 'a' && c2 == 's' || c1 == 'w' && c2 == 'd'; // pass, pwd
                case 's' -> c1 == 'e' && (c2 == 'c' || c2 == 's'); // secret, sess
                case 't' -> c1 == 'o' && c2 == 'k'; // token
                case 'k' -> c1 == 'e' && c2 == 'y'; // key
                case 'a' -> c1 == 'u' && c2 == 't'; // auth
                case 'c' -> c1 == 'o' && c2 == 'o' || c1 == 'r' && c2 == 'e' || c1 == 'v' && (c2 == 'v' || c2 == 'c'); // cookie, cred, cvv, cvc
                default -> false;
            };
            if (stem) {
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
