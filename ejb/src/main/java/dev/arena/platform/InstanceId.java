package dev.arena.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The name of this instance ({@code instance.id}), or {@code <host>:<pid>} when none is configured. */
@ApplicationScoped
public class InstanceId {

    private String value;

    protected InstanceId() {
    }

    @Inject
    InstanceId(@ConfigProperty(name = "instance.id") Optional<String> configured) {
        this.value = configured.filter(s -> !s.isBlank()).orElseGet(InstanceId::hostAndPid);
    }

    public String value() {
        return value;
    }

    private static String hostAndPid() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "instance:" + ProcessHandle.current().pid();
        }
    }
}
