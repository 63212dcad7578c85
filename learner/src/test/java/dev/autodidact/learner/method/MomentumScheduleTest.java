package dev.autodidact.learner.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentumScheduleTest {
    @Test
    void shouldRiseFromBaseToOneAlongACosineAndStayThere() {
        MomentumSchedule s = new MomentumSchedule(0.99, 1000);
        assertThat(s.at(0)).isCloseTo(0.99, within(1e-12));
        assertThat(s.at(500)).isCloseTo(0.995, within(1e-12));
        assertThat(s.at(250)).isCloseTo(1 - 0.01 * (Math.cos(Math.PI / 4) + 1) / 2, within(1e-12));
        assertThat(s.at(1000)).isCloseTo(1.0, within(1e-12));
        assertThat(s.at(5000)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldStayConstantWithoutAHorizonAndRejectMomentaOutsideTheUnitInterval() {
        assertThat(MomentumSchedule.constant(0.9).at(123_456)).isEqualTo(0.9);
        assertThat(new MomentumSchedule(0.996, 0).at(10)).isEqualTo(0.996);
        assertThatThrownBy(() -> new MomentumSchedule(1.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MomentumSchedule(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWarmTheDinoTeacherTemperatureUpLinearlyWithTheStep() {
        DinoMethod.Settings s =
                new DinoMethod.Settings(8, 4, 16, 2, 0.1f, 0.04f, 0.07f, 30, 0.9, MomentumSchedule.constant(0.99));
        assertThat(s.teacherTemperatureAt(0)).isCloseTo(0.04f, within(1e-7f));
        assertThat(s.teacherTemperatureAt(15)).isCloseTo(0.055f, within(1e-6f));
        assertThat(s.teacherTemperatureAt(30)).isCloseTo(0.07f, within(1e-7f));
        assertThat(s.teacherTemperatureAt(10_000)).isCloseTo(0.07f, within(1e-7f));
    }
}
