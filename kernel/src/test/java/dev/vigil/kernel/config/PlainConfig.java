package dev.vigil.kernel.config;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A configuration type without a factory: nothing has a default, and primitives must be given. */
record PlainConfig(@Nullable String label, int count, Optional<String> note) {}
