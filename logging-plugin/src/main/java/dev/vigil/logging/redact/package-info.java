/**
 * Redaction: masks e-mail addresses, payment card numbers, credentials and configured patterns in log text before
 * it is written anywhere. {@link dev.vigil.logging.redact.Redactor} is the {@link dev.vigil.logging.Masker} built
 * from {@link dev.vigil.logging.redact.RedactionSettings}.
 *
 * <h2>What is masked, and how it reads afterwards</h2>
 * The mask text is the setting {@code mask}, {@code [{kind}]} by default, in which {@code {kind}} names what was
 * masked. With the default:
 * <table>
 *   <caption>Built-in rules</caption>
 *   <tr><th>Rule (setting)</th><th>Before</th><th>After</th></tr>
 *   <tr><td>{@code emails}</td><td>{@code mail sent to ada@example.com}</td><td>{@code mail sent to [email]}</td></tr>
 *   <tr><td>{@code cardNumbers}</td><td>{@code card 4111 1111 1111 1111 declined}</td>
 *       <td>{@code card [card] declined}</td></tr>
 *   <tr><td>{@code authorization}</td><td>{@code Bearer eyJhbGciOi...}</td><td>{@code Bearer [token]}</td></tr>
 *   <tr><td></td><td>{@code Basic YWRhOmh1bnRlcjI=}</td><td>{@code Basic [credentials]}</td></tr>
 *   <tr><td>{@code tokens}</td><td>{@code AKIAIOSFODNN7EXAMPLE}</td><td>{@code [aws-access-key]}</td></tr>
 *   <tr><td></td><td>{@code ghp_...}, {@code github_pat_...}</td><td>{@code [github-token]}</td></tr>
 *   <tr><td></td><td>{@code glpat-...}</td><td>{@code [gitlab-token]}</td></tr>
 *   <tr><td></td><td>{@code xoxb-...}, {@code xapp-...}</td><td>{@code [slack-token]}</td></tr>
 *   <tr><td></td><td>{@code https://hooks.slack.com/services/T0/B0/x}</td>
 *       <td>{@code https://hooks.slack.com/services/[slack-webhook]}</td></tr>
 *   <tr><td></td><td>{@code sk_live_...}, {@code rk_live_...}, {@code whsec_...}</td><td>{@code [stripe-key]}</td></tr>
 *   <tr><td></td><td>{@code AIza...}</td><td>{@code [google-api-key]}</td></tr>
 *   <tr><td></td><td>{@code eyJhbGciOi....eyJzdWIi....sig}</td><td>{@code [jwt]}</td></tr>
 *   <tr><td></td><td>{@code -----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----}</td>
 *       <td>{@code [private-key]}</td></tr>
 *   <tr><td>{@code secretValues}</td><td>{@code password=hunter2}, {@code "api_key": "abc"}, {@code token: abc},
 *       {@code <password>abc</password>}, {@code PASSWORD 'abc'}</td>
 *       <td>{@code password=[secret]}, {@code "api_key": "[secret]"}, {@code token: [secret]},
 *       {@code <password>[secret]</password>}, {@code PASSWORD '[secret]'}</td></tr>
 *   <tr><td></td><td>{@code Authorization: Digest username="ada", response="6629fae4"}</td>
 *       <td>{@code Authorization: Digest [token]}</td></tr>
 *   <tr><td>{@code urlCredentials}</td><td>{@code postgres://app:s3cr3t@db:5432/orders}</td>
 *       <td>{@code postgres://app:[secret]@db:5432/orders}</td></tr>
 *   <tr><td>{@code patterns}</td><td>what a configured expression matches</td>
 *       <td>its {@code replacement}, or {@code [<name>]}</td></tr>
 * </table>
 *
 * <p>A card number is 13 to 19 digits, written together or in groups separated by single spaces or dashes the way
 * cards print them (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4), starting with a prefix card networks issue (2221-2720, 30,
 * 34-38, 4, 5, 6) and passing the Luhn check; so order ids, timestamps and phone numbers stay readable. A key names
 * a secret when, split into words at {@code _ - .} and camel case and compared ignoring case, its last word ends in
 * {@code token}, {@code password}, {@code passwd}, {@code pwd}, {@code secret}, {@code apikey}, {@code cookie},
 * {@code authorization}, {@code credentials}, {@code sessionid}, {@code cvv} (or is {@code auth}); or its last two
 * words are a pair such as {@code api key}, {@code access key}, {@code secret key}, {@code private key},
 * {@code session id}; or a word {@code password}, {@code secret} and the like is followed by one that qualifies the
 * value ({@code password_confirmation}, {@code secret_value}). A key ending in a word that describes the secret
 * rather than holding it ({@code name}, {@code type}, {@code policy}, {@code length}, {@code expires}, {@code url},
 * {@code java}, ...) does not, so class names and source locations ({@code PasswordEncoder.java:42}) are not keys.
 * Unquoted values end at white space, a comma, semicolon, ampersand, closing bracket, brace or parenthesis, an angle
 * bracket, a quote or a backslash (header-style {@code Authorization:} and {@code Cookie:} values at the end of the
 * line); {@code true}, {@code false}, {@code null}, placeholders (<code>${DB_PASSWORD}</code>) and values already
 * masked ({@code [secret]}, {@code ***}, {@code ██}, {@code redacted}) are left alone. E-mail addresses exclude MIME
 * message ids and version strings ({@code netty@4.1.115.Final}).
 *
 * <h2>Known limits</h2>
 * A secret in an unquoted value that holds one of the characters ending it is masked only up to that character; a
 * password given as a command-line argument without a key ({@code mysql -pHunter2}) or under a key naming no secret
 * is not found; 15-digit IMEIs starting 35 pass as JCB card numbers and are masked.
 *
 * <h2>Cost</h2>
 * Most log lines hold nothing to mask, so no rule looks at every character: each searches the text with
 * {@code String.indexOf} for what it cannot match without (an {@code @}, a separator such as {@code =} or {@code :},
 * a few anchors of known token prefixes, {@code Bearer}'s first letter), finds digits eight bytes at a time for card
 * numbers, and reads further only there. A key before a separator is judged by its last letters before anything else.
 * The built-in rules use no regular expressions and read each character a bounded number of times, so no input
 * makes them backtrack. Configured patterns are regular expressions in RE2 syntax, which excludes back-references
 * and look-around, and run on every text.
 */
@NullMarked
package dev.vigil.logging.redact;

import org.jspecify.annotations.NullMarked;
