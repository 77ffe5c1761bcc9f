package dev.vigil.tracing.zipkin;

/**
 * Tells IP address literals from host names, without a name lookup: a Zipkin endpoint holds addresses only, in
 * {@code ipv4} or {@code ipv6}. Stateless.
 */
final class IpLiterals {

    private IpLiterals() {}

    /** Whether {@code text} is a dotted-quad IPv4 address such as {@code 192.168.0.1}. */
    static boolean isIpv4(String text) {
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int value = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                if (value > 255 || i - start >= 3) {
                    return false;
                }
                i++;
            }
            if (i == start) {
                return false;
            }
            parts++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.') {
                return false;
            }
            i++;
        }
        return parts == 4;
    }

    /**
     * Whether {@code text} is an IPv6 address such as {@code 2001:db8::c001}: hex groups and colons, with at most one
     * {@code ::} and an IPv4 tail allowed.
     */
    static boolean isIpv6(String text) {
        if (text.length() < 2 || text.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int g = 0; g < groups.length; g++) {
            String group = groups[g];
            if (group.isEmpty()) {
                continue;
            }
            if (g == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (group.length() > 4) {
                return false;
            }
            for (int i = 0; i < group.length(); i++) {
                if (Character.digit(group.charAt(i), 16) < 0) {
                    return false;
                }
            }
            count++;
        }
        return doubleColon >= 0 ? count < 8 : count == 8 && groups.length == 8 - (text.indexOf('.') >= 0 ? 1 : 0);
    }
}
