package dev.arena.judge.ws;

import dev.arena.judge.submission.SubmissionChanged;
import dev.arena.rooms.BrokerUnavailableException;
import dev.arena.rooms.RoomHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes every submission change on its owner's user topic, so each instance holding a socket of that user
 * pushes the {@code submission} frame. The record is already stored: a lost announcement is recovered by
 * fetching it.
 */
@ApplicationScoped
public class SubmissionRelay {

    private static final Logger LOG = Logger.getLogger(SubmissionRelay.class.getName());

    @Inject
    RoomHub hub;

    void relay(@Observes SubmissionChanged change) {
        try {
            hub.publishToUser(change.submission().user(), change.frame());
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "Event of submission {0} not delivered: {1}",
                    new Object[]{change.submission().id(), e.getMessage()});
        }
    }
}
