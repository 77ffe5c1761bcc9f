/** Class loaders that isolate each plugin, and the cache of JAR copies they read from. */
@NullMarked
package dev.vigil.kernel.loader;

import org.jspecify.annotations.NullMarked;
