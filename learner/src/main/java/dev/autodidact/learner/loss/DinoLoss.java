package dev.autodidact.learner.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * DINO's self-distillation loss (Caron et al., "Emerging Properties in Self-Supervised Vision Transformers", ICCV
 * 2021, eq. 1 and 3, algorithm 1). The teacher's outputs {@code g_t} for the global views are centred and sharpened,
 * {@code P_t = softmax((g_t - c) / tau_t)}; the student's outputs for every view give
 * {@code log P_s = log_softmax(g_s / tau_s)}; the loss is the cross-entropy {@code H(P_t, P_s) = -sum_k P_t,k log P_s,k}
 * averaged over the batch and over every pair (teacher global view {@code t}, student view {@code s}) with
 * {@code s != t}: {@code 2 (V - 1)} pairs for 2 global and {@code V - 2} local views. Teacher outputs and the centre are
 * constants. The centre itself is an EMA of the teacher's batch mean, updated by the method after the step (eq. 4).
 */
public final class DinoLoss {
    private DinoLoss() {}

    /**
     * @param student student outputs per view, each (N, K); views 0 and 1 are the global views
     * @param teacher teacher outputs for the global views 0 and 1, each (N, K); not differentiated
     * @param center the centre c, shape (1, K) or (K); not differentiated
     * @param studentTemperature tau_s
     * @param teacherTemperature tau_t
     * @return the scalar mean cross-entropy over all pairs
     */
    public static NDArray compute(
            NDList student, NDList teacher, NDArray center, float studentTemperature, float teacherTemperature) {
        if (teacher.isEmpty() || student.size() < 2 || teacher.size() > student.size()) {
            throw new IllegalArgumentException("DINO needs at least 2 student views and 1 to " + student.size()
                    + " teacher views, got " + student.size() + " and " + teacher.size());
        }
        Losses.checkPositive("Student temperature", studentTemperature);
        Losses.checkPositive("Teacher temperature", teacherTemperature);
        for (NDArray s : student) {
            Losses.checkPair("DINO", s, teacher.get(0));
        }
        for (NDArray t : teacher) {
            Losses.checkPair("DINO", t, teacher.get(0));
        }
        NDArray c = Losses.constant(center, student.get(0));
        NDList logStudent = new NDList(student.size());
        for (NDArray s : student) {
            logStudent.add(s.div(studentTemperature).logSoftmax(1));
        }
        NDArray total = null;
        int pairs = 0;
        for (int t = 0; t < teacher.size(); t++) {
            NDArray target =
                    teacher.get(t).stopGradient().sub(c).div(teacherTemperature).softmax(1);
            for (int s = 0; s < student.size(); s++) {
                if (s == t) {
                    continue;
                }
                NDArray term =
                        target.mul(logStudent.get(s)).sum(new int[] {1}).mean().neg();
                total = total == null ? term : total.add(term);
                pairs++;
            }
        }
        return total.div(pairs);
    }
}
