/** Watching the plugins folder for JARs that appear, change and disappear. */
@NullMarked
package dev.vigil.kernel.watch;

import org.jspecify.annotations.NullMarked;
