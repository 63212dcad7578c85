package dev.autodidact.learner.method;

import ai.djl.ndarray.NDList;
import dev.autodidact.schema.example.ArrayNames;
import java.util.List;
import java.util.stream.IntStream;

/** The view arrays of multi-view examples, by count. */
final class Views {
    /** {@code view.0, view.1}: the input of the two-view methods. */
    static final List<String> TWO = names(2);

    private Views() {}

    /** {@code view.0 ... view.(count-1)}. */
    static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(ArrayNames::view).toList();
    }

    /** @throws IllegalArgumentException unless {@code batch} holds exactly {@code count} views */
    static void require(String method, NDList batch, int count) {
        if (batch.size() != count) {
            throw new IllegalArgumentException(method + " needs " + count + " views, got " + batch.size());
        }
    }
}
