package dev.camelsegmind.examples.folderwatch;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsegmind.component.model.MediaTypes;
import dev.camelsegmind.component.model.SegmindMedia;
import org.apache.camel.Exchange;

/**
 * Names results after their input: {@code sunset.txt} gives {@code sunset.png}, {@code lake.png} gives
 * {@code lake.mp4}, with the extension of the media the model returned. An image set gives {@code city-1.png},
 * {@code city-2.png}...; a model that answers with text or JSON instead of media gives {@code <name>.output.json}.
 */
final class OutputNames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputNames() {
    }

    /** The names of every output in the body, in order. */
    static List<String> namesFor(String inputName, Object body) {
        List<?> items = body instanceof List<?> list ? list : List.of(body);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            names.add(nameFor(inputName, i, items.size(), items.get(i)));
        }
        return names;
    }

    /** Inside the split over the outputs: names this one and makes a non-media answer writable. */
    static void nameSplitPart(Exchange part) throws JsonProcessingException {
        int index = part.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class);
        int size = part.getProperty(Exchange.SPLIT_SIZE, 1, Integer.class);
        Object item = part.getMessage().getBody();
        part.getMessage().setHeader(Exchange.FILE_NAME,
                nameFor(part.getProperty(ExchangeKeys.INPUT, String.class), index, size, item));
        if (!(item instanceof SegmindMedia) && !(item instanceof String)) {
            part.getMessage().setBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(item));
        }
    }

    private static String nameFor(String inputName, int index, int count, Object item) {
        String suffix = count == 1 ? "" : "-" + (index + 1);
        return InboxFiles.baseName(inputName) + suffix + "." + extensionOf(item);
    }

    private static String extensionOf(Object item) {
        if (item instanceof SegmindMedia media) {
            String fromName = media.getFileName() == null ? "" : InboxFiles.extension(media.getFileName());
            return fromName.isEmpty() ? MediaTypes.extensionFor(media.getContentType()) : fromName;
        }
        return "output.json";
    }
}
