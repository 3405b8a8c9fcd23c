package dev.camelsegmind.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reference text a test checks the simulator against: a file under
 * {@code src/test/resources/reference/} and a quote from it. {@link ReferenceCitationsTest} fails
 * when a quote is not in its file (whitespace aside), so a rule cannot cite text that says
 * something else, and a change to the reference shows which tests to revisit. Public only because
 * JUnit reads repeated annotations through a proxy that needs access.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Reference.List.class)
public @interface Reference {

    /** File name under {@code reference/}, e.g. {@code segmind-api.md} or {@code segmind-wan2.7-i2v.txt}. */
    String source();

    /** Words copied from that file. */
    String quote();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface List {
        Reference[] value();
    }
}
