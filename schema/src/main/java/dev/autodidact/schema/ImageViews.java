package dev.autodidact.schema;

import java.util.List;

/**
 * A training example made of augmented views of one clean image: two views for SimCLR/BYOL/MoCo, several views of
 * mixed resolutions for multi-crop methods. Views of one record travel together so the learner never pairs views of
 * different images by mistake.
 */
public record ImageViews(List<CleanImage> views) {
    public ImageViews {
        if (views.isEmpty()) {
            throw new IllegalArgumentException("An example needs at least one view");
        }
        views = List.copyOf(views);
    }

    public CleanImage view(int i) {
        return views.get(i);
    }

    public int size() {
        return views.size();
    }
}
