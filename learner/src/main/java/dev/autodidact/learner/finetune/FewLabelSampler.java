package dev.autodidact.learner.finetune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Draws N examples per class with a fixed seed: the same labeled subset for the pretrained and the scratch run. */
public final class FewLabelSampler {
    private FewLabelSampler() {}

    /** Indices into {@code labels}, N per class (fewer when a class has fewer), sorted. */
    public static int[] sample(int[] labels, int numClasses, int perClass, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random rng = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, rng);
            chosen.addAll(members.subList(0, Math.min(perClass, members.size())));
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
