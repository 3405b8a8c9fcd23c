package dev.camelsegmind.simulator;

/**
 * How the crun routes report an error. crun's reference gives every answer a {@code code} in the body and warns
 * that it "can differ from the HTTP status: check both"; which of the two carries an error is not documented, so
 * the simulator serves either, and a client should survive both.
 */
public enum CrunErrorStyle {

    /**
     * The default: every answer is HTTP 200 and the body's {@code code} says what happened
     * ({@code 200 {"code": 402, "message": "Insufficient credits ..."}}), the reading of "the body's code can
     * differ from the HTTP status" that a client is most likely to get wrong.
     */
    BODY_CODE,

    /** The HTTP status equals the body's {@code code} ({@code 402 {"code": 402, ...}}). */
    HTTP_STATUS
}
