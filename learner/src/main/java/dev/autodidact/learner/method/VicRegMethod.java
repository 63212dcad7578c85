package dev.autodidact.learner.method;

import ai.djl.ndarray.NDManager;
import dev.autodidact.learner.loss.VicRegLoss;
import dev.autodidact.learner.modality.EncoderArchitecture;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * VICReg (Bardes, Ponce and LeCun, ICLR 2022): the two views' embeddings from a three-layer expander are pulled
 * together (invariance) while each branch keeps every dimension's standard deviation above 1 (variance) and its
 * dimensions decorrelated (covariance), see {@link VicRegLoss}.
 */
public final class VicRegMethod extends RedundancyReductionMethod {
    public static final String NAME = "vicreg";
    public static final String INVARIANCE_CONFIG = "vicreg.invariance";
    public static final String VARIANCE_CONFIG = "vicreg.variance";
    public static final String COVARIANCE_CONFIG = "vicreg.covariance";
    public static final String PROJECTION_DIM_CONFIG = "vicreg.projection.dim";

    public static final MethodSpec SPEC = new MethodSpec(
            NAME,
            Recipe.CONTRASTIVE,
            def -> def.define(
                            INVARIANCE_CONFIG,
                            Type.DOUBLE,
                            25.0,
                            Range.atLeast(0),
                            Importance.MEDIUM,
                            "VICReg invariance coefficient lambda.")
                    .define(
                            VARIANCE_CONFIG,
                            Type.DOUBLE,
                            25.0,
                            Range.atLeast(0),
                            Importance.MEDIUM,
                            "VICReg variance coefficient mu.")
                    .define(
                            COVARIANCE_CONFIG,
                            Type.DOUBLE,
                            1.0,
                            Range.atLeast(0),
                            Importance.MEDIUM,
                            "VICReg covariance coefficient nu.")
                    .define(
                            PROJECTION_DIM_CONFIG,
                            Type.INT,
                            512,
                            Range.between(2, 65536),
                            Importance.LOW,
                            "VICReg expander width (the paper: 8192)."),
            ctx -> new VicRegMethod(
                    ctx.manager(),
                    ctx.encoder(),
                    new Settings(
                            ctx.settings().getInt(PROJECTION_DIM_CONFIG), ctx.floatOf(INVARIANCE_CONFIG),
                            ctx.floatOf(VARIANCE_CONFIG), ctx.floatOf(COVARIANCE_CONFIG))));

    /**
     * @param expanderDim width of every expander layer (the paper: 8192)
     * @param invariance lambda (the paper: 25)
     * @param variance mu (the paper: 25)
     * @param covariance nu (the paper: 1)
     */
    public record Settings(int expanderDim, float invariance, float variance, float covariance) {}

    private final Settings settings;

    public VicRegMethod(NDManager manager, EncoderArchitecture architecture, Settings settings) {
        super(
                NAME,
                manager,
                architecture,
                settings.expanderDim(),
                (a, b) -> VicRegLoss.compute(a, b, settings.invariance(), settings.variance(), settings.covariance()));
        this.settings = settings;
    }

    @Override
    Map<String, String> settings() {
        return Map.of(
                PROJECTION_DIM_CONFIG,
                Integer.toString(settings.expanderDim()),
                INVARIANCE_CONFIG,
                Float.toString(settings.invariance()),
                VARIANCE_CONFIG,
                Float.toString(settings.variance()),
                COVARIANCE_CONFIG,
                Float.toString(settings.covariance()));
    }
}
