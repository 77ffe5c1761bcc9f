package dev.vigil.kernel.http;

import dev.vigil.api.http.HttpStatusException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text: a query string or a form body. */
final class FormDecoder {

    private FormDecoder() {
    }

    /**
     * Adds each {@code name=value} pair of {@code encoded} to {@code into}, in order; a name without
     * {@code =} gets an empty value.
     *
     * @param what named in the 400 reason, such as {@code query string}
     * @throws HttpStatusException 400 when an escape is malformed
     */
    static void decodeInto(String encoded, String what, Map<String, List<String>> into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                into.computeIfAbsent(decode(name), n -> new ArrayList<>()).add(decode(value));
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(400, "malformed " + what);
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
