/**
 * How checkpoints travel on the {@code checkpoints} topic: a JSON manifest plus the payload cut into chunks, all
 * written in one transaction with the consumer offsets they were trained up to.
 */
package dev.autodidact.schema.checkpoint;
