/**
 * Implementation of the media directory source: scanning and change detection, the task's assignment, the Connect
 * source partitions and offsets, record building, bounded reads, validators and task metrics. Not public API.
 */
package dev.autodidact.connectors.internal;
