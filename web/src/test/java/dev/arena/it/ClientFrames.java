package dev.arena.it;

/** Client frames of the rooms protocol, as text. Room names and ids in tests need no escaping. */
final class ClientFrames {

    static final String PING = "{\"type\":\"ping\"}";

    private ClientFrames() {
    }

    static String join(String room) {
        return "{\"type\":\"join\",\"room\":\"" + room + "\"}";
    }

    static String leave(String room) {
        return "{\"type\":\"leave\",\"room\":\"" + room + "\"}";
    }

    static String presence(String room) {
        return "{\"type\":\"presence\",\"room\":\"" + room + "\"}";
    }

    static String publish(String room, String id, String dataJson) {
        return "{\"type\":\"publish\",\"room\":\"" + room + "\",\"id\":\"" + id + "\",\"data\":" + dataJson + "}";
    }
}
