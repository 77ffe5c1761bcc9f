package dev.vigil.kernel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.api.Registration;
import dev.vigil.api.http.HttpHandler;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.RouteAccess;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final HttpHandler OK = exchange -> exchange.text(200, "ok");

    private final RouteTable table = new RouteTable();

    private Registration add(String owner, HttpMethod method, String path) {
        return table.add(owner, getClass().getClassLoader(), method, path, RouteAccess.PUBLIC, OK);
    }

    private RouteMatch match(HttpMethod method, String path) {
        return table.match(method, RequestPath.segments(path));
    }

    private static RouteMatch.Found found(RouteMatch match) {
        assertThat(match).isInstanceOf(RouteMatch.Found.class);
        return (RouteMatch.Found) match;
    }

    @Test
    void literalSegmentWinsOverParameter() {
        add("a", HttpMethod.GET, "/plugins/{id}");
        add("b", HttpMethod.GET, "/plugins/installed");

        assertThat(found(match(HttpMethod.GET, "/plugins/installed")).route().owner()).isEqualTo("b");
        RouteMatch.Found byId = found(match(HttpMethod.GET, "/plugins/hello"));
        assertThat(byId.route().owner()).isEqualTo("a");
        assertThat(byId.params()).containsExactly(entry("id", "hello"));
    }

    @Test
    void fallsBackToParameterWhenTheLiteralBranchDoesNotMatchFurther() {
        add("literal", HttpMethod.GET, "/a/b/c");
        add("param", HttpMethod.GET, "/a/{x}/d");

        RouteMatch.Found match = found(match(HttpMethod.GET, "/a/b/d"));

        assertThat(match.route().owner()).isEqualTo("param");
        assertThat(match.params()).containsExactly(entry("x", "b"));
    }

    @Test
    void theFirstMatchingPathWithTheMethodWins() {
        add("install", HttpMethod.POST, "/plugins/install");
        add("show", HttpMethod.GET, "/plugins/{id}");

        assertThat(found(match(HttpMethod.GET, "/plugins/install")).route().owner()).isEqualTo("show");
        assertThat(found(match(HttpMethod.POST, "/plugins/install")).route().owner()).isEqualTo("install");
    }

    @Test
    void reportsTheAllowedMethodsOfAKnownPath() {
        add("a", HttpMethod.GET, "/items/{id}");
        add("a", HttpMethod.DELETE, "/items/{id}");

        assertThat(match(HttpMethod.POST, "/items/1")).isEqualTo(new RouteMatch.MethodNotAllowed(
                Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.OPTIONS)));
        assertThat(table.match(null, RequestPath.segments("/items/1")))
                .isInstanceOf(RouteMatch.MethodNotAllowed.class);
        assertThat(match(HttpMethod.GET, "/items")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(match(HttpMethod.GET, "/items/1/more")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void headFallsBackToGetUnlessAHeadRouteExists() {
        add("get", HttpMethod.GET, "/a");
        add("get", HttpMethod.GET, "/b");
        add("head", HttpMethod.HEAD, "/b");

        assertThat(found(match(HttpMethod.HEAD, "/a")).route().method()).isEqualTo(HttpMethod.GET);
        assertThat(found(match(HttpMethod.HEAD, "/b")).route().owner()).isEqualTo("head");
    }

    @Test
    void refusesASecondRouteOfTheSameShapeNamingTheExistingOwner() {
        add("metrics", HttpMethod.GET, "/items/{id}");

        assertThatThrownBy(() -> add("logs", HttpMethod.GET, "/items/{key}/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot add route GET /items/{key} for logs: metrics already serves GET /items/{id}");
        add("logs", HttpMethod.POST, "/items/{key}");
    }

    @Test
    void refusesAnInvalidTemplate() {
        assertThatThrownBy(() -> add("a", HttpMethod.GET, "/items/{id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced braces");
        assertThat(table.list()).isEmpty();
    }

    @Test
    void listsRoutesSortedByPath() {
        add("b", HttpMethod.POST, "/z");
        add("a", HttpMethod.GET, "/a/{id}");
        add("kernel", HttpMethod.GET, "/");
        table.add("c", getClass().getClassLoader(), HttpMethod.DELETE, "/a/{id}", RouteAccess.ADMIN, OK);

        assertThat(table.list()).containsExactly(
                new RouteInfo("kernel", HttpMethod.GET, "/", RouteAccess.PUBLIC),
                new RouteInfo("a", HttpMethod.GET, "/a/{id}", RouteAccess.PUBLIC),
                new RouteInfo("c", HttpMethod.DELETE, "/a/{id}", RouteAccess.ADMIN),
                new RouteInfo("b", HttpMethod.POST, "/z", RouteAccess.PUBLIC));
    }

    @Test
    void closingARegistrationRemovesOnlyItsRouteAndIsIdempotent() {
        Registration first = add("a", HttpMethod.GET, "/x");
        first.close();
        Registration second = add("b", HttpMethod.GET, "/x");

        first.close();

        assertThat(found(match(HttpMethod.GET, "/x")).route().owner()).isEqualTo("b");
        second.close();
        second.close();
        assertThat(match(HttpMethod.GET, "/x")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.list()).isEmpty();
    }

    @Test
    void keepsNoReferenceToTheLoaderOfARemovedRoute() throws Exception {
        Registration[] kept = new Registration[1];
        WeakReference<ClassLoader> loader = addAndRemoveWithThrowawayLoader(kept);

        for (int i = 0; i < 100 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertThat(loader.get()).isNull();
        assertThat(kept[0]).isNotNull();
    }

    private WeakReference<ClassLoader> addAndRemoveWithThrowawayLoader(Registration[] kept) {
        URLClassLoader loader = new URLClassLoader("throwaway", new URL[0], getClass().getClassLoader());
        kept[0] = table.add("throwaway", loader, HttpMethod.GET, "/gone", RouteAccess.PUBLIC, OK);
        kept[0].close();
        return new WeakReference<>(loader);
    }

    @Test
    void listIsASnapshot() {
        add("a", HttpMethod.GET, "/a");
        List<RouteInfo> before = table.list();
        add("a", HttpMethod.GET, "/b");

        assertThat(before).hasSize(1);
        assertThat(table.list()).hasSize(2);
    }
}
