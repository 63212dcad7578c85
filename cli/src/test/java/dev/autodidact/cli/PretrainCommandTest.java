package dev.autodidact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodidact.cli.internal.FeedOrder;
import dev.autodidact.learner.LearnerConfig;
import dev.autodidact.schema.method.MethodCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Parsing of {@code pretrain}'s options and what they hand the learner; nothing is run. */
class PretrainCommandTest {
    private static final String[] REQUIRED = {"--data", "in", "--out", "out"};

    @Test
    void shouldShuffleAndLeaveReplayToTheLearnerByDefault() {
        PretrainCommand command = parse();

        assertThat(command.order).isEqualTo(FeedOrder.SHUFFLED);
        assertThat(command.learnerSettings())
                .doesNotContainKeys(LearnerConfig.REPLAY_POLICY_CONFIG, LearnerConfig.REPLAY_RATIO_CONFIG);
    }

    @Test
    void shouldReadEveryOrderByItsCommandLineName() {
        assertThat(parse("--order", "sorted").order).isEqualTo(FeedOrder.SORTED);
        assertThat(parse("--order", "by-class").order).isEqualTo(FeedOrder.BY_CLASS);
        assertThat(parse("--order", "shuffled").order).isEqualTo(FeedOrder.SHUFFLED);
    }

    @Test
    void shouldForwardReplayOptionsOverSetOverrides() {
        PretrainCommand command = parse(
                "--set",
                LearnerConfig.REPLAY_POLICY_CONFIG + "=fifo",
                "--set",
                LearnerConfig.REPLAY_BUFFER_BYTES_CONFIG + "=1024",
                "--replay",
                "minred",
                "--replay-ratio",
                "0.5");

        Map<String, Object> settings = command.learnerSettings();

        assertThat(settings)
                .containsEntry(LearnerConfig.REPLAY_POLICY_CONFIG, "minred")
                .containsEntry(LearnerConfig.REPLAY_RATIO_CONFIG, 0.5)
                .containsEntry(LearnerConfig.REPLAY_BUFFER_BYTES_CONFIG, "1024");
        assertThat(new LearnerConfig(withBootstrap(settings)).getString(LearnerConfig.REPLAY_POLICY_CONFIG))
                .isEqualTo("minred");
    }

    @Test
    void shouldAcceptEveryReplayPolicyAndRefuseOthersAsAUsageError() {
        for (String policy : LearnerConfig.REPLAY_POLICIES) {
            assertThat(parse("--replay", policy).learnerSettings())
                    .containsEntry(LearnerConfig.REPLAY_POLICY_CONFIG, policy);
        }

        int code = new CommandLine(new Autodidact())
                .execute("pretrain", "--data", "in", "--out", "out", "--replay", "lru");

        assertThat(code).isEqualTo(2);
    }

    @Test
    void shouldListTheValidNamesInTheHelpOfEveryCommandWithAMethod() {
        CommandLine cli = new CommandLine(new Autodidact()).setUsageHelpWidth(1000);
        String methods = String.join(", ", MethodCatalog.names());

        String pretrain = cli.getSubcommands().get("pretrain").getUsageMessage();
        assertThat(pretrain)
                .contains(methods)
                .contains("sorted, by-class, shuffled")
                .contains(String.join(", ", LearnerConfig.REPLAY_POLICIES));
        assertThat(cli.getSubcommands().get("learn").getUsageMessage()).contains(methods);
        assertThat(cli.getSubcommands().get("report").getUsageMessage()).contains(methods);
    }

    private static PretrainCommand parse(String... args) {
        PretrainCommand command = new PretrainCommand();
        String[] all = new String[REQUIRED.length + args.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(args, 0, all, REQUIRED.length, args.length);
        new CommandLine(command).parseArgs(all);
        return command;
    }

    private static Map<String, Object> withBootstrap(Map<String, Object> settings) {
        settings.put(LearnerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        return settings;
    }
}
