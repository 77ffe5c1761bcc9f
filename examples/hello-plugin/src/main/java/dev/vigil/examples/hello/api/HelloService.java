package dev.vigil.examples.hello.api;

/**
 * Greets people with the configured greeting. Published by the hello plugin in the service registry;
 * plugins that require {@code hello} receive it by {@code @Inject}.
 */
public interface HelloService {

    /** A greeting for {@code name}, such as {@code "Hello, world!"}. */
    String greet(String name);
}
