package dev.vigil.logging.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = Redactor.withDefaults();

    private String mask(String text) {
        return redactor.mask(text);
    }

    @Test
    void textWithNothingToMaskIsReturnedItself() {
        String line = "2026-01-15T10:30:45.123Z INFO [main] c.e.OrderService - order 1700000000123 shipped to 10.0.3.7 in 35ms";
        assertThat(mask(line)).isSameAs(line);
        assertThat(mask("")).isEmpty();
    }

    @Test
    void emailAddresses() {
        assertThat(mask("mail sent to ada.lovelace+billing@example.co.uk.")).isEqualTo("mail sent to [email].");
        assertThat(mask("{\"email\":\"bob@mail.example.com\"}")).isEqualTo("{\"email\":\"[email]\"}");
        assertThat(mask("<ada@example.com>, grace@navy.mil")).isEqualTo("<[email]>, [email]");
        assertThat(mask("GET /signup?email=ada%40example.com&plan=pro")).isEqualTo("GET /signup?email=[email]&plan=pro");
        assertThat(mask("user=josé@exemple.fr")).isEqualTo("user=[email]");
    }

    @Test
    void thingsWithAnAtSignThatAreNotAddresses() {
        for (String text : List.of("com.example.cache.LruCache@6d06d69c evicted", "npm install lodash@4.17.21",
                "@Transactional(readOnly = true)", "ssh deploy@host-7 failed", "image@sha256:9f86d081884c7d65", "a @ b.c",
                "x@y.z1", "using netty@4.1.115.Final", "message_id=<298c6a32bdc9d82d.639404297@mta.example.com>",
                "Message-ID: <CAF=x8q1@mail.gmail.com>", "In-Reply-To: <1700000000.42@host.example.org>")) {
            assertThat(mask(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void cardNumbersThatPassTheLuhnCheck() {
        assertThat(mask("card 4111 1111 1111 1111 declined")).isEqualTo("card [card] declined");
        assertThat(mask("pan=4111111111111111")).isEqualTo("pan=[card]");
        assertThat(mask("amex 3782-822463-10005 ok")).isEqualTo("amex [card] ok");
        assertThat(mask("mc 5555555555554444, diners 30569309025904, visa13 4222222222222"))
                .isEqualTo("mc [card], diners [card], visa13 [card]");
        assertThat(mask("\"card\":\"6011-1111-1111-1117\"")).isEqualTo("\"card\":\"[card]\"");
        assertThat(mask("new mastercard 2223003122003222 range")).isEqualTo("new mastercard [card] range");
        assertThat(mask("card 4111 1111 1111 1111 2025")).isEqualTo("card [card] 2025");
    }

    @Test
    void numbersThatAreNotCards() {
        for (String text : List.of(
                "card 4111 1111 1111 1112 declined", // fails Luhn
                "epoch 1700000000000000000 ns", // issued by no network
                "ts=20240115103045123", // 2024 is outside 2221-2720
                "order 41111111111111117890 (too long)",
                "id 12345678-1234-1234-1234-123456789012",
                "sku-4111111111111111", "v4111111111111111", "x=0.4111111111111111",
                "phone +1 415 555 2671", "2026-01-15 10:30:45.123", "ip 192.168.100.200",
                "4111-1111-1111-1111-1111")) {
            assertThat(mask(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void authorizationCredentialsKeepTheirScheme() {
        assertThat(mask("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl"))
                .isEqualTo("Authorization: Bearer [jwt]");
        assertThat(mask("sending bearer 0a1b2c3d4e5f6a7b to upstream")).isEqualTo("sending bearer [token] to upstream");
        assertThat(mask("curl -H 'Authorization: Basic YWRhOmh1bnRlcjI='")).isEqualTo("curl -H 'Authorization: Basic [credentials]'");
        assertThat(mask("header BASIC YWRhOmh1bnRlcjI= rejected")).isEqualTo("header BASIC [credentials] rejected");
        for (String prose : List.of("Bearer authentication failed", "Basic auth is disabled", "Bearer token missing",
                "basic authentication required", "BasicDataSource created")) {
            assertThat(mask(prose)).as(prose).isSameAs(prose);
        }
    }

    @Test
    void tokensOfKnownShapes() {
        assertThat(mask("using key AKIAIOSFODNN7EXAMPLE for s3")).isEqualTo("using key [aws-access-key] for s3");
        assertThat(mask("GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a")).isEqualTo("GITHUB_TOKEN=[github-token]");
        assertThat(mask("pushed with ghp_16C7e42F292c6912E7710c838347Ae178B4a ok")).isEqualTo("pushed with [github-token] ok");
        assertThat(mask("pat github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXabc"))
                .isEqualTo("pat [github-token]");
        assertThat(mask("gitlab glpat-z_sxgtrfAxKr8q1TPY8Y.")).isEqualTo("gitlab [gitlab-token].");
        assertThat(mask("slack xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy")).isEqualTo("slack [slack-token]");
        assertThat(mask("posting to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now"))
                .isEqualTo("posting to https://hooks.slack.com/services/[slack-webhook] now");
        assertThat(mask("stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc charge")).isEqualTo("stripe [stripe-key] charge");
        assertThat(mask("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEqualTo("[stripe-key]");
        assertThat(mask("maps AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI loaded")).isEqualTo("maps [google-api-key] loaded");
        assertThat(mask("jwt eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTQyIiwiZXhwIjoxNzAwMDAwMDAwfQ.dGhpcyBpcyBub3QgYSBzaWc."))
                .isEqualTo("jwt [jwt].");
        for (String text : List.of("AKIA is a prefix", "AKIAIOSFODNN7EXAMPLEX", "ghp_short", "eyJhbGci.eyJ", "class AIzaLoader",
                "sk_live_short")) {
            assertThat(mask(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void privateKeyBlocks() {
        String pem = "loaded key -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH\n"
                + "lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE\n-----END RSA PRIVATE KEY----- from vault";
        assertThat(mask(pem)).isEqualTo("loaded key [private-key] from vault");
        assertThat(mask("{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"}"))
                .isEqualTo("{\"private_key\":\"[private-key]\"}");
        assertThat(mask("truncated -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"))
                .isEqualTo("truncated [private-key]");
        String cert = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----";
        assertThat(mask(cert)).isSameAs(cert);
    }

    @Test
    void valuesOfSecretKeysInEveryUsualForm() {
        assertThat(mask("login user=ada password=hunter2 ok")).isEqualTo("login user=ada password=[secret] ok");
        assertThat(mask("{\"username\":\"ada\",\"password\":\"hunter 2\"}")).isEqualTo("{\"username\":\"ada\",\"password\":\"[secret]\"}");
        assertThat(mask("{\"api_key\" : \"abc\\\"def\", \"pin\": 1}")).isEqualTo("{\"api_key\" : \"[secret]\", \"pin\": 1}");
        assertThat(mask("{\"cvv\": 123}")).isEqualTo("{\"cvv\": \"[secret]\"}");
        assertThat(mask("body={\\\"clientSecret\\\":\\\"s3cr3t\\\"}")).isEqualTo("body={\\\"clientSecret\\\":\\\"[secret]\\\"}");
        assertThat(mask("spring.datasource.password: Tr0ub4dor&3")).isEqualTo("spring.datasource.password: [secret]&3");
        assertThat(mask("DB_PASSWORD='p@ss word'")).isEqualTo("DB_PASSWORD='[secret]'");
        assertThat(mask("POST /token?grant_type=refresh&refresh_token=8xLOxBtZp8&client_id=web"))
                .isEqualTo("POST /token?grant_type=refresh&refresh_token=[secret]&client_id=web");
        assertThat(mask("User{name=ada, apiKey=k-123, role=admin}")).isEqualTo("User{name=ada, apiKey=[secret], role=admin}");
        assertThat(mask("X-Api-Key: 0c4f2e1a")).isEqualTo("X-Api-Key: [secret]");
        assertThat(mask("Cookie: JSESSIONID=1A2B3C; theme=dark\nnext line")).isEqualTo("Cookie: [secret]\nnext line");
        assertThat(mask("Authorization: Digest username=\"ada\", response=\"6629fae4\"")).isEqualTo("Authorization: Digest [token]");
        assertThat(mask("<user>ada</user><ns:password>hunter2</ns:password>")).isEqualTo("<user>ada</user><ns:password>[secret]</ns:password>");
        assertThat(mask("ALTER USER app WITH PASSWORD 'hunter2'")).isEqualTo("ALTER USER app WITH PASSWORD '[secret]'");
        assertThat(mask("CREATE USER 'app'@'%' IDENTIFIED BY 'hunter2';")).isEqualTo("CREATE USER 'app'@'%' IDENTIFIED BY '[secret]';");
        assertThat(mask("-Djavax.net.ssl.keyStorePassword=changeit")).isEqualTo("-Djavax.net.ssl.keyStorePassword=[secret]");
        assertThat(mask("password_confirmation=hunter2")).isEqualTo("password_confirmation=[secret]");
    }

    @Test
    void keysThatOnlyMentionASecretAreLeftAlone() {
        for (String text : List.of("password_policy=strict", "token_type=Bearer", "tokens_used=42 max_tokens=1024",
                "secretName: db-credentials", "at c.e.auth.PasswordEncoder.encode(PasswordEncoder.java:42)",
                "c.e.auth.PasswordResetService : reset link sent", "PWD=/home/ada", "password=true", "password=null",
                "password=****", "password=${DB_PASSWORD}", "Authorization: ██", "\"password\": \"redacted\"",
                "Authorization: Bearer [token]", "token_expires_in=3600", "client_id=web-app",
                "Password reset requested for account 1234", "Invalid token (expired at 2026-01-15T10:30:45Z)")) {
            assertThat(mask(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void urlCredentials() {
        assertThat(mask("connecting to postgres://app:s3cr3t@db:5432/orders")).isEqualTo("connecting to postgres://app:[secret]@db:5432/orders");
        assertThat(mask("redis://:hunter2@cache:6379/0")).isEqualTo("redis://:[secret]@cache:6379/0");
        assertThat(mask("https://ada@example.com/x")).isEqualTo("https://[email]/x");
        String plain = "GET https://example.com:8443/path?q=1 200";
        assertThat(mask(plain)).isSameAs(plain);
    }

    @Test
    void overlappingFindingsAreMaskedTogetherTheMoreSpecificNamingThem() {
        assertThat(mask("token=ghp_16C7e42F292c6912E7710c838347Ae178B4a")).isEqualTo("token=[github-token]");
        assertThat(mask("Authorization: Bearer 0a1b2c3d4e5f6a7b extra")).isEqualTo("Authorization: Bearer [token]");
        assertThat(mask("password=ada@example.com")).isEqualTo("password=[secret]");
    }

    @Test
    void multiLineTextSuchAsStackTraces() {
        String trace = "java.lang.IllegalStateException: payment for ada@example.com failed\n"
                + "\tat com.example.pay.PaymentService.charge(PaymentService.java:88)\n"
                + "\tat com.example.pay.PasswordCheck.verify(PasswordCheck.java:12)\n";
        assertThat(mask(trace)).isEqualTo(trace.replace("ada@example.com", "[email]"));
    }

    @Test
    void maskTextAndRulesComeFromSettings() {
        RedactionSettings settings = new RedactionSettings(true, "***", true, false, true, true, true, true,
                List.of(new RedactionSettings.CustomPattern("ssn", "\\b\\d{3}-\\d{2}-\\d{4}\\b", ""),
                        new RedactionSettings.CustomPattern("customer", "customer=(\\w)\\w*", "customer=$1…")));
        Redactor r = new Redactor(settings);
        assertThat(r.mask("ada@example.com paid with 4111111111111111, ssn 078-05-1120, customer=adalovelace"))
                .isEqualTo("*** paid with 4111111111111111, ssn ***, customer=a…");
        assertThat(r.mask("Bearer 0a1b2c3d4e5f6a7b")).isEqualTo("Bearer ***");

        Redactor kinds = new Redactor(new RedactionSettings(true, "<{kind}>", true, true, true, true, true, true,
                List.of(new RedactionSettings.CustomPattern("ssn", "\\d{3}-\\d{2}-\\d{4}", ""))));
        assertThat(kinds.mask("ssn 078-05-1120 of ada@example.com")).isEqualTo("ssn <ssn> of <email>");

        Redactor off = new Redactor(RedactionSettings.disabled());
        String text = "password=hunter2 ada@example.com";
        assertThat(off.mask(text)).isSameAs(text);
    }

    @Test
    void valuesUnderSecretKeysAreMaskedWhole() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user.email", "ada@example.com");
        mdc.put("http.request.header.authorization", "Bearer abc def");
        mdc.put("db.password", "hunter2");
        mdc.put("thread.name", "main");
        mdc.put("session_token", "");
        Map<String, String> masked = redactor.maskValues(mdc);
        assertThat(masked).containsExactly(Map.entry("user.email", "[email]"), Map.entry("http.request.header.authorization", "[secret]"),
                Map.entry("db.password", "[secret]"), Map.entry("thread.name", "main"), Map.entry("session_token", ""));

        Map<String, String> clean = Map.of("thread.name", "main", "order.id", "1700000000123");
        assertThat(redactor.maskValues(clean)).isSameAs(clean);
    }
}
