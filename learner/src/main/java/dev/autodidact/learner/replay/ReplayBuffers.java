package dev.autodidact.learner.replay;

import ai.djl.ndarray.NDManager;
import dev.autodidact.schema.example.Tensor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Creates the replay buffer a policy names. */
public final class ReplayBuffers {
    private ReplayBuffers() {}

    /**
     * @param policy {@code none}, {@code fifo}, {@code reservoir} or {@code minred}
     * @param capacityBytes bytes of inputs kept at most
     * @param seed seed of the reservoir's draws
     * @param root manager for minred's similarity products
     * @param embed embeds canonical inputs with the current encoder, for minred
     * @return the buffer, or empty for {@code none}
     */
    public static Optional<ReplayBuffer> create(
            String policy, long capacityBytes, long seed, NDManager root, Function<List<Tensor>, float[][]> embed) {
        return switch (policy) {
            case "none" -> Optional.empty();
            case "fifo" -> Optional.of(new FifoReplay(capacityBytes));
            case "reservoir" -> Optional.of(new ReservoirReplay(capacityBytes, seed));
            case "minred" -> Optional.of(new MinRedReplay(capacityBytes, root, embed));
            default -> throw new IllegalArgumentException("Unknown replay policy '" + policy + "'");
        };
    }
}
