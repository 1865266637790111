package dev.arena.rooms.redis;

import dev.arena.platform.UserChannel;
import dev.arena.rooms.BrokerUnavailableException;
import dev.arena.rooms.RoomHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The user channel carried by the rooms' broker: a frame published on the user's topic. */
@ApplicationScoped
public class RoomsUserChannel implements UserChannel {

    private static final Logger LOG = Logger.getLogger(RoomsUserChannel.class.getName());

    @Inject
    RoomHub hub;

    @Override
    public void send(String user, String frame) {
        try {
            hub.publishToUser(user, frame);
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "Event for {0} not delivered: {1}", new Object[]{user, e.getMessage()});
        }
    }
}
