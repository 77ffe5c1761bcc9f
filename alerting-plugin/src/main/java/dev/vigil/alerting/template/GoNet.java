package dev.vigil.alerting.template;

import org.jspecify.annotations.Nullable;

/** Go's {@code net.SplitHostPort}, {@code net.JoinHostPort} and {@code net.ParseIP}, for stripPort and stripDomain. */
final class GoNet {

    private GoNet() {}

    /** {@code net.SplitHostPort}: {host, port}, or null where Go returns an error. */
    static String @Nullable [] splitHostPort(String hostPort) {
        int i = hostPort.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostPort.charAt(0) == '[') {
            int end = hostPort.indexOf(']');
            if (end < 0 || end + 1 != i) {
                return null;
            }
            host = hostPort.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostPort.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostPort.indexOf('[', j) >= 0 || hostPort.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {host, hostPort.substring(i + 1)};
    }

    /** {@code net.JoinHostPort}. */
    static String joinHostPort(String host, String port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Whether {@code net.ParseIP} accepts {@code s}: an IPv4 dotted quad or an IPv6 address. */
    static boolean isIp(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                return isIpv4(s);
            }
            if (s.charAt(i) == ':') {
                return isIpv6(s);
            }
        }
        return false;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0') {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        int groups = 0;
        boolean ellipsis = false;
        int i = 0;
        if (s.startsWith("::")) {
            ellipsis = true;
            i = 2;
            if (i == s.length()) {
                return true;
            }
        }
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && s.charAt(end) < 128) {
                end++;
            }
            if (end < s.length() && s.charAt(end) == '.') {
                // An IPv4 address in the last 32 bits.
                if (!(ellipsis || groups == 6) || groups > 6 || !isIpv4(s.substring(i))) {
                    return false;
                }
                groups += 2;
                i = s.length();
                break;
            }
            if (end == i || end - i > 4) {
                return false;
            }
            groups++;
            i = end;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != ':' || i + 1 == s.length()) {
                return false;
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis) {
                    return false;
                }
                ellipsis = true;
                i++;
                if (i == s.length()) {
                    break;
                }
            }
            if (groups > 8) {
                return false;
            }
        }
        return ellipsis ? groups < 8 : groups == 8;
    }
}
