package dev.vigil.alerting.channel.email;

import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.DeliveryResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Maps what went wrong while sending mail to an outcome, the way SMTP itself distinguishes: a 4xx reply is
 * temporary and retried, a 5xx reply is permanent and fails; refused credentials and a server that does not offer
 * the STARTTLS the settings require fail, since only new settings help; a network failure or timeout is retried,
 * and so is anything not recognised. Stateless.
 */
final class MailFailures {

    private static final int DETAIL_CHARS = 300;

    private MailFailures() {}

    static DeliveryResult classify(MessagingException failure, TlsMode tls, Redactor redactor) {
        Integer code = smtpCode(failure);
        String reason = redactor.apply(Texts.snippet(describe(failure), DETAIL_CHARS));
        if (failure instanceof AuthenticationFailedException) {
            return DeliveryResult.failed("authentication failed: " + reason);
        }
        if (code != null) {
            String detail = "SMTP " + code + ": " + reason;
            return code >= 500 ? DeliveryResult.failed(detail) : DeliveryResult.retry(detail);
        }
        if (hasIoCause(failure)) {
            return DeliveryResult.retry("cannot reach the mail server: " + reason);
        }
        // Jakarta Mail reports a missing STARTTLS only in its message
        String message = String.valueOf(failure.getMessage());
        if (tls == TlsMode.STARTTLS && message.contains("STARTTLS")) {
            return DeliveryResult.failed(reason + " (set tls to opportunistic to send without it)");
        }
        return DeliveryResult.retry(reason);
    }

    /** The SMTP reply code the failure carries, if any. */
    private static @Nullable Integer smtpCode(MessagingException failure) {
        for (@Nullable Exception e = failure; e != null;
                e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return send.getReturnCode();
            }
            if (e instanceof SMTPAddressFailedException address && address.getReturnCode() > 0) {
                return address.getReturnCode();
            }
            if (e instanceof SMTPSenderFailedException sender && sender.getReturnCode() > 0) {
                return sender.getReturnCode();
            }
        }
        return null;
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException failure) {
        StringBuilder out = new StringBuilder(String.valueOf(failure.getMessage()));
        Exception next = failure.getNextException();
        if (next != null && next.getMessage() != null && !out.toString().contains(next.getMessage())) {
            out.append(" (").append(next.getClass().getSimpleName()).append(": ").append(next.getMessage()).append(')');
        }
        return out.toString();
    }
}
