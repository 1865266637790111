package dev.arena.rooms.ws;

import dev.arena.identity.TokenService;
import dev.arena.rooms.RoomHub;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Registers the two entry points of the same endpoint. Each connection gets its own {@link RoomSocket}
 * built from the application's beans.
 */
public class RoomSocketConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(entry("/ws"), entry("/ws/geo"));
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }

    private static ServerEndpointConfig entry(String path) {
        return ServerEndpointConfig.Builder.create(RoomSocket.class, path)
                .configurator(new Factory())
                .build();
    }

    private static final class Factory extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            CDI<Object> cdi = CDI.current();
            return endpointClass.cast(new RoomSocket(cdi.select(RoomHub.class).get(),
                    cdi.select(TokenService.class).get(), cdi.select(SocketMetrics.class).get(),
                    cdi.select(SocketSettings.class).get()));
        }
    }
}
