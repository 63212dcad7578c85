/**
 * The autodidact stream-app: a Kafka Streams application that turns raw media on {@code raw.<modality>} into
 * canonical records on {@code clean.<modality>}, training examples on {@code examples.<modality>.<method>}, and
 * sends everything it cannot use to the dead-letter topic with the reason in headers. Clean records and training
 * examples are {@link dev.autodidact.schema.example.Example}s (for images, the uint8 array {@code input}, and on
 * examples also {@code view.0}, {@code view.1}, ... plus metadata naming the recipe and its spec), written with
 * {@link dev.autodidact.schema.serde.ExampleSerde}:
 * the safetensors layout after one version byte. Which example a method gets is the
 * {@link dev.autodidact.schema.method.ExampleRecipe} the {@link dev.autodidact.schema.method.MethodCatalog} names.
 *
 * <p>{@link dev.autodidact.streams.StreamAppConfig} holds the settings, {@link dev.autodidact.streams.ImageTopology}
 * builds the image topology and {@link dev.autodidact.streams.AudioTopology} the audio one (WAV files to 16-bit PCM
 * clips on {@code clean.audio}, log-mel or waveform examples), and {@link dev.autodidact.streams.StreamApp} creates
 * the topics, starts Kafka Streams with the topology of the configured modality and waits until it runs.
 * Implementation lives in {@code internal}.
 */
package dev.autodidact.streams;
