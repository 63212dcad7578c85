/**
 * Implementation of the view recipe specs: the {@code key=value} fields and their bounded reading, and the fields of
 * one SimCLR augmentation. Not a public API.
 */
package dev.autodidact.media.image.views.internal;
