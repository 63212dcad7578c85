/**
 * The modality-neutral example record: named, typed, shaped arrays (views, masks and their indices, targets, token
 * ids, lengths) with string metadata, written in the safetensors layout after one format-version byte, so that any
 * subscriber reads it with numpy alone. Clean records and training examples of every modality are uses of it.
 */
package dev.autodidact.schema.example;
