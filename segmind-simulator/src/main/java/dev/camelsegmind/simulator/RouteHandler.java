package dev.camelsegmind.simulator;

import java.io.IOException;

/** Turns one call on one route into the reply the real API would give. */
interface RouteHandler {

    Reply handle(Call call) throws IOException;
}
