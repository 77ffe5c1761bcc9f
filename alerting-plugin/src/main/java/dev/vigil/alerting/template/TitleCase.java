package dev.vigil.alerting.template;

import java.util.Locale;

/**
 * Prometheus's {@code title}: {@code cases.Title(language.AmericanEnglish, cases.NoLower)} from
 * {@code golang.org/x/text}. The first cased letter of each word is title-cased and the rest is left alone.
 * Words are separated as that package does: letters, digits, marks and connectors continue a word; a single
 * apostrophe, period or colon between them does too; anything else ends it. Stateless.
 */
final class TitleCase {

    private TitleCase() {}

    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean midWord = false;
        boolean previousMid = false;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            boolean mid = isMid(r);
            if (previousMid && mid) {
                midWord = false;
            }
            if (isCased(r)) {
                if (!midWord) {
                    appendTitle(out, r);
                    midWord = true;
                } else {
                    out.appendCodePoint(r);
                }
            } else {
                out.appendCodePoint(r);
                if (isBreak(r)) {
                    midWord = false;
                }
            }
            previousMid = mid;
        }
        return out.toString();
    }

    private static void appendTitle(StringBuilder out, int r) {
        int title = Character.toTitleCase(r);
        if (title != r) {
            out.appendCodePoint(title);
            return;
        }
        String upper = new String(Character.toChars(r)).toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) > 1) {
            // Special casings such as ß: the first letter upper case, the rest lower case (Ss).
            int first = upper.codePointAt(0);
            out.appendCodePoint(first).append(upper.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
        } else {
            out.append(upper);
        }
    }

    private static boolean isCased(int r) {
        return Character.isLowerCase(r) || Character.isUpperCase(r) || Character.isTitleCase(r);
    }

    /** MidLetter, MidNumLet and Single_Quote of Unicode word breaking. */
    private static boolean isMid(int r) {
        return switch (r) {
            case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
                    0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
            default -> false;
        };
    }

    /** Whether a rune that is not cased ends the word: anything but letters, digits, marks, joiners and mids. */
    private static boolean isBreak(int r) {
        if (isMid(r)) {
            return false;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.FORMAT,
                    Character.CONNECTOR_PUNCTUATION -> false;
            case Character.OTHER_LETTER -> isIdeographicOrKana(r);
            default -> true;
        };
    }

    private static boolean isIdeographicOrKana(int r) {
        Character.UnicodeScript script = Character.UnicodeScript.of(r);
        return Character.isIdeographic(r) || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
