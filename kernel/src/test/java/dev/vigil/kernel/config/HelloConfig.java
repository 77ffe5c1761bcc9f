package dev.vigil.kernel.config;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A plugin's configuration type written the way plugin authors are told to: a record with defaults. */
record HelloConfig(String greeting, Optional<String> name, int repeat, Color color, Duration every, List<Item> items) {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    /** A list element without defaults: every key must be given. */
    record Item(String name, int weight) {
        Item {
            requireNonNull(name, "name is null");
        }
    }

    HelloConfig {
        requireNonNull(greeting, "greeting is null");
        requireNonNull(name, "name is null");
        requireNonNull(color, "color is null");
        requireNonNull(every, "every is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
        if (repeat < 1 || repeat > 10) {
            throw new IllegalArgumentException("repeat must be between 1 and 10, got " + repeat);
        }
    }

    @JsonCreator
    private static HelloConfig fromConfig(
            @JsonProperty("greeting") @Nullable String greeting,
            @JsonProperty("name") Optional<String> name,
            @JsonProperty("repeat") @Nullable Integer repeat,
            @JsonProperty("color") @Nullable Color color,
            @JsonProperty("every") @Nullable Duration every,
            @JsonProperty("items") @Nullable List<Item> items) {
        return new HelloConfig(
                requireNonNullElse(greeting, "Hello"),
                name,
                requireNonNullElse(repeat, 1),
                requireNonNullElse(color, Color.GREEN),
                requireNonNullElse(every, Duration.ofMinutes(1)),
                requireNonNullElse(items, List.of()));
    }
}
