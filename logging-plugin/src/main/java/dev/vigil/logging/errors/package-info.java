/**
 * Error tracking: records that carry an exception are grouped into issues, as Sentry groups events, and new issues and
 * regressions are announced to listeners. {@link dev.vigil.logging.errors.ErrorTracker} does the grouping and keeps
 * the issues; {@link dev.vigil.logging.errors.ErrorsApi} serves them over HTTP.
 *
 * <h2>What an occurrence is</h2>
 * A record with OpenTelemetry's {@code exception.type} attribute; {@code exception.message} and
 * {@code exception.stacktrace} (the text {@code printStackTrace} or Logback writes) complete it.
 *
 * <h2>How occurrences are grouped</h2>
 * The stack trace is parsed, {@code Caused by:} chain included, and grouping uses the <em>root cause</em>, the
 * innermost exception: the wrappers around it ({@code ServletException}, {@code CompletionException},
 * {@code InvocationTargetException}, an application's own {@code ServiceException}) depend on the path by which the
 * failure travelled, and would split one defect into several issues. The frames a {@code ... n more} line left out are
 * put back from the enclosing exception, so the root cause's frames still reach the application's code that called
 * into the failing library. The fingerprint is the hash of, in order of preference:
 * <ol>
 *   <li>the root cause's type and its in-app frames, each as {@code class.method} (no file, no line number, so that a
 *       deploy that moves code keeps its issues), repeats from recursion collapsed;</li>
 *   <li>without in-app frames, its type and all its frames but synthetic ones;</li>
 *   <li>without a parseable stack trace, {@code exception.type} and {@code exception.message} with its parameters
 *       (numbers, UUIDs, hex ids, quoted text, e-mail addresses) replaced by placeholders.</li>
 * </ol>
 * A frame is in-app unless it is synthetic (reflection, proxies, lambda and generated classes, synthetic accessors),
 * under {@code excludePackages}, or, when {@code inAppPackages} is set, under none of them; with no
 * {@code inAppPackages}, frames of the Java platform ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.},
 * {@code com.sun.}, {@code jakarta.}), of Kotlin and Scala, and of common libraries (JUnit, Netty, Jetty, Spring,
 * Apache, Hibernate, Jackson, Logback, SLF4J, OpenTelemetry, ...) are not.
 *
 * <h2>What an issue holds</h2>
 * Its id (16 hex digits of the fingerprint's hash), the root cause's type, a title (the type's simple name and the
 * normalised first line of its message), the culprit (the top in-app frame), first and last seen, the number of
 * occurrences, the distinct users affected (by {@code enduser.id}, else {@code user.id}; counted exactly up to
 * {@code maxUsersPerIssue}, then marked "at least"; only hashes of the ids are kept), the services, the latest
 * occurrence as a sample (values cut at 32 KiB), and a status: unresolved, resolved or ignored. An occurrence later
 * than an issue's resolution is a regression, which reopens it. The time of an occurrence is its record's, but never
 * later than the tracker's clock.
 */
@NullMarked
package dev.vigil.logging.errors;

import org.jspecify.annotations.NullMarked;
