/** The {@code autodidact} launcher: one picocli command per service and the all-in-one demo and pretrain runs. */
package dev.autodidact.cli;
