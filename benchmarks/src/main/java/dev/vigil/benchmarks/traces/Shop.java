package dev.vigil.benchmarks.traces;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The made-up online shop whose traces the ingest driver sends: nine services of two or three instances each, every
 * instance with the resource an OpenTelemetry Java SDK reports (name, namespace, version, instance id, host,
 * environment, SDK), an address and a port. Immutable once built.
 */
final class Shop {

    /** The services and how many instances each runs. */
    private static final Map<String, Integer> SERVICES = services();

    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();

    /**
     * One running instance of a service.
     *
     * @param service its {@code service.name}
     * @param resource its resource attributes, {@code service.name} included
     * @param address its IPv4 address
     * @param port the port it serves on
     */
    record Instance(String service, Map<String, String> resource, String address, int port) {
        Instance {
            requireNonNull(service, "service is null");
            resource = Map.copyOf(resource);
            requireNonNull(address, "address is null");
        }
    }

    /** The shop, its instance ids and addresses drawn from {@code random}. */
    Shop(SplittableRandom random) {
        HexFormat hex = HexFormat.of();
        int subnet = 0;
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            subnet++;
            List<Instance> running = new ArrayList<>();
            String version = "1." + random.nextInt(4, 30) + "." + random.nextInt(0, 12);
            for (int i = 0; i < service.getValue(); i++) {
                Map<String, String> resource = new LinkedHashMap<>();
                resource.put("service.name", service.getKey());
                resource.put("service.namespace", "shop");
                resource.put("service.version", version);
                resource.put("service.instance.id", uuid(random, hex));
                resource.put("host.name", service.getKey() + "-" + hex.toHexDigits(random.nextInt()).substring(0, 5) + "-"
                        + hex.toHexDigits((short) random.nextInt()));
                resource.put("deployment.environment.name", "production");
                resource.put("telemetry.sdk.language", "java");
                resource.put("telemetry.sdk.name", "opentelemetry");
                resource.put("telemetry.sdk.version", "1.67.0");
                running.add(new Instance(service.getKey(), resource, "10.8." + subnet + "." + (10 + i), 8080));
            }
            instances.put(service.getKey(), List.copyOf(running));
        }
    }

    private static Map<String, Integer> services() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("frontend", 3);
        services.put("auth", 2);
        services.put("catalog", 3);
        services.put("recommendation", 2);
        services.put("cart", 2);
        services.put("checkout", 2);
        services.put("inventory", 2);
        services.put("payment", 2);
        services.put("shipping", 2);
        return services;
    }

    private static String uuid(SplittableRandom random, HexFormat hex) {
        String h = hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    /** An instance of {@code service}, drawn from {@code random}. */
    Instance pick(String service, SplittableRandom random) {
        List<Instance> running = instances.get(service);
        if (running == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return running.get(random.nextInt(running.size()));
    }

    /** Every instance, service by service. */
    List<Instance> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }
}
