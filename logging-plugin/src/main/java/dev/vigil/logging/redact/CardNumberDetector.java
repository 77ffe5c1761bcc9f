package dev.vigil.logging.redact;

/**
 * Payment card numbers: 13 to 19 digits, together or grouped as cards print them (4-4-4-4, 4-4-4-4-3, 4-6-5,
 * 4-6-4, with single spaces or dashes), starting with a prefix that card networks issue (2221 to 2720, 30, 34 to 38,
 * 4, 5 and 6) and passing the Luhn check. A number that is part of a longer number, word, decimal or dashed id is not
 * one. Digits are found eight characters at a time ({@link Digits}); each is looked at a bounded number of times.
 */
final class CardNumberDetector implements Detector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    private static final int MAX_GROUPS = 5;

    private final String replacement;

    CardNumberDetector(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public void find(String text, Matches out) {
        if (text.length() < MIN_DIGITS) {
            return;
        }
        byte[] bytes = Digits.bytes(text);
        int i = Digits.next(bytes, 0);
        while (i >= 0) {
            int next = startsNumber(text, i) ? tryAt(text, bytes, i, out) : Digits.skip(bytes, i);
            i = next < bytes.length ? Digits.next(bytes, next) : -1;
        }
    }

    /**
     * Reads digit groups from {@code start} and masks the longest run of them that is a card number. Returns where
     * to look next: after the card, else the start of the second group (a card may start there), else after the
     * digits.
     */
    private int tryAt(String text, byte[] bytes, int start, Matches out) {
        int n = text.length();
        int firstEnd = Digits.skip(bytes, start);
        int firstLength = firstEnd - start;
        boolean grouped = firstLength == 4 && firstEnd + 1 < n && (text.charAt(firstEnd) == ' ' || text.charAt(firstEnd) == '-')
                && Chars.isDigit(text.charAt(firstEnd + 1));
        if (!grouped && (firstLength < MIN_DIGITS || firstLength > MAX_DIGITS)) {
            return firstEnd;
        }
        if (grouped) {
            // every printed layout has a second group of 4 or 6 digits: dates and times stop here
            int second = Digits.skip(bytes, firstEnd + 1) - firstEnd - 1;
            if (second != 4 && second != 6) {
                return firstEnd;
            }
        }
        int[] groupEnds = new int[MAX_GROUPS];
        int[] groupLengths = new int[MAX_GROUPS];
        int groups = 0;
        int digits = 0;
        int i = start;
        char separator = 0;
        while (groups < MAX_GROUPS) {
            int groupStart = i;
            i = Digits.skip(bytes, i);
            int length = i - groupStart;
            if (digits + length > MAX_DIGITS) {
                break;
            }
            digits += length;
            groupLengths[groups] = length;
            groupEnds[groups] = i;
            groups++;
            if (i + 1 < n && (separator == 0 ? text.charAt(i) == ' ' || text.charAt(i) == '-' : text.charAt(i) == separator)
                    && Chars.isDigit(text.charAt(i + 1))) {
                separator = text.charAt(i);
                i++;
            } else {
                break;
            }
        }
        for (int g = groups; g >= 1; g--) {
            int end = groupEnds[g - 1];
            if (isLayout(groupLengths, g) && endsNumber(text, end) && isCard(text, start, end)) {
                out.add(start, end, replacement);
                return end;
            }
        }
        if (groups == 0) {
            return firstEnd;
        }
        return groups > 1 ? groupEnds[0] + 1 : groupEnds[0];
    }

    /** Whether the first {@code count} groups are laid out like a printed card number. */
    private static boolean isLayout(int[] lengths, int count) {
        int total = 0;
        for (int g = 0; g < count; g++) {
            total += lengths[g];
        }
        if (total < MIN_DIGITS || total > MAX_DIGITS) {
            return false;
        }
        if (count == 1) {
            return true;
        }
        if (lengths[0] != 4) {
            return false;
        }
        if (count == 3 && lengths[1] == 6 && (lengths[2] == 5 || lengths[2] == 4)) {
            return true;
        }
        for (int g = 1; g < count - 1; g++) {
            if (lengths[g] != 4) {
                return false;
            }
        }
        return lengths[count - 1] <= 4;
    }

    /** Whether a number may start at {@code i}: not inside a word, a longer number, a decimal or a dashed id. */
    private static boolean startsNumber(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        if (Chars.isWord(before)) {
            return false;
        }
        return !((before == '.' || before == '-' || before == ',' || before == '/') && i >= 2 && Chars.isAlnum(text.charAt(i - 2)));
    }

    /** Whether the number may end at {@code end}: not inside a word, a longer number, a decimal or a dashed id. */
    private static boolean endsNumber(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (Chars.isWord(after)) {
            return false;
        }
        boolean followedByMore = end + 1 < text.length() && Chars.isAlnum(text.charAt(end + 1));
        return !((after == '.' || after == ',' || after == '/' || after == '-') && followedByMore);
    }

    /** An issued prefix and a valid Luhn check digit over the digits of {@code text[start, end)}. */
    static boolean isCard(String text, int start, int end) {
        int[] digits = new int[MAX_DIGITS];
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digits[count++] = c - '0';
            }
        }
        return hasIssuedPrefix(digits) && luhn(digits, count);
    }

    private static boolean hasIssuedPrefix(int[] d) {
        switch (d[0]) {
            case 2: {
                int four = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
                return four >= 2221 && four <= 2720;
            }
            case 3:
                return d[1] == 0 || d[1] >= 4 && d[1] <= 8;
            case 4:
            case 5:
            case 6:
                return true;
            default:
                return false;
        }
    }

    /** The Luhn check: doubling every second digit from the right, the sum is a multiple of ten. */
    static boolean luhn(int[] digits, int count) {
        int sum = 0;
        boolean doubled = false;
        for (int i = count - 1; i >= 0; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
