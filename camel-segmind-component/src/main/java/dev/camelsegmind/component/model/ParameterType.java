package dev.camelsegmind.component.model;

/** How a model parameter's value is checked before it is sent. */
public enum ParameterType {
    /** Free text, or one of a fixed set of words when the spec lists allowed values. */
    STRING,
    /** An input file: an http(s) URL, a {@code data:<mime>;base64,} URI or bare base64. */
    URI,
    /** A whole number; a numeric string is accepted because headers arrive as text. */
    INTEGER,
    /** {@code true} or {@code false}, as a Boolean or as text. */
    BOOLEAN
}
