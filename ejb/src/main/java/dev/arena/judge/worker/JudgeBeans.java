package dev.arena.judge.worker;

import dev.arena.judge.Judge;
import dev.arena.judge.JudgeSettings;
import dev.arena.judge.problem.ProblemCatalog;
import dev.arena.judge.queue.JobQueue;
import dev.arena.judge.queue.RedisJobQueue;
import dev.arena.judge.submission.SubmissionStore;
import dev.arena.platform.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/** The judge's plain-Java parts as application-wide beans, configured through MicroProfile Config. */
@ApplicationScoped
class JudgeBeans {

    @Produces
    @Singleton
    Judge judge() {
        Config config = ConfigProvider.getConfig();
        return Judge.start(JudgeSettings.from(key -> config.getOptionalValue(key, String.class)
                .filter(value -> !value.isBlank())));
    }

    /** Releases the slot uids for the next run of this instance (or another instance on the host). */
    void close(@Disposes Judge judge) {
        judge.close();
    }

    @Produces
    @Singleton
    ProblemCatalog catalog(@ConfigProperty(name = "judge.problems-dir") Optional<String> directory) {
        return ProblemCatalog.loadConfigured(directory.filter(value -> !value.isBlank()));
    }

    @Produces
    @Singleton
    SubmissionStore store(RedisSettings settings, RedisClient redis) {
        return new SubmissionStore(settings, redis);
    }

    @Produces
    @Singleton
    JobQueue queue(RedisSettings settings, RedisClient redis,
                   @ConfigProperty(name = "judge.visibility-timeout-seconds") long visibilitySeconds) {
        return new RedisJobQueue(settings, redis, Duration.ofSeconds(visibilitySeconds));
    }
}
