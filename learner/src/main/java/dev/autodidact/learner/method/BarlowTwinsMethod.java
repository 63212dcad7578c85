package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.loss.BarlowTwinsLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Barlow Twins (Zbontar et al., ICML 2021): the cross-correlation of the two views' standardised embeddings, from a
 * three-layer expander, is driven towards the identity ({@link BarlowTwinsLoss}, trade-off {@code lambda}).
 */
public final class BarlowTwinsMethod extends RedundancyReductionMethod {
    public static final String NAME = "barlow_twins";
    public static final String LAMBDA_CONFIG = "barlow.lambda";
    private static final String LAMBDA_DOC = "Barlow Twins weight of the off-diagonal (redundancy) term.";
    public static final String PROJECTION_DIM_CONFIG = "barlow.projection.dim";
    private static final String PROJECTION_DIM_DOC = "Barlow Twins expander width (the paper: 8192).";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            Recipe.CONTRASTIVE,
            def -> def.define(LAMBDA_CONFIG, Type.DOUBLE, 5e-3, Range.atLeast(0), Importance.MEDIUM, LAMBDA_DOC)
                    .define(
                            PROJECTION_DIM_CONFIG,
                            Type.INT,
                            512,
                            Range.between(2, 65536),
                            Importance.LOW,
                            PROJECTION_DIM_DOC),
            ctx -> new BarlowTwinsMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    ctx.settings().getInt(PROJECTION_DIM_CONFIG),
                    ctx.floatOf(LAMBDA_CONFIG)));

    private final int expanderDim;
    private final float lambda;

    /**
     * @param expanderDim width of every expander layer (the paper: 8192)
     * @param lambda weight of the off-diagonal term (the paper: 5e-3)
     */
    public BarlowTwinsMethod(NDManager manager, EncoderArchitecture architecture, int expanderDim, float lambda) {
        super(NAME, manager, architecture, expanderDim, (a, b) -> BarlowTwinsLoss.compute(a, b, lambda));
        this.expanderDim = expanderDim;
        this.lambda = lambda;
    }

    @Override
    Map<String, String> settings() {
        return Map.of(PROJECTION_DIM_CONFIG, Integer.toString(expanderDim), LAMBDA_CONFIG, Float.toString(lambda));
    }
}
