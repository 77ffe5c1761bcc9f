package dev.vigil.alerting.channel.email;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Rfc3339;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.Notification;
import java.util.List;
import java.util.Map;

/**
 * What an alert e-mail says, in its two forms: the subject, a plain-text body and an HTML body, each listing the
 * firing and the resolved alerts with their labels, annotations, start (and end) and source link, and a link to
 * Vigil. Mail clients show the HTML part and fall back to the text.
 *
 * @param subject the subject, on one line
 * @param text the plain-text body
 * @param html the HTML body
 */
record EmailContent(String subject, String text, String html) {

    /** The longest subject kept; mail headers are folded, but very long subjects help nobody. */
    static final int MAX_SUBJECT = 250;

    EmailContent {
        requireNonNull(subject, "subject is null");
        requireNonNull(text, "text is null");
        requireNonNull(html, "html is null");
    }

    /** The content for {@code n}. */
    static EmailContent of(Notification n, MessageTemplate subjectTemplate, String externalUrl) {
        String subject = subjectTemplate.render(n, externalUrl).replaceAll("[\\r\\n]+", " ").strip();
        if (subject.isEmpty()) {
            subject = NotificationText.subject(n);
        }
        subject = Texts.truncate(subject, MAX_SUBJECT);
        return new EmailContent(subject, text(n, subject, externalUrl), html(n, subject, externalUrl));
    }

    private static String text(Notification n, String subject, String externalUrl) {
        StringBuilder out = new StringBuilder(subject).append("\n\n");
        out.append(NotificationText.counts(n)).append(" for ").append(n.groupLabels().isEmpty() ? "the group"
                : NotificationText.pairs(n.groupLabels())).append("\n\n");
        appendSection(out, "Firing", n.firing());
        appendSection(out, "Resolved", n.resolved());
        if (n.truncatedAlerts() > 0) {
            out.append(n.truncatedAlerts()).append(" more alerts are not shown.\n");
        }
        if (!externalUrl.isEmpty()) {
            out.append("Open Vigil: ").append(externalUrl).append('\n');
        }
        return out.toString();
    }

    private static void appendSection(StringBuilder out, String title, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        String heading = title + " (" + alerts.size() + ")";
        out.append(heading).append('\n').append("=".repeat(heading.length())).append("\n\n");
        out.append(NotificationText.listing(alerts));
    }

    private static String html(Notification n, String subject, String externalUrl) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head>\n")
                .append("<body style=\"font-family: Helvetica, Arial, sans-serif; font-size: 14px;\">\n");
        String colour = n.firing().isEmpty() ? "#2eb67d" : "#e01e5a";
        out.append("<h2 style=\"color: ").append(colour).append(";\">").append(escape(subject)).append("</h2>\n");
        out.append("<p>").append(escape(NotificationText.counts(n)));
        if (!n.groupLabels().isEmpty()) {
            out.append(" for ").append(escape(NotificationText.pairs(n.groupLabels())));
        }
        out.append("</p>\n");
        if (Link.isWebUrl(externalUrl)) {
            out.append("<p><a href=\"").append(escape(externalUrl)).append("\">Open Vigil</a></p>\n");
        }
        htmlSection(out, "Firing", n.firing());
        htmlSection(out, "Resolved", n.resolved());
        if (n.truncatedAlerts() > 0) {
            out.append("<p>").append(n.truncatedAlerts()).append(" more alerts are not shown.</p>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static void htmlSection(StringBuilder out, String title, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        out.append("<h3>").append(title).append(" (").append(alerts.size()).append(")</h3>\n");
        for (Alert alert : alerts) {
            out.append("<div style=\"margin-bottom: 16px;\">\n<strong>").append(escape(NotificationText.title(alert)))
                    .append("</strong>");
            String summary = NotificationText.summary(alert);
            if (!summary.isEmpty()) {
                out.append(" — ").append(escape(summary));
            }
            out.append("\n<table style=\"border-collapse: collapse;\">\n");
            row(out, "Started", Rfc3339.format(alert.startsAt()));
            alert.endsAt().ifPresent(end -> row(out, "Ended", Rfc3339.format(end)));
            for (Map.Entry<String, String> label : alert.labels().entrySet()) {
                row(out, label.getKey(), label.getValue());
            }
            for (Map.Entry<String, String> annotation : alert.annotations().entrySet()) {
                row(out, annotation.getKey(), annotation.getValue());
            }
            out.append("</table>\n");
            if (Link.isWebUrl(alert.generatorUrl())) {
                out.append("<a href=\"").append(escape(alert.generatorUrl())).append("\">Source</a>\n");
            }
            out.append("</div>\n");
        }
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("<tr><td style=\"padding: 2px 12px 2px 0; color: #666;\">").append(escape(name))
                .append("</td><td>").append(escape(value)).append("</td></tr>\n");
    }

    /** {@code text} safe in HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
