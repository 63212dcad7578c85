/** Reading manifests from files and from Kafka, and the PCA behind the embedding map. */
package dev.autodidact.cli.report.internal;
