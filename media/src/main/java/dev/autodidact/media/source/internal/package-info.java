/**
 * Implementation helpers for media sources: the sorted directory walk, zip entry listing, the capped entry stream and label rules. Not public
 * API.
 */
package dev.autodidact.media.source.internal;
