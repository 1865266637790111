package dev.arena.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario (a): Nginx hashes the room of {@code /ws?room=} so that every connection of
 * a room meets on one instance, and the rooms spread over all instances.
 */
@Order(2)
class RoomStickinessIT {

    private static final Logger LOG = Logger.getLogger(RoomStickinessIT.class.getName());
    private static final int ROOMS = 30;

    private final OpenClients clients = new OpenClients();

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyConnectionOfARoomLandsOnTheSameInstanceAndRoomsUseEveryInstance() throws Exception {
        Set<String> expectedInstances = ArenaHttp.knownInstances().keySet();
        List<String> tokens = List.of(
                ArenaHttp.token(Endpoints.unique("st-a")),
                ArenaHttp.token(Endpoints.unique("st-b")),
                ArenaHttp.token(Endpoints.unique("st-c")));
        Map<String, String> instanceOfRoom = new TreeMap<>();

        for (int r = 0; r < ROOMS; r++) {
            String room = Endpoints.unique("sticky-" + r);
            int connections = 2 + r % 2;
            Set<String> seen = new TreeSet<>();
            List<String> welcomes = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                RoomClient client = clients.add(RoomClient.to(Endpoints.roomSocket(Endpoints.front(), room, tokens.get(c)))
                        .as(room + "#" + c).open());
                JsonObject welcome = client.welcome();
                welcomes.add(welcome.toString());
                seen.add(Frames.text(welcome, "instance"));
            }
            assertEquals(1, seen.size(), () -> "connections of room " + room + " were spread: " + welcomes);
            instanceOfRoom.put(room, seen.iterator().next());
        }

        LOG.info(() -> "room -> instance: " + instanceOfRoom);
        Set<String> used = new TreeSet<>(instanceOfRoom.values());
        assertTrue(expectedInstances.containsAll(used), () -> "welcomes name unknown instances: " + used);
        assertEquals(expectedInstances, used, () -> ROOMS + " rooms did not use every instance: " + instanceOfRoom);
    }
}
