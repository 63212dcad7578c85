/**
 * The catalogue of self-supervised methods as the services see them through topics: each method's name, the
 * modalities it learns from and the kind of example it asks the stream-app for. The learner joins each entry to its
 * networks, loss and settings; the stream-app to the media code that makes the example. Both derive every list of
 * methods from here.
 */
package dev.autodidact.schema.method;
