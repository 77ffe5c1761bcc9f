package dev.vigil.logging.redact;

/**
 * The password in a URL's user information, as connection strings carry it: {@code postgres://app:s3cr3t@db/orders}
 * becomes {@code postgres://app:[secret]@db/orders}. The user name stays readable.
 */
final class UrlCredentialsDetector implements Detector {

    private static final int MAX_USER_INFO = 256;

    private final String replacement;

    UrlCredentialsDetector(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public void find(String text, Matches out) {
        int p = text.indexOf("://");
        while (p >= 0) {
            int next = p + 3;
            if (p > 0 && Chars.isAsciiLetter(text.charAt(p - 1))) {
                int colon = -1;
                int i = next;
                while (i < text.length() && i - next < MAX_USER_INFO && isUserInfo(text.charAt(i))) {
                    if (text.charAt(i) == ':' && colon < 0) {
                        colon = i;
                    }
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '@' && colon >= 0 && i > colon + 1) {
                    out.add(colon + 1, i, replacement);
                    next = i;
                }
            }
            p = text.indexOf("://", next);
        }
    }

    /** A character of {@code user:password}, up to the {@code @} that ends it. */
    private static boolean isUserInfo(char c) {
        return c > ' ' && c != '/' && c != '?' && c != '#' && c != '@' && c != '"' && c != '\'' && c != '<' && c != '>'
                && c != '\\';
    }
}
