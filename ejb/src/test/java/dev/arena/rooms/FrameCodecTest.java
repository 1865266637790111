package dev.arena.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void encodesTypeAndFields() {
        assertEquals("{\"type\":\"ack\",\"id\":\"c1\",\"offset\":17,\"room\":\"r\"}",
                codec.encode(new ServerFrame.Ack("c1", "r", 17)));
        assertEquals("{\"type\":\"presence\",\"members\":[\"a\",\"b\"],\"room\":\"r\"}",
                codec.encode(new ServerFrame.Presence("r", List.of("a", "b"))));
    }

    /** Acks are written by hand for speed: they must come out exactly as JSON-B writes the other frames. */
    @ParameterizedTest
    @ValueSource(strings = {"c1", "", "quote\" back\\slash /", "tab\t nl\n cr\r bs\b ff\f",
            "\u0000\u0001\u001f\u007f", "é ü 漢字 \uD83D\uDE00 \u2028\u2029", "</script><script>alert(1)</script>"})
    void anAckIsWrittenExactlyAsJsonbWouldWriteIt(String id) throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false))) {
            for (ServerFrame.Ack ack : List.of(new ServerFrame.Ack(id, "room-1_A", 9_007_199_254_740_993L),
                    new ServerFrame.Ack(null, "r", 0))) {
                assertEquals(jsonb.toJson(ack), codec.encode(ack));
            }
        }
    }

    @Test
    void leavesOutFieldsThatAreNotSet() {
        assertEquals("{\"type\":\"welcome\",\"instance\":\"i1\",\"rooms\":[],\"user\":\"alice\"}",
                codec.encode(new ServerFrame.Welcome("i1", "alice", List.of(), null)));
        assertEquals("{\"type\":\"error\",\"code\":\"invalid_json\",\"message\":\"Bad.\"}",
                codec.error("invalid_json", "Bad.", null));
        assertEquals("{\"type\":\"pong\"}", codec.encode(new ServerFrame.Pong()));
    }

    @Test
    void decodesEveryClientFrame() {
        assertEquals(new ClientFrame.Join("r-1_A"), codec.decode("{\"type\":\"join\",\"room\":\"r-1_A\"}"));
        assertEquals(new ClientFrame.Leave("r"), codec.decode("{\"room\":\"r\",\"type\":\"leave\"}"));
        assertEquals(new ClientFrame.PresenceQuery("r"), codec.decode("{\"type\":\"presence\",\"room\":\"r\"}"));
        assertEquals(new ClientFrame.Ping(), codec.decode(" {\"type\":\"ping\"} "));
        assertEquals(new ClientFrame.Publish("r", "c1", Frames.json("{\"a\":[1,\"x\",null]}")),
                codec.decode("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"c1\",\"data\":{\"a\":[1,\"x\",null]}}"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertEquals(new ClientFrame.Ping(), codec.decode("{\"type\":\"ping\",\"room\":5,\"extra\":{}}"));
    }

    @Test
    void publishTakesAnyJsonAsDataAndTheIdIsOptional() {
        for (String data : List.of("1", "-2.5e3", "\"text\"", "true", "null", "[]", "{}")) {
            ClientFrame.Publish publish = (ClientFrame.Publish) codec.decode(
                    "{\"type\":\"publish\",\"room\":\"r\",\"data\":" + data + "}");
            assertEquals(Frames.json(data), publish.data());
            assertNull(publish.id());
        }
        ClientFrame.Publish nullData = (ClientFrame.Publish) codec.decode(
                "{\"type\":\"publish\",\"room\":\"r\",\"data\":null}");
        assertEquals(JsonValue.NULL, nullData.data());
    }

    @Test
    void roomNamesAtTheLimitsAreAccepted() {
        assertEquals(new ClientFrame.Join("x"), codec.decode("{\"type\":\"join\",\"room\":\"x\"}"));
        String longest = "a".repeat(64);
        assertEquals(new ClientFrame.Join(longest), codec.decode("{\"type\":\"join\",\"room\":\"" + longest + "\"}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badFrames")
    void badInputHasItsOwnCodeAndKeepsTheClientsId(String text, String code, String id) {
        FrameException error = assertThrows(FrameException.class, () -> codec.decode(text));

        assertEquals(code, error.code());
        assertEquals(id, error.id());
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("", "invalid_json", null),
                Arguments.of("   ", "invalid_json", null),
                Arguments.of("{", "invalid_json", null),
                Arguments.of("{\"type\":\"ping\"", "invalid_json", null),
                Arguments.of("{'type':'ping'}", "invalid_json", null),
                Arguments.of("{\"type\":\"ping\"} {\"type\":\"ping\"}", "invalid_json", null),
                Arguments.of("{\"type\":\"ping\"} trailing", "invalid_json", null),
                Arguments.of("ping", "invalid_json", null),
                Arguments.of("[{\"type\":\"ping\"}]", "invalid_frame", null),
                Arguments.of("42", "invalid_frame", null),
                Arguments.of("\"ping\"", "invalid_frame", null),
                Arguments.of("null", "invalid_frame", null),
                Arguments.of("{}", "missing_field", null),
                Arguments.of("{\"type\":null}", "missing_field", null),
                Arguments.of("{\"id\":\"c1\"}", "missing_field", "c1"),
                Arguments.of("{\"type\":7}", "invalid_frame", null),
                Arguments.of("{\"type\":\"join\",\"room\":7}", "invalid_frame", null),
                Arguments.of("{\"type\":\"publish\",\"room\":\"r\",\"id\":7,\"data\":1}", "invalid_frame", null),
                Arguments.of("{\"type\":\"shout\",\"id\":\"c2\"}", "unknown_type", "c2"),
                Arguments.of("{\"type\":\"JOIN\",\"room\":\"r\"}", "unknown_type", null),
                Arguments.of("{\"type\":\"join\"}", "missing_field", null),
                Arguments.of("{\"type\":\"leave\"}", "missing_field", null),
                Arguments.of("{\"type\":\"presence\",\"room\":null}", "missing_field", null),
                Arguments.of("{\"type\":\"publish\",\"id\":\"c3\",\"data\":1}", "missing_field", "c3"),
                Arguments.of("{\"type\":\"publish\",\"room\":\"r\",\"id\":\"c4\"}", "missing_field", "c4"),
                Arguments.of("{\"type\":\"join\",\"room\":\"\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"a b\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"../etc\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"caf\u00e9\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\\\"}\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"join\",\"room\":\"" + "a".repeat(65) + "\"}", "invalid_room", null),
                Arguments.of("{\"type\":\"publish\",\"room\":\"a:b\",\"id\":\"c5\",\"data\":1}", "invalid_room",
                        "c5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "a-very-long-type-name-that-goes-on-and-on-and-on-forever"})
    void anUnknownTypeIsQuotedOnlyInASafeShortForm(String type) {
        FrameException error = assertThrows(FrameException.class,
                () -> codec.decode("{\"type\":\"" + type + "\"}"));

        assertEquals("unknown_type", error.code());
        assertTrue(error.getMessage().matches("Unknown frame type \"[A-Za-z0-9_?-]{1,32}(\\.\\.\\.)?\"\\."),
                error.getMessage());
    }
}
