package ipc.grader.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The lecture concept behind a graded check, in the student's terms. It is added to the check's
 * failure message, unless the failure already carries a more specific hint of its own.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Hint {

    String value();
}
