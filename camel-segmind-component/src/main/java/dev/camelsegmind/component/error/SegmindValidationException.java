package dev.camelsegmind.component.error;

/**
 * The message or the endpoint's options are not valid for the model. Raised before any HTTP call, so nothing was
 * sent and nothing billed. Names the option (and header) to change and what is allowed.
 */
public class SegmindValidationException extends SegmindException {

    private final String option;

    public SegmindValidationException(String message, String option, String model) {
        super(message, 0, null, null, model);
        this.option = option;
    }

    /** The option (or parameter) at fault. */
    public String getOption() {
        return option;
    }
}
