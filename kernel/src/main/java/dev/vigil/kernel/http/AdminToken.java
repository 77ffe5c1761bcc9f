package dev.vigil.kernel.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token that requests to {@link dev.vigil.api.http.RouteAccess#ADMIN} routes must carry as
 * {@code Authorization: Bearer <token>}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the token.
 */
public final class AdminToken {

    /** The environment variable that can hold the token. */
    public static final String ENVIRONMENT_VARIABLE = "VIGIL_ADMIN_TOKEN";

    /** The file in the data folder that holds a generated token. */
    public static final String FILE_NAME = "admin-token";

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final String BEARER = "Bearer ";
    private static final int GENERATED_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String value;
    private final String source;
    private final byte[] digest;

    private AdminToken(String value, String source) {
        this.value = value;
        this.source = source;
        this.digest = sha256(value);
    }

    /**
     * Finds the admin token: the configured value if not blank, else the environment variable
     * {@value #ENVIRONMENT_VARIABLE} if not blank, else the content of {@code dataDir/admin-token}; when
     * that file does not exist, generates 32 random bytes (base64url) and writes them there atomically,
     * readable and writable by the owner only, creating {@code dataDir} if needed.
     *
     * @throws IOException if the token file cannot be read or written, or is empty
     */
    public static AdminToken resolve(@Nullable String configured, Map<String, String> env, Path dataDir)
            throws IOException {
        requireNonNull(env, "env is null");
        requireNonNull(dataDir, "dataDir is null");
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured.strip(), "config");
        }
        String fromEnvironment = env.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AdminToken(fromEnvironment.strip(), "environment " + ENVIRONMENT_VARIABLE);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (Files.exists(file)) {
            return new AdminToken(read(file), file.toString());
        }
        return new AdminToken(generate(file), file.toString());
    }

    /** A token given directly, for tests and embedding applications. */
    public static AdminToken of(String token) {
        requireNonNull(token, "token is null");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token is blank");
        }
        return new AdminToken(token, "provided");
    }

    /**
     * Whether an {@code Authorization} header value carries this token as a bearer credential. The
     * comparison takes the same time wherever the first difference is.
     */
    public boolean matches(@Nullable String authorizationHeader) {
        String credential = bearerCredential(authorizationHeader);
        return credential != null && MessageDigest.isEqual(digest, sha256(credential));
    }

    /**
     * Where the token came from, for a start-up line: {@code config}, {@code environment VIGIL_ADMIN_TOKEN}
     * or the path of the token file. Never the token itself.
     */
    public String source() {
        return source;
    }

    /** The token, for the launcher and tests that must send it. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AdminToken[source=" + source + "]";
    }

    /** The credential of a {@code Bearer} authorization header, or {@code null} if it has none. */
    static @Nullable String bearerCredential(@Nullable String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.strip();
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String credential = header.substring(BEARER.length()).strip();
        return credential.isEmpty() ? null : credential;
    }

    private static String read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IOException("admin token file " + file + " is empty; delete it to generate a new token");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null && !OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
            LOG.warn("Admin token file {} can be read by other users; restrict it with: chmod 600 {}", file, file);
        }
        return token;
    }

    private static String generate(Path file) throws IOException {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dir = file.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        // Written beside the target and renamed, so no reader ever sees a partial or wider-permission file.
        Path temp = posix
                ? Files.createTempFile(dir, "." + FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        LOG.info("Generated a new admin token in {}", file);
        return token;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
