package ipc.grader.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class as a graded suite of one exercise of the catalogue. Its test methods carry
 * {@link Points} and may take a {@link Lab} parameter, through which they start the submission's
 * programs and talk to them.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GradingExtension.class)
public @interface GradedExercise {

    /** The exercise id, as in the catalogue: {@code echo}, {@code tcp-ping-pong}, ... */
    String value();
}
