/**
 * Implementation helpers for media sources: the sorted directory walk, zip entry listing and label rules. Not public
 * API.
 */
package dev.autodidact.media.source.internal;
