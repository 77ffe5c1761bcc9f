package dev.vigil.alerting.channel.email;

import dev.vigil.alerting.channel.CheckedChannelFactory;
import dev.vigil.alerting.channel.ConfigProblems;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.NotificationChannel;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Makes {@code email} channels. Stateless and thread-safe. */
public final class EmailChannelFactory extends CheckedChannelFactory<EmailConfig, EmailChannelFactory.Checked> {

    /** The type name receivers use. */
    public static final String TYPE = "email";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:]+");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** A factory for {@code email} channels. */
    public EmailChannelFactory() {
        super(TYPE, EmailConfig.class);
    }

    @Override
    protected NotificationChannel newChannel(String name, EmailConfig config, Checked checked, ChannelContext context) {
        return new EmailChannel(name, config, checked.from(), checked.to(), checked.subject(), context);
    }

    record Checked(InternetAddress from, List<InternetAddress> to, MessageTemplate subject) {}

    @Override
    protected Checked check(EmailConfig config) {
        ConfigProblems problems = new ConfigProblems();
        if (config.host().isBlank() || !HOST.matcher(config.host()).matches()) {
            problems.add("host", "must be a host name or address (the port goes in port), got '" + config.host() + "'");
        }
        if (config.port() < 1 || config.port() > 65535) {
            problems.add("port", "must be between 1 and 65535, got " + config.port());
        }
        String username = config.username();
        if (username != null && username.isEmpty()) {
            problems.add("username", "must not be empty");
        }
        if ((username == null) != (config.password() == null)) {
            problems.add(username == null ? "username" : "password", "is required with "
                    + (username == null ? "password" : "username"));
        }
        if (config.password() != null && config.tls() == TlsMode.NONE
                && !LOOPBACK.contains(config.host().toLowerCase(Locale.ROOT))) {
            problems.add("tls", "none would send the password in the clear to " + config.host()
                    + "; use starttls or tls");
        }
        InternetAddress from = address(problems, "from", config.from());
        List<InternetAddress> to = new ArrayList<>();
        if (config.to().isEmpty()) {
            problems.add("to", "must list at least one recipient");
        }
        for (int i = 0; i < config.to().size(); i++) {
            InternetAddress address = address(problems, "to[" + i + "]", config.to().get(i));
            if (address != null) {
                to.add(address);
            }
        }
        MessageTemplate subject = problems.template("subject", config.subject()).orElse(null);
        String hello = config.hello();
        if (hello != null && !HOST.matcher(hello).matches()) {
            problems.add("hello", "must be a host name, got '" + hello + "'");
        }
        problems.timeout("timeout", config.timeout());
        problems.throwIfAny();
        return new Checked(from, List.copyOf(to), subject);
    }

    private static @Nullable InternetAddress address(ConfigProblems problems, String field, String text) {
        try {
            InternetAddress address = new InternetAddress(text, true);
            if (address.getAddress() == null || address.getAddress().indexOf('@') < 1) {
                problems.add(field, "must be an e-mail address such as alerts@example.com, got '" + text + "'");
                return null;
            }
            return address;
        } catch (AddressException e) {
            problems.add(field, "must be an e-mail address such as alerts@example.com, got '" + text + "'");
            return null;
        }
    }
}
