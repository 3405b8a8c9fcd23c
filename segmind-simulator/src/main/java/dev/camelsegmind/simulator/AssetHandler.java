package dev.camelsegmind.simulator;

/** {@code GET /assets/...}: uploaded files, public so that a model given the URL could fetch them. */
final class AssetHandler implements RouteHandler {

    private final SimulatorContext ctx;

    AssetHandler(SimulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Reply handle(Call call) {
        return ctx.assets().get(call.match().fileName()).map(Reply::media).orElseGet(Replies::notFound);
    }
}
