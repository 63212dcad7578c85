/** Tests of the directory source's internals: assignment, offsets, bounded reads. */
package dev.autodidact.connectors.internal;
