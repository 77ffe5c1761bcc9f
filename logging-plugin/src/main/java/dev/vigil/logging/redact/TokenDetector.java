package dev.vigil.logging.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * API keys and tokens whose shape gives them away: AWS access key ids, GitHub, GitLab, Slack and Stripe tokens,
 * Google API keys, Slack webhook URLs and JWTs. Each starts at a word boundary with a prefix its issuer documents;
 * the text is read once, and only a character that begins some prefix after a boundary is looked at further.
 */
final class TokenDetector implements Detector {

    /** What follows a prefix. */
    private enum Body {
        UPPER_ALNUM, ALNUM, WORD, BASE64URL, GITLAB, SLACK, WEBHOOK_PATH
    }

    /**
     * A token shape.
     *
     * @param prefix what it starts with
     * @param body what may follow
     * @param min the fewest characters after the prefix
     * @param max the most characters after the prefix; a longer run is something else
     * @param replacement its mask, or for the webhook what replaces the secret path
     * @param keepPrefix whether the prefix stays readable (the webhook's host)
     */
    private record Shape(String prefix, Body body, int min, int max, String replacement, boolean keepPrefix) {}

    private static final int MAX = 255;

    private final Shape[][] byFirstChar = new Shape[128][];
    private final String jwt;

    TokenDetector(Function<String, String> mask) {
        List<Shape> shapes = new ArrayList<>();
        String aws = mask.apply("aws-access-key");
        for (String prefix : List.of("AKIA", "ASIA", "ABIA", "ACCA")) {
            shapes.add(new Shape(prefix, Body.UPPER_ALNUM, 16, 16, aws, false));
        }
        shapes.add(new Shape("AIza", Body.BASE64URL, 35, 35, mask.apply("google-api-key"), false));
        String github = mask.apply("github-token");
        for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            shapes.add(new Shape(prefix, Body.WORD, 30, MAX, github, false));
        }
        shapes.add(new Shape("github_pat_", Body.WORD, 22, MAX, github, false));
        String gitlab = mask.apply("gitlab-token");
        for (String prefix : List.of("glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-",
                "glsoat-", "glffct-")) {
            shapes.add(new Shape(prefix, Body.GITLAB, 20, MAX, gitlab, false));
        }
        String slack = mask.apply("slack-token");
        for (String prefix : List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe.xoxp-", "xoxe-", "xapp-")) {
            shapes.add(new Shape(prefix, Body.SLACK, 10, MAX, slack, false));
        }
        shapes.add(new Shape("hooks.slack.com/services/", Body.WEBHOOK_PATH, 20, MAX, mask.apply("slack-webhook"), true));
        String stripe = mask.apply("stripe-key");
        for (String prefix : List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_")) {
            shapes.add(new Shape(prefix, Body.ALNUM, 16, MAX, stripe, false));
        }
        for (Shape shape : shapes) {
            char first = shape.prefix().charAt(0);
            Shape[] existing = byFirstChar[first];
            Shape[] more = existing == null ? new Shape[1] : Arrays.copyOf(existing, existing.length + 1);
            more[more.length - 1] = shape;
            byFirstChar[first] = more;
        }
        this.jwt = mask.apply("jwt");
    }

    @Override
    public void find(String text, Matches out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128 && (c == 'e' || byFirstChar[c] != null) && (i == 0 || !Chars.isWord(text.charAt(i - 1)))) {
                int end = c == 'e' ? jwt(text, i, out) : shapes(text, i, byFirstChar[c], out);
                i = Math.max(end, i + 1);
            } else {
                i++;
            }
        }
    }

    /** Masks the first shape that matches at {@code start}; returns where it ends, or {@code start}. */
    private static int shapes(String text, int start, Shape[] shapes, Matches out) {
        for (Shape shape : shapes) {
            if (!text.startsWith(shape.prefix(), start)) {
                continue;
            }
            int bodyStart = start + shape.prefix().length();
            int end = bodyStart;
            while (end < text.length() && end - bodyStart <= shape.max() && accepts(shape.body(), text.charAt(end))) {
                end++;
            }
            if (shape.body() == Body.GITLAB || shape.body() == Body.SLACK) {
                while (end > bodyStart && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                    end--; // punctuation ending a sentence, not the token
                }
            }
            int length = end - bodyStart;
            if (length >= shape.min() && length <= shape.max() && (end == text.length() || !Chars.isAlnum(text.charAt(end)))) {
                out.add(shape.keepPrefix() ? bodyStart : start, end, shape.replacement());
                return end;
            }
        }
        return start;
    }

    private static boolean accepts(Body body, char c) {
        return switch (body) {
            case UPPER_ALNUM -> c >= 'A' && c <= 'Z' || Chars.isDigit(c);
            case ALNUM -> Chars.isAsciiAlnum(c);
            case WORD -> Chars.isAsciiAlnum(c) || c == '_';
            case BASE64URL -> Chars.isAsciiAlnum(c) || c == '_' || c == '-';
            case GITLAB -> Chars.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
            case SLACK -> Chars.isAsciiAlnum(c) || c == '-';
            case WEBHOOK_PATH -> Chars.isAsciiAlnum(c) || c == '/';
        };
    }

    /**
     * A JWT (JWS or JWE): dot-separated base64url segments, the first a JSON header (so starting {@code eyJ}, the
     * encoding of <code>{"</code>), header and second segment at least 10 characters each, 3 or 5 segments.
     */
    private int jwt(String text, int start, Matches out) {
        if (!text.startsWith("eyJ", start)) {
            return start;
        }
        int n = text.length();
        int end = start;
        int segments = 0;
        int shortestOfFirstTwo = Integer.MAX_VALUE;
        int lastLength;
        while (true) {
            int segmentStart = end;
            while (end < n && isBase64Url(text.charAt(end))) {
                end++;
            }
            lastLength = end - segmentStart;
            segments++;
            if (segments <= 2) {
                shortestOfFirstTwo = Math.min(shortestOfFirstTwo, lastLength);
            }
            if (segments < 5 && end < n && text.charAt(end) == '.') {
                end++;
            } else {
                break;
            }
        }
        if (segments == 4 && lastLength == 0) {
            segments = 3; // the dot ends a sentence
            end--;
        }
        if ((segments == 3 || segments == 5) && shortestOfFirstTwo >= 10 && (end == n || !Chars.isWord(text.charAt(end)))) {
            out.add(start, end, jwt);
            return end;
        }
        return start + 3;
    }

    private static boolean isBase64Url(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '-';
    }
}
