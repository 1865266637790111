package dev.arena.system;

import java.util.ArrayList;
import java.util.List;

/** The clients a test opened, closed together when it ends however it ends. Not thread-safe. */
final class OpenClients implements AutoCloseable {

    private final List<RoomClient> clients = new ArrayList<>();

    /** Registers a client and hands it back. */
    RoomClient add(RoomClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        // Close in parallel: a client whose server is gone waits up to its close timeout.
        clients.parallelStream().forEach(RoomClient::close);
        clients.clear();
    }
}
