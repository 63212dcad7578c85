/** Tests of the media directory source: config, connector, task (unit) and a real Connect worker (IT). */
package dev.autodidact.connectors;
