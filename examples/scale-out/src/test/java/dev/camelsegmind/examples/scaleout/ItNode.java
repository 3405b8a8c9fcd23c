package dev.camelsegmind.examples.scaleout;

import java.lang.reflect.Method;

import dev.camelsegmind.component.SegmindComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * {@link ScaleOutNode} as the kill test runs it: the same application, whose request budget counts the simulator's
 * faster "minute" ({@code -Dit.rate-limit-window-ms}) instead of a real one. The simulator runs ten times faster than
 * Segmind, its rate window included; the budget's window is not a user option, so the test sets it the way the
 * component's own fast-clock tests do.
 */
public final class ItNode {

    private ItNode() {
    }

    public static void main(String[] args) throws Exception {
        Main main = ScaleOutNode.newMain();
        long window = Long.getLong("it.rate-limit-window-ms", 0);
        if (window > 0) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport m) {
                    try {
                        SegmindComponent segmind = m.getCamelContext().getComponent("segmind", SegmindComponent.class);
                        Method set = SegmindComponent.class.getDeclaredMethod("setRateLimitWindowMillis", long.class);
                        set.setAccessible(true);
                        set.invoke(segmind, window);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        main.run(args);
    }
}
