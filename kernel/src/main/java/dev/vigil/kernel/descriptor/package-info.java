/** Plugin descriptors, read from a JAR's manifest without loading any of its classes, and versions. */
@NullMarked
package dev.vigil.kernel.descriptor;

import org.jspecify.annotations.NullMarked;
