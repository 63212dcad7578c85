package dev.autodidact.schema.method;

/**
 * The kinds of training example the stream-app makes from a clean record. A method names one; the stream-app maps it
 * to media code, the learner to the arrays it expects.
 */
public enum ExampleRecipe {
    /** Two augmented views of equal size ({@code view.0}, {@code view.1}): the two-view contrastive and Siamese methods. */
    TWO_VIEWS("two-views"),
    /** Two global views and several smaller local views ({@code view.0 ... view.n}): DINO's multi-crop. */
    MULTI_CROP("multi-crop");

    private final String id;

    ExampleRecipe(String id) {
        this.id = id;
    }

    /** The name written into each example's {@code recipe} metadata. */
    public String id() {
        return id;
    }
}
