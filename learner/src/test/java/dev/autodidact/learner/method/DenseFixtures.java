package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.modality.EncoderArchitecture;
import dev.autodidact.learner.modality.image.ConvEncoderSpec;
import dev.autodidact.learner.train.ExampleBatch;
import dev.autodidact.schema.Modality;
import dev.autodidact.schema.example.ArrayNames;
import dev.autodidact.schema.example.Example;
import dev.autodidact.schema.example.Tensor;
import dev.autodidact.schema.method.ExampleRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Examples of the dense methods built by hand as the stream-app's recipes describe them ({@link ExampleRecipe}), on
 * smooth random colour images (a random colour plus random gradients, a little noise) at the size of the tiny encoder
 * {@link MethodFixtures#SPEC}: an erased square for inpainting, a gray view with stand-in chroma for colorization (a
 * linear function of the colour, not CIE Lab: the tests need a target that follows the image, not the exact colour
 * space), a noisy view with dropped pixels for denoising.
 */
final class DenseFixtures {
    static final ConvEncoderSpec SPEC = MethodFixtures.SPEC;
    static final int SIZE = SPEC.inputSize();
    static final List<String> NAMES = List.of(InpaintingMethod.NAME, ColorizationMethod.NAME, DenoisingAeMethod.NAME);

    private DenseFixtures() {}

    /** Method {@code name} with its default bottleneck on {@link #SPEC}. */
    static SslMethod create(String name, NDManager manager) {
        return create(name, Bottleneck.POOLED, manager);
    }

    /** Method {@code name} decoding from {@code bottleneck} (colorization always reads the map). */
    static SslMethod create(String name, Bottleneck bottleneck, NDManager manager) {
        return create(name, bottleneck, SPEC, manager);
    }

    static SslMethod create(String name, Bottleneck bottleneck, EncoderArchitecture encoder, NDManager manager) {
        return switch (name) {
            case InpaintingMethod.NAME -> new InpaintingMethod(manager, encoder, bottleneck, 16, 0.1f);
            case ColorizationMethod.NAME -> new ColorizationMethod(manager, encoder, 8);
            case DenoisingAeMethod.NAME -> new DenoisingAeMethod(manager, encoder, bottleneck, 16);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every dense method with each bottleneck it can decode from: (name, bottleneck). */
    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(InpaintingMethod.NAME, Bottleneck.POOLED),
                Arguments.of(InpaintingMethod.NAME, Bottleneck.MAP),
                Arguments.of(ColorizationMethod.NAME, Bottleneck.MAP),
                Arguments.of(DenoisingAeMethod.NAME, Bottleneck.POOLED),
                Arguments.of(DenoisingAeMethod.NAME, Bottleneck.MAP));
    }

    /** The methods that choose their bottleneck, with each choice: (name, bottleneck). */
    static Stream<Arguments> pixelVariants() {
        return variants().filter(a -> !a.get()[0].equals(ColorizationMethod.NAME));
    }

    static ExampleBatch batch(String method, int n, long seed) {
        return batch(method, n, seed, SIZE);
    }

    /** {@code n} examples of images of side {@code size}. */
    static ExampleBatch batch(String method, int n, long seed, int size) {
        Random r = new Random(seed);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            examples.add(example(method, image(r, size), size, r));
        }
        return new ExampleBatch(examples, Map.of(new TopicPartition("t", 0), (long) n));
    }

    static Example example(String method, byte[] rgb, Random r) {
        return example(method, rgb, SIZE, r);
    }

    static Example example(String method, byte[] rgb, int size, Random r) {
        return switch (method) {
            case InpaintingMethod.NAME -> inpainting(rgb, size, r);
            case ColorizationMethod.NAME -> colorization(rgb, size);
            case DenoisingAeMethod.NAME -> denoising(rgb, size, r);
            default -> throw new IllegalArgumentException(method);
        };
    }

    static byte[] image(Random r) {
        return image(r, SIZE);
    }

    /** A smooth random RGB image of side {@code size}, interleaved [h, w, 3]. */
    static byte[] image(Random r, int size) {
        byte[] rgb = new byte[size * size * 3];
        for (int c = 0; c < 3; c++) {
            float base = 40 + r.nextInt(176);
            float gx = (r.nextFloat() - 0.5f) * 8;
            float gy = (r.nextFloat() - 0.5f) * 8;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float v = base + gx * (x - size / 2f) + gy * (y - size / 2f) + r.nextInt(9) - 4;
                    rgb[(y * size + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return rgb;
    }

    static Tensor rgb(byte[] pixels, int size) {
        return Tensor.u8(new int[] {size, size, 3}, pixels);
    }

    static Example.Builder builder(ExampleRecipe recipe, byte[] clean, int size) {
        return Example.builder(Modality.IMAGE)
                .meta(Example.RECIPE, recipe.id())
                .put(ArrayNames.INPUT, rgb(clean, size));
    }

    /** A square of half the side erased to gray 128 at a random place. */
    static Example inpainting(byte[] rgb, Random r) {
        return inpainting(rgb, SIZE, r);
    }

    static Example inpainting(byte[] rgb, int size, Random r) {
        int side = size / 2;
        int top = r.nextInt(size - side + 1);
        int left = r.nextInt(size - side + 1);
        byte[] erased = rgb.clone();
        byte[] mask = new byte[size * size];
        for (int y = top; y < top + side; y++) {
            for (int x = left; x < left + side; x++) {
                mask[y * size + x] = 1;
                for (int c = 0; c < 3; c++) {
                    erased[(y * size + x) * 3 + c] = (byte) 128;
                }
            }
        }
        return builder(ExampleRecipe.INPAINTING, rgb, size)
                .put(ArrayNames.view(0), rgb(erased, size))
                .put(ArrayNames.MASK, Tensor.u8(new int[] {size, size}, mask))
                .put(ArrayNames.TARGET, rgb(rgb, size))
                .build();
    }

    /** The luminance in all three channels and stand-in chroma ((r - g) / 2, (g - b) / 2) / 255. */
    static Example colorization(byte[] rgb) {
        return colorization(rgb, SIZE);
    }

    static Example colorization(byte[] rgb, int size) {
        byte[] gray = new byte[rgb.length];
        float[] chroma = new float[size * size * 2];
        for (int p = 0; p < size * size; p++) {
            int red = rgb[p * 3] & 0xFF;
            int green = rgb[p * 3 + 1] & 0xFF;
            int blue = rgb[p * 3 + 2] & 0xFF;
            byte l = (byte) Math.round(0.299f * red + 0.587f * green + 0.114f * blue);
            gray[p * 3] = l;
            gray[p * 3 + 1] = l;
            gray[p * 3 + 2] = l;
            chroma[p * 2] = (red - green) / 510f;
            chroma[p * 2 + 1] = (green - blue) / 510f;
        }
        return builder(ExampleRecipe.COLORIZATION, rgb, size)
                .put(ArrayNames.view(0), rgb(gray, size))
                .put(ArrayNames.TARGET, Tensor.f32(new int[] {size, size, 2}, chroma))
                .build();
    }

    /** Gaussian noise of std 0.1 of the range and a quarter of the pixels dropped to 0. */
    static Example denoising(byte[] rgb, int size, Random r) {
        byte[] noisy = new byte[rgb.length];
        for (int p = 0; p < size * size; p++) {
            boolean dropped = r.nextFloat() < 0.25f;
            for (int c = 0; c < 3; c++) {
                int v = (int) Math.round((rgb[p * 3 + c] & 0xFF) + r.nextGaussian() * 25.5);
                noisy[p * 3 + c] = dropped ? 0 : (byte) Math.max(0, Math.min(255, v));
            }
        }
        return builder(ExampleRecipe.DENOISING, rgb, size)
                .put(ArrayNames.view(0), rgb(noisy, size))
                .put(ArrayNames.TARGET, rgb(rgb, size))
                .build();
    }
}
