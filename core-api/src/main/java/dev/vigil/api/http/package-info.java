/** HTTP routes a plugin adds to the kernel's server, independent of the server library. */
@NullMarked
package dev.vigil.api.http;

import org.jspecify.annotations.NullMarked;
