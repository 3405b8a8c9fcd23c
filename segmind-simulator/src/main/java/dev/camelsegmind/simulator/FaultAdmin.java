package dev.camelsegmind.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * {@code /_sim/faults}: the {@link Faults} of a simulator running in another process. POST adds
 * one fault described as JSON (see {@link FaultJson}) and answers 201 with it and its id; GET
 * lists those in force; DELETE removes them all, and {@code DELETE /_sim/faults/{id}} one.
 */
final class FaultAdmin {

    private final Faults faults;

    FaultAdmin(Faults faults) {
        this.faults = faults;
    }

    Reply handle(Call call) {
        if (call.match().adminId() != null) {
            return remove(call.match().adminId());
        }
        switch (call.method()) {
            case "POST":
                return add(call.body());
            case "DELETE":
                return Reply.json(200, Json.object().put("removed", faults.clear()));
            default:
                ArrayNode list = Json.MAPPER.createArrayNode();
                faults.list().forEach(fault -> list.add(FaultJson.render(fault)));
                return Reply.json(200, list);
        }
    }

    private Reply add(byte[] body) {
        Fault fault;
        try {
            fault = FaultJson.parse(body);
        } catch (FaultJson.Invalid e) {
            ObjectNode error = Json.object().put("error", e.getMessage());
            if (e.field() != null) {
                error.put("field", e.field());
            }
            return Reply.json(400, error);
        }
        faults.add(fault);
        return Reply.json(201, FaultJson.render(fault));
    }

    private Reply remove(String id) {
        Optional<Fault> removed = Optional.empty();
        try {
            removed = faults.remove(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            // no fault has it, so the answer is the same 404
        }
        return removed.map(fault -> Reply.json(200, FaultJson.render(fault)))
                .orElseGet(() -> Replies.error(404, "No fault with id " + id));
    }
}
