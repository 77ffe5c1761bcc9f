package dev.vigil.logging.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * API keys and tokens whose shape gives them away: AWS access key ids, GitHub, GitLab, Slack and Stripe tokens,
 * Google API keys, Slack webhook URLs and JWTs. Each starts at a word boundary with a prefix its issuer documents.
 * The text is searched with {@code String.indexOf} for a few anchors the prefixes share ({@code _} for GitHub and
 * Stripe, {@code gl}, {@code x}, {@code A}, {@code hooks.slack.com/services/}, {@code eyJ}), which costs far less
 * than looking at every character, and only where one is found are the prefixes compared.
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

    /** A shape and where in its prefix an anchor is. */
    private record Anchored(Shape shape, int offset) {}

    /**
     * A text searched for, with the shapes whose prefix holds it, by the character at {@code probe} from where it is
     * found: looking at one character rules out most places before any prefix is compared.
     */
    private record Anchor(String text, int probe, Anchored[][] byProbe) {

        static Anchor of(String text, int probe, List<Anchored> shapes) {
            Anchored[][] table = new Anchored[128][];
            for (Anchored a : shapes) {
                char c = a.shape().prefix().charAt(a.offset() + probe);
                Anchored[] existing = table[c];
                Anchored[] more = existing == null ? new Anchored[1] : Arrays.copyOf(existing, existing.length + 1);
                more[more.length - 1] = a;
                table[c] = more;
            }
            return new Anchor(text, probe, table);
        }

        /** The shapes that may match with this anchor at {@code p}, or null. */
        Anchored @Nullable [] candidates(String text, int p) {
            int at = p + probe;
            if (at < 0 || at >= text.length()) {
                return null;
            }
            char c = text.charAt(at);
            return c < 128 ? byProbe[c] : null;
        }
    }

    private final List<Anchor> anchors;
    private final String jwt;

    TokenDetector(Function<String, String> mask) {
        String aws = mask.apply("aws-access-key");
        String github = mask.apply("github-token");
        String gitlab = mask.apply("gitlab-token");
        String slack = mask.apply("slack-token");
        String stripe = mask.apply("stripe-key");
        List<Anchored> underscore = new ArrayList<>();
        for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            underscore.add(new Anchored(new Shape(prefix, Body.WORD, 30, MAX, github, false), 3));
        }
        underscore.add(new Anchored(new Shape("github_pat_", Body.WORD, 22, MAX, github, false), 6));
        for (String prefix : List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_")) {
            underscore.add(new Anchored(new Shape(prefix, Body.ALNUM, 16, MAX, stripe, false), 2));
        }
        underscore.add(new Anchored(new Shape("whsec_", Body.ALNUM, 16, MAX, stripe, false), 5));
        List<Anchored> gl = new ArrayList<>();
        for (String prefix : List.of("glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "glft-", "glimt-", "glagent-", "gloas-",
                "glsoat-", "glffct-")) {
            gl.add(new Anchored(new Shape(prefix, Body.GITLAB, 20, MAX, gitlab, false), 0));
        }
        List<Anchored> x = new ArrayList<>();
        for (String prefix : List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe.xoxp-", "xoxe-", "xapp-")) {
            x.add(new Anchored(new Shape(prefix, Body.SLACK, 10, MAX, slack, false), 0));
        }
        List<Anchored> a = new ArrayList<>();
        for (String prefix : List.of("AKIA", "ASIA", "ABIA", "ACCA")) {
            a.add(new Anchored(new Shape(prefix, Body.UPPER_ALNUM, 16, 16, aws, false), 0));
        }
        a.add(new Anchored(new Shape("AIza", Body.BASE64URL, 35, 35, mask.apply("google-api-key"), false), 0));
        Shape webhook = new Shape("hooks.slack.com/services/", Body.WEBHOOK_PATH, 20, MAX, mask.apply("slack-webhook"), true);
        this.anchors = List.of(Anchor.of("_", -1, underscore), Anchor.of("gl", 2, gl), Anchor.of("x", 1, x), Anchor.of("A", 1, a),
                Anchor.of(webhook.prefix(), 0, List.of(new Anchored(webhook, 0))));
        this.jwt = mask.apply("jwt");
    }

    @Override
    public void find(String text, Matches out) {
        for (Anchor anchor : anchors) {
            String needle = anchor.text();
            int p = needle.length() == 1 ? text.indexOf(needle.charAt(0)) : text.indexOf(needle);
            while (p >= 0) {
                Anchored @Nullable [] candidates = anchor.candidates(text, p);
                int end = candidates == null ? p : shapes(text, p, candidates, out);
                int from = Math.max(end, p + 1);
                p = needle.length() == 1 ? text.indexOf(needle.charAt(0), from) : text.indexOf(needle, from);
            }
        }
        int p = text.indexOf("eyJ");
        while (p >= 0) {
            int end = p == 0 || !Chars.isWord(text.charAt(p - 1)) ? jwt(text, p, out) : p;
            p = text.indexOf("eyJ", Math.max(end, p + 1));
        }
    }

    /**
     * Masks the first of {@code shapes} that matches with its anchor at {@code p}, starting at a word boundary; returns
     * where it ends, or {@code p}.
     */
    private static int shapes(String text, int p, Anchored[] shapes, Matches out) {
        for (Anchored anchored : shapes) {
            Shape shape = anchored.shape();
            int start = p - anchored.offset();
            if (start < 0 || text.charAt(start) != shape.prefix().charAt(0) || !text.startsWith(shape.prefix(), start)
                    || start > 0 && Chars.isWord(text.charAt(start - 1))) {
                continue;
            }
            int end = match(text, start, shape, out);
            if (end > start) {
                return end;
            }
        }
        return p;
    }

    /** Masks {@code shape} at {@code start}, whose prefix is there; returns where it ends, or {@code start}. */
    private static int match(String text, int start, Shape shape, Matches out) {
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
