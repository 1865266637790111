package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (c): {@code /ws/geo} sends every client of one country group to one
 * instance. The country comes from the client address (the loopback aliases 127.0.0.2
 * = IN, 127.0.0.3 = US, 127.0.0.4 = DE in the Nginx geo map); an {@code X-Country}
 * header from a client that is not a trusted proxy changes nothing.
 */
@Order(4)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeoStickinessIT {

    private static final Logger LOG = Logger.getLogger(GeoStickinessIT.class.getName());
    private static final int CLIENTS_PER_COUNTRY = 3;

    private static String token;
    private final OpenClients clients = new OpenClients();

    @BeforeAll
    static void signIn() throws Exception {
        token = ArenaHttp.token(Endpoints.unique("geo"));
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void clientsFromIndiaShareOneInstanceAndAreToldTheirCountry() throws Exception {
        String instance = sharedInstance("127.0.0.2", "IN");
        assertTrue(ArenaHttp.knownInstances().containsKey(instance), instance);
    }

    @Test
    void clientsFromTheUnitedStatesShareOneInstanceAndAreToldTheirCountry() throws Exception {
        String instance = sharedInstance("127.0.0.3", "US");
        assertTrue(ArenaHttp.knownInstances().containsKey(instance), instance);
    }

    @Test
    void aClientFromGermanyIsToldItsCountry() throws Exception {
        JsonObject welcome = geoWelcome("127.0.0.4", null);
        assertEquals("DE", Frames.text(welcome, "country"), () -> "welcome from 127.0.0.4: " + welcome);
    }

    @Test
    void aCountryHeaderFromAnUntrustedClientIsIgnored() throws Exception {
        String indiaInstance = sharedInstance("127.0.0.2", "IN");

        JsonObject welcome = geoWelcome("127.0.0.2", "US");

        assertEquals("IN", Frames.text(welcome, "country"),
                () -> "a client at 127.0.0.2 claiming X-Country: US is still in IN: " + welcome);
        assertEquals(indiaInstance, Frames.text(welcome, "instance"),
                () -> "and is served with the other IN clients: " + welcome);
    }

    /** Connects several clients from one address; all must share an instance and be told the country. */
    private String sharedInstance(String address, String country) throws Exception {
        List<JsonObject> welcomes = new ArrayList<>();
        for (int i = 0; i < CLIENTS_PER_COUNTRY; i++) {
            welcomes.add(geoWelcome(address, null));
        }
        Set<String> instances = new TreeSet<>();
        Set<String> countries = new TreeSet<>();
        for (JsonObject welcome : welcomes) {
            instances.add(String.valueOf(Frames.text(welcome, "instance")));
            countries.add(String.valueOf(Frames.text(welcome, "country")));
        }
        LOG.info(() -> "clients from " + address + " are served by " + instances + ", told country " + countries);
        assertAll("clients from " + address + ": " + welcomes,
                () -> assertEquals(1, instances.size(), "they share one instance"),
                () -> assertEquals(Set.of(country), countries, "their welcome names their country"));
        return instances.iterator().next();
    }

    private JsonObject geoWelcome(String address, String claimedCountry) throws Exception {
        RoomClient.Connector connector = RoomClient.to(Endpoints.geoSocket(Endpoints.front(), token))
                .as("geo@" + address)
                .from(InetAddress.getByName(address));
        if (claimedCountry != null) {
            connector.header("X-Country", claimedCountry);
        }
        return clients.add(connector.open()).welcome();
    }
}
