/** The Vigil kernel: discovers plugin JARs, isolates, resolves, wires and runs them, and serves HTTP. */
@NullMarked
package dev.vigil.kernel;

import org.jspecify.annotations.NullMarked;
