package dev.autodidact.connectors.internal;

/**
 * Which files one of several tasks publishes: those whose id hashes to its index. {@link String#hashCode()} is
 * specified by the JLS, so every worker splits the same directory the same way, and a file's owner changes only when
 * the task count does.
 *
 * @param index this task's index, in {@code [0, count)}
 * @param count how many tasks split the directory
 */
public record TaskAssignment(int index, int count) {
    /** Checks the index against the count. */
    public TaskAssignment {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("Task index must be in [0, " + count + "): " + index);
        }
    }

    /**
     * @param fileId a file's id
     * @return whether this task publishes it
     */
    public boolean owns(String fileId) {
        return Math.floorMod(fileId.hashCode(), count) == index;
    }
}
