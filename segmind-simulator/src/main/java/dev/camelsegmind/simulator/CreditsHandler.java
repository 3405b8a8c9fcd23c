package dev.camelsegmind.simulator;

/** {@code GET /v1/get-user-credits}: the caller's own balance; free, so it bills nothing. */
final class CreditsHandler implements RouteHandler {

    private final SimulatorContext ctx;

    CreditsHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply handle(Call call) {
        return Reply.json(200, Json.object().put("credits", ctx.credits().balance(call.apiKey())));
    }
}
