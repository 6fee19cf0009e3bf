package ipc.grader.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hidden graded check, or a suite of them: graded in instructor runs, never exported to the
 * student repository, and reported with the given visibility. Hidden suites live in
 * {@code grader/src/hidden/java}, which the export leaves out, so a student cannot read them.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Hidden {

    /** When the student sees the check's result. */
    Visibility value() default Visibility.AFTER_DUE_DATE;
}
