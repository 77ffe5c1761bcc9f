/**
 * The platform's configuration file: one YAML document whose top-level keys name sections ({@code kernel}
 * for the kernel, a plugin id for each plugin), read with the location of every value, with environment
 * variables substituted, and bound strictly to immutable types.
 *
 * <p>Every problem found (bad YAML, unknown keys, values of the wrong type, violated rules) becomes a
 * {@link dev.vigil.kernel.config.ConfigProblem} naming the file, line, column and path, and all of them are
 * reported together in one {@link dev.vigil.kernel.config.ConfigException}.
 */
@NullMarked
package dev.vigil.kernel.config;

import org.jspecify.annotations.NullMarked;
