package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksEveryOccurrenceAndTheUrlEncodedForm() {
        Redactor redactor = Redactor.of(Secret.of("s3cr3t/with+chars"), null);

        assertThat(redactor.apply("a s3cr3t/with+chars b s3cr3t%2Fwith%2Bchars c s3cr3t/with+chars"))
                .isEqualTo("a <secret> b <secret> c <secret>");
    }

    @Test
    void masksBasicCredentialsAsTheHeaderCarriesThem() {
        Redactor redactor = Redactor.builder().addBasic("vigil", Secret.of("pa55word")).build();
        String header = Base64.getEncoder().encodeToString("vigil:pa55word".getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.apply("Authorization: Basic " + header)).isEqualTo("Authorization: Basic <secret>");
    }

    @Test
    void masksTheTokenBearingPartsOfASecretUrl() {
        Redactor redactor = Redactor.builder()
                .addUrl(Secret.of("https://hooks.slack.com/services/T0123ABCD/B0456EFGH/Xk9vQm2TzL8w?sig=abcdef"))
                .build();

        assertThat(redactor.apply("404 at /services/T0123ABCD/B0456EFGH/Xk9vQm2TzL8w"))
                .isEqualTo("404 at /services/<secret>/<secret>/<secret>");
        assertThat(redactor.apply("bad sig=abcdef")).isEqualTo("bad sig=<secret>");
    }

    @Test
    void leavesTextAloneWithoutSecretsOrWithTinyOnes() {
        assertThat(Redactor.none().apply("nothing to hide")).isEqualTo("nothing to hide");
        assertThat(Redactor.of(Secret.of("a"), Secret.of("")).apply("a banana")).isEqualTo("a banana");
    }

    @Test
    void masksALongerSecretWholeWhenItContainsAShorterOne() {
        Redactor redactor = Redactor.of(Secret.of("token"), Secret.of("token-extended"));

        assertThat(redactor.apply("token-extended")).isEqualTo("<secret>");
    }
}
