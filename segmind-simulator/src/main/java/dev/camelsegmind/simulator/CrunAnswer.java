package dev.camelsegmind.simulator;

/**
 * A crun route's reply and whether it succeeded. With errors in HTTP 200 the status cannot tell, and faults that
 * spoil only successful answers (a drop after accept, a truncation) must not act on a refused request.
 */
record CrunAnswer(Reply reply, boolean ok) {

    static CrunAnswer success(Reply reply) {
        return new CrunAnswer(reply, true);
    }

    static CrunAnswer error(Reply reply) {
        return new CrunAnswer(reply, false);
    }
}
