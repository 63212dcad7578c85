package dev.autodidact.media.image.views;

import dev.autodidact.media.image.RgbImage;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one draw of a {@link ViewRecipe} makes from one image: the views, in the order they go into an example
 * ({@code view.0}, {@code view.1}, ...), and the recipe's other arrays (masks, targets) in the order they are written.
 *
 * @param views the augmented views
 * @param arrays the other arrays, with distinct names; empty for the view-only recipes
 */
public record RecipeDraw(List<RgbImage> views, List<RecipeArray> arrays) {
    /** Copies both lists and checks that the array names are distinct. */
    public RecipeDraw {
        views = List.copyOf(views);
        arrays = List.copyOf(arrays);
        Set<String> names = new HashSet<>();
        for (RecipeArray array : arrays) {
            if (!names.add(array.name())) {
                throw new IllegalArgumentException("Two arrays named '" + array.name() + "' in one draw");
            }
        }
    }

    /**
     * @param name an array name, e.g. {@link RecipeArray#MASK}
     * @return the array of that name, if the draw has one
     */
    public Optional<RecipeArray> array(String name) {
        return arrays.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
