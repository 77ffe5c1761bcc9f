/** Plugins: the entry point found with {@link java.util.ServiceLoader}, its context and its lifecycle states. */
@NullMarked
package dev.vigil.api.plugin;

import org.jspecify.annotations.NullMarked;
