package dev.vigil.kernel.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.Registration;
import dev.vigil.api.service.ServiceFactory;
import dev.vigil.api.service.ServiceListener;
import dev.vigil.api.service.ServiceRegistry;
import dev.vigil.kernel.owner.Owner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceFactoryTest {

    /** A service that knows whom it was made for. */
    record Greeter(String consumer) {}

    /** Records what it made and released. */
    static final class RecordingFactory implements ServiceFactory<Greeter> {
        final List<String> created = new ArrayList<>();
        final List<String> released = new ArrayList<>();

        @Override
        public Greeter create(String consumer) {
            created.add(consumer);
            return new Greeter(consumer);
        }

        @Override
        public void release(String consumer, Greeter service) {
            released.add(consumer + ":" + service.consumer());
        }
    }

    private final KernelServiceRegistry registry = new KernelServiceRegistry();
    private final Owner provider = new Owner("metrics", getClass().getClassLoader());
    private final Owner alpha = new Owner("alpha", getClass().getClassLoader());
    private final Owner beta = new Owner("beta", getClass().getClassLoader());

    @Test
    void eachConsumerGetsItsOwnInstanceOnce() {
        RecordingFactory factory = new RecordingFactory();
        registry.viewFor(provider).registerFactory(Greeter.class, factory);

        ServiceRegistry alphaView = registry.viewFor(alpha);
        Greeter first = alphaView.find(Greeter.class).orElseThrow();
        Greeter again = alphaView.find(Greeter.class).orElseThrow();
        Greeter forBeta = registry.viewFor(beta).findAll(Greeter.class).get(0);

        assertThat(first).isSameAs(again).isEqualTo(new Greeter("alpha"));
        assertThat(forBeta).isEqualTo(new Greeter("beta"));
        assertThat(factory.created).containsExactly("alpha", "beta");
    }

    @Test
    void aConsumersInstanceIsReleasedWhenItStops() {
        RecordingFactory factory = new RecordingFactory();
        registry.viewFor(provider).registerFactory(Greeter.class, factory);
        registry.viewFor(alpha).find(Greeter.class).orElseThrow();
        registry.viewFor(beta).find(Greeter.class).orElseThrow();

        alpha.closeAll();

        assertThat(factory.released).containsExactly("alpha:alpha");
        assertThat(registry.viewFor(beta).find(Greeter.class)).contains(new Greeter("beta"));
    }

    @Test
    void withdrawingTheFactoryReleasesEveryInstanceAndTellsTrackers() {
        RecordingFactory factory = new RecordingFactory();
        Registration registration = registry.viewFor(provider).registerFactory(Greeter.class, factory);
        List<String> seen = new ArrayList<>();
        registry.viewFor(alpha).track(Greeter.class, new ServiceListener<Greeter>() {
            @Override
            public void added(Greeter service) {
                seen.add("added " + service.consumer());
            }

            @Override
            public void removed(Greeter service) {
                seen.add("removed " + service.consumer());
            }
        });
        registry.viewFor(beta).find(Greeter.class).orElseThrow();

        registration.close();

        assertThat(seen).containsExactly("added alpha", "removed alpha");
        assertThat(factory.released).containsExactlyInAnyOrder("alpha:alpha", "beta:beta");
        assertThat(registry.viewFor(beta).find(Greeter.class)).isEmpty();
    }

    @Test
    void theProviderStoppingWithdrawsTheFactory() {
        RecordingFactory factory = new RecordingFactory();
        registry.viewFor(provider).registerFactory(Greeter.class, factory);
        registry.viewFor(alpha).find(Greeter.class).orElseThrow();

        provider.closeAll();

        assertThat(factory.released).containsExactly("alpha:alpha");
        assertThat(registry.viewFor(alpha).find(Greeter.class)).isEmpty();
    }
}
