package dev.camelsegmind.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gatekeeper in front of every route, in the order a gateway applies them: path, method,
 * key, rate limit, injected faults, then the route's own handler.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final SimulatorContext ctx;
    private final ReplySender sender;
    private final Map<Route, RouteHandler> handlers = new EnumMap<>(Route.class);
    private final RouteHandler admin;
    private final CrunGate crun;
    private final CrunAdmin crunAdmin;

    Dispatcher(SimulatorContext ctx, ReplySender sender, Runnable reset) {
        this.ctx = ctx;
        this.sender = sender;
        JobBodies bodies = new JobBodies(ctx);
        JobIntake intake = new JobIntake(ctx);
        JobQueryHandler query = new JobQueryHandler(ctx, bodies);
        handlers.put(Route.SUBMIT, new SubmitHandler(intake, bodies));
        handlers.put(Route.STATUS, query);
        handlers.put(Route.RESULT, query);
        handlers.put(Route.POLL_V1, query);
        handlers.put(Route.SYNC, new SyncHandler(ctx, intake));
        handlers.put(Route.MEDIA, new MediaHandler(ctx));
        handlers.put(Route.UPLOAD, new UploadHandler(ctx));
        handlers.put(Route.ASSET, new AssetHandler(ctx));
        handlers.put(Route.CREDITS, new CreditsHandler(ctx));
        this.admin = new AdminHandler(ctx, reset);
        this.crun = new CrunGate(ctx);
        this.crunAdmin = new CrunAdmin(ctx.crun());
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call call = new Call(exchange, PathRouter.match(exchange.getRequestURI().getRawPath()), ctx.clock().instant());
        Reply reply;
        try {
            reply = process(call);
        } catch (IOException e) {
            LOG.debug("{} {}: request not read: {}", call.method(), call.path(), e.toString());
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.warn("Simulator failed on {} {}", call.method(), call.path(), e);
            reply = Replies.internalError();
        }
        sender.send(call, reply);
    }

    private Reply process(Call call) throws IOException {
        RouteMatch match = call.match();
        if (!call.readBody(MAX_BODY)) {
            return Replies.tooLarge(MAX_BODY);
        }
        if (!match.known()) {
            return Replies.notFound();
        }
        if (!match.allows(call.method())) {
            return Replies.methodNotAllowed(match.methods());
        }
        if (match.admin() != null) {
            return CrunAdmin.serves(match.admin()) ? crunAdmin.handle(call) : admin.handle(call);
        }
        Route route = match.route();
        if (CrunGate.serves(route)) {
            return crun.process(call);
        }
        identifyJob(call);
        if (route.keyed()) {
            ApiKeys.Check check = ctx.keys().check(call.exchange().getRequestHeaders());
            if (check.verdict() != ApiKeys.Verdict.ACCEPTED) {
                return Replies.unauthorized(check.verdict());
            }
            call.apiKey(check.key());
        }
        if (route.rateLimited()) {
            RateLimiter.Decision decision = ctx.limits().tryAcquire(call.apiKey(), call.receivedAt());
            if (!decision.allowed()) {
                return Replies.rateLimited(call.receivedAt().plus(decision.retryAfter()));
            }
        }
        Optional<Fault> before = ctx.faults().apply(call, Fault.BEFORE);
        if (before.isPresent()) {
            call.fault(before.get());
            return FaultReplies.instead(before.get(), call);
        }
        Reply reply = handlers.get(route).handle(call);
        if (call.fault() == null && !reply.dropped()) {
            ctx.faults().apply(call, reply.success() ? Fault.AFTER : Fault.AFTER_ERROR)
                    .ifPresent(call::fault);
        }
        return FaultReplies.after(call, reply, ctx.baseUrl());
    }

    /** Job and media routes name a request id, not a model; the job knows its model, which faults may target. */
    private void identifyJob(Call call) {
        if (call.route() == Route.MEDIA) {
            call.requestId(MediaNames.requestIdOf(call.match().fileName()));
        }
        if (call.model() == null && call.requestId() != null) {
            ctx.jobs().find(call.requestId()).ifPresent(job -> call.model(job.model()));
        }
    }
}
