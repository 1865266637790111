package dev.arena.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rooms of one instance: its open connections, which of them are in which room, and the traffic between
 * them and the broker. An instance receives a topic only while one of its connections needs it.
 *
 * <p>Thread-safe. Frames of one connection are expected one at a time (as WebSocket containers deliver
 * them); broker deliveries arrive on the broker's delivery threads and are only handed to the members' queues.
 */
public final class RoomHub implements BrokerListener {

    private static final Logger LOG = Logger.getLogger(RoomHub.class.getName());

    private final Broker broker;
    private final Presence presence;
    private final FrameCodec codec;
    private final RoomLimits limits;
    private final String instance;
    private final LongSupplier nanoTime;
    private final LongSupplier epochMillis;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** Topic -> the local connections that receive it. */
    private final Map<String, Set<Connection>> receivers = new ConcurrentHashMap<>();
    private final RoomMetrics metrics = new RoomMetrics();
    private final RoomSequencer sequencer;
    /** Leaves the broker could not record yet, oldest first. */
    private final Queue<PendingLeave> pendingLeaves = new ConcurrentLinkedQueue<>();

    public RoomHub(Broker broker, Presence presence, FrameCodec codec, RoomLimits limits, String instance,
                   LongSupplier nanoTime, LongSupplier epochMillis) {
        this.broker = broker;
        this.presence = presence;
        this.codec = codec;
        this.limits = limits;
        this.instance = instance;
        this.nanoTime = nanoTime;
        this.epochMillis = epochMillis;
        this.sequencer = new RoomSequencer(broker);
        broker.setListener(this);
    }

    /**
     * Opens a connection: sends the welcome, then joins the room named at connect time, if any.
     *
     * @param initialRoom the room from the connect URL, or null
     * @param country the client's country as resolved by the front proxy, or null
     */
    public Connection open(Member member, String initialRoom, String country) {
        Connection connection = new Connection(member, country,
                new RateLimiter(limits.publishRate(), limits.publishBurst(), nanoTime.getAsLong()));
        connections.add(connection);
        // The user's topic is confirmed before the welcome, so that a client which waits for its welcome
        // before submitting misses none of its own events; the connection receives from that point on.
        String userTopic = Topics.user(member.user());
        awaitQuietly(broker.subscribe(userTopic));
        boolean roomValid = initialRoom != null && RoomName.isValid(initialRoom);
        if (roomValid) {
            // Likewise the room's: a client that has its welcome hears everyone who joins after it.
            awaitQuietly(broker.subscribe(Topics.room(initialRoom)));
        }
        member.send(codec.encode(new ServerFrame.Welcome(instance, member.user(),
                roomValid ? List.of(initialRoom) : List.of(), country)));
        attach(userTopic, connection);
        if (initialRoom != null) {
            handle(connection, () -> {
                if (!roomValid) {
                    throw new FrameException("invalid_room", "A room name is 1-64 of A-Z, a-z, 0-9, '_' and '-'.", null);
                }
                join(connection, initialRoom);
            });
        }
        return connection;
    }

    /** Serves one text frame from a client; anything wrong with it becomes an error frame. */
    public void onFrame(Connection connection, String text) {
        metrics.framesIn.increment();
        handle(connection, () -> dispatch(connection, codec.decode(text)));
    }

    /** The connection is gone: it leaves its rooms (others see {@code left}) and stops receiving. */
    public void close(Connection connection) {
        if (!connections.remove(connection)) {
            return;
        }
        for (String room : List.copyOf(connection.rooms())) {
            connection.rooms().remove(room);
            detach(Topics.room(room), connection);
            recordLeave(connection, room);
        }
        detach(Topics.user(connection.user()), connection);
    }

    @Override
    public void onMessage(String topic, String frame) {
        if (topic.startsWith(Topics.ROOM) && frame.startsWith(RoomSequencer.MESSAGE_START)) {
            if (receivers.containsKey(topic)) {
                sequencer.accept(topic.substring(Topics.ROOM.length()), frame, ordered -> fanOut(topic, ordered));
            }
            return;
        }
        fanOut(topic, frame);
    }

    private void fanOut(String topic, String frame) {
        Set<Connection> targets = receivers.get(topic);
        if (targets == null) {
            return;
        }
        int delivered = 0;
        for (Connection connection : targets) {
            connection.member().send(frame);
            delivered++;
        }
        metrics.messagesOut.add(delivered);
    }

    @Override
    public void onReconnected() {
        sequencer.catchUp(missed -> fanOut(Topics.room(missed.getKey()), missed.getValue()));
        // The broker may have lost its data while it was away: say again who is here.
        for (Connection connection : connections) {
            for (String room : connection.rooms()) {
                try {
                    presence.add(room, connection.member().id(), connection.user());
                } catch (BrokerUnavailableException e) {
                    LOG.log(Level.WARNING, "Could not restore presence after reconnect: {0}", e.getMessage());
                    return;
                }
            }
        }
    }

    /**
     * Refreshes this instance's heartbeat, records the leaves the broker missed while it was away, and announces
     * the departure of members of dead instances.
     */
    public void maintainPresence() {
        presence.heartbeat();
        recordPendingLeaves();
        for (Presence.Departure departure : presence.reapDeadInstances()) {
            broker.publish(Topics.room(departure.room()),
                    codec.encode(new ServerFrame.Left(departure.room(), departure.user())));
        }
    }

    /** Pings every connection so that idle sockets survive proxies' read timeouts. */
    public void keepAlive() {
        connections.forEach(connection -> connection.member().keepAlive());
    }

    /** Sends a frame to every connection of a user, on every instance (judge events and the like). */
    public void publishToUser(String user, String frame) {
        broker.publish(Topics.user(user), frame);
    }

    public int connectionCount() {
        return connections.size();
    }

    public int roomCount() {
        return (int) receivers.keySet().stream().filter(topic -> topic.startsWith(Topics.ROOM)).count();
    }

    public RoomMetrics metrics() {
        return metrics;
    }

    private void dispatch(Connection connection, ClientFrame frame) {
        switch (frame) {
            case ClientFrame.Join join -> join(connection, join.room());
            case ClientFrame.Leave leave -> leave(connection, leave.room());
            case ClientFrame.Publish publish -> publish(connection, publish);
            case ClientFrame.PresenceQuery query -> connection.member().send(codec.encode(
                    new ServerFrame.Presence(query.room(), presence.members(query.room()))));
            case ClientFrame.Ping ignored -> connection.member().send(codec.encode(new ServerFrame.Pong()));
        }
    }

    private void join(Connection connection, String room) {
        if (connection.rooms().contains(room)) {
            connection.member().send(codec.encode(new ServerFrame.Joined(room, connection.user())));
            return;
        }
        if (connection.rooms().size() >= limits.maxRoomsPerConnection()) {
            throw new FrameException("too_many_rooms",
                    "A connection may be in at most " + limits.maxRoomsPerConnection() + " rooms.", null);
        }
        String topic = Topics.room(room);
        CompletableFuture<Void> subscription = attach(topic, connection);
        try {
            subscription.get(limits.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
            connection.rooms().add(room);
            presence.add(room, connection.member().id(), connection.user());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rollBackJoin(connection, room);
            throw unavailable(null);
        } catch (ExecutionException | TimeoutException | BrokerUnavailableException e) {
            rollBackJoin(connection, room);
            throw unavailable(null);
        }
        broker.publish(topic, codec.encode(new ServerFrame.Joined(room, connection.user())));
    }

    private void awaitQuietly(CompletableFuture<Void> subscription) {
        try {
            subscription.get(limits.joinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "User topic not confirmed in time; events may be missed until it is");
        }
    }

    private void rollBackJoin(Connection connection, String room) {
        connection.rooms().remove(room);
        detach(Topics.room(room), connection);
    }

    private void leave(Connection connection, String room) {
        if (!connection.rooms().remove(room)) {
            throw new FrameException("not_member", "You are not in room \"" + room + "\".", null);
        }
        detach(Topics.room(room), connection);
        connection.member().send(codec.encode(new ServerFrame.Left(room, connection.user())));
        recordLeave(connection, room);
    }

    /**
     * Removes a connection that left a room from presence and tells the room. While the broker is away the leave
     * is kept for {@link #maintainPresence()}: the broker may well come back with its data, and a member
     * forgotten there would stay in presence for as long as this instance lives.
     */
    private void recordLeave(Connection connection, String room) {
        try {
            presence.remove(room, connection.member().id());
            broker.publish(Topics.room(room), codec.encode(new ServerFrame.Left(room, connection.user())));
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.FINE, "Could not record {0} leaving {1} yet: {2}",
                    new Object[]{connection.user(), room, e.getMessage()});
            pendingLeaves.add(new PendingLeave(connection, room));
        }
    }

    private void recordPendingLeaves() {
        for (PendingLeave pending = pendingLeaves.peek(); pending != null; pending = pendingLeaves.peek()) {
            Connection connection = pending.connection();
            // Back in the room since: its join recorded it again, and nobody must hear that it left.
            if (!connections.contains(connection) || !connection.rooms().contains(pending.room())) {
                presence.remove(pending.room(), connection.member().id());
                broker.publish(Topics.room(pending.room()),
                        codec.encode(new ServerFrame.Left(pending.room(), connection.user())));
            }
            pendingLeaves.remove(pending);
        }
    }

    private void publish(Connection connection, ClientFrame.Publish frame) {
        String room = frame.room();
        if (!connection.rooms().contains(room)) {
            throw new FrameException("not_member", "Join room \"" + room + "\" before publishing to it.", frame.id());
        }
        if (!connection.tryPublish(nanoTime.getAsLong())) {
            throw new FrameException("rate_limited", "Too many messages; slow down.", frame.id());
        }
        // Names are restricted to [A-Za-z0-9_-], so they need no escaping; the data is serialized JSON.
        String prefix = "{\"type\":\"message\",\"room\":\"" + room + "\",\"from\":\"" + connection.user()
                + "\",\"offset\":";
        String suffix = ",\"data\":" + frame.data() + ",\"ts\":" + epochMillis.getAsLong() + "}";
        long offset;
        try {
            offset = broker.appendToRoom(room, prefix, suffix);
        } catch (BrokerUnavailableException e) {
            throw unavailable(frame.id());
        }
        metrics.published.increment();
        connection.member().send(codec.encode(new ServerFrame.Ack(frame.id(), room, offset)));
    }

    private void handle(Connection connection, Runnable action) {
        try {
            action.run();
        } catch (FrameException e) {
            metrics.errors.increment();
            connection.member().send(codec.error(e.code(), e.getMessage(), e.id()));
        } catch (BrokerUnavailableException e) {
            // Frames that carry a client id convert this themselves, so that the error names the frame.
            metrics.errors.increment();
            FrameException error = unavailable(null);
            connection.member().send(codec.error(error.code(), error.getMessage(), null));
        }
    }

    private static FrameException unavailable(String id) {
        return new FrameException("unavailable", "The message service is unavailable; try again shortly.", id);
    }

    private record PendingLeave(Connection connection, String room) {
    }

    private CompletableFuture<Void> attach(String topic, Connection connection) {
        List<CompletableFuture<Void>> subscription = new ArrayList<>(1);
        receivers.compute(topic, (key, set) -> {
            Set<Connection> members = set == null ? ConcurrentHashMap.newKeySet() : set;
            members.add(connection);
            subscription.add(broker.subscribe(key));
            return members;
        });
        return subscription.getFirst();
    }

    private void detach(String topic, Connection connection) {
        receivers.computeIfPresent(topic, (key, set) -> {
            set.remove(connection);
            if (set.isEmpty()) {
                broker.unsubscribe(key);
                if (key.startsWith(Topics.ROOM)) {
                    sequencer.forget(key.substring(Topics.ROOM.length()));
                }
                return null;
            }
            return set;
        });
    }
}
