/**
 * The contract: topic names and their settings, header names, record types and their serdes. This is the only module a
 * downstream subscriber needs.
 */
package dev.autodidact.schema;
