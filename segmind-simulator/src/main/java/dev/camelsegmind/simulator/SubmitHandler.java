package dev.camelsegmind.simulator;

/** {@code POST /v2/{slug}}: accept, bill, and hand back the URLs to poll. */
final class SubmitHandler implements RouteHandler {

    private final JobIntake intake;
    private final JobBodies bodies;

    SubmitHandler(JobIntake intake, JobBodies bodies) {
        this.intake = intake;
        this.bodies = bodies;
    }

    @Override
    public Reply handle(Call call) {
        JobIntake.Outcome outcome = intake.accept(call, false);
        if (outcome.rejection() != null) {
            return outcome.rejection();
        }
        return Reply.json(200, bodies.submitted(outcome.job()));
    }
}
