package dev.autodidact.media.audio.views;

import dev.autodidact.media.image.views.RecipeArray;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one draw of an {@link AudioRecipe} makes from one clip: every array of the example in the order it is written,
 * the views first ({@code view.0}, {@code view.1}, ...), then the others ({@code mask}, {@code mask.index}). Unlike an
 * image draw, the views are arrays too (float log-mel spectrograms or waveforms), so one list holds them all.
 *
 * @param arrays the arrays, with distinct names
 */
public record AudioDraw(List<RecipeArray> arrays) {
    /** Prefix of the views' names. */
    public static final String VIEW_PREFIX = "view.";

    /** Copies the list and checks that the names are distinct. */
    public AudioDraw {
        arrays = List.copyOf(arrays);
        Set<String> names = new HashSet<>();
        for (RecipeArray array : arrays) {
            if (!names.add(array.name())) {
                throw new IllegalArgumentException("Two arrays named '" + array.name() + "' in one draw");
            }
        }
    }

    /**
     * @param index the view's position
     * @return its array name, {@code view.<index>}
     */
    public static String viewName(int index) {
        return VIEW_PREFIX + index;
    }

    /** @return the views, in order */
    public List<RecipeArray> views() {
        return arrays.stream().filter(a -> a.name().startsWith(VIEW_PREFIX)).toList();
    }

    /**
     * @param name an array name, e.g. {@code view.0} or {@link RecipeArray#MASK}
     * @return the array of that name, if the draw has one
     */
    public Optional<RecipeArray> array(String name) {
        return arrays.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
