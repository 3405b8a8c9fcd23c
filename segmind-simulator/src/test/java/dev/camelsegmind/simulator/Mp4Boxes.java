package dev.camelsegmind.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A minimal ISO BMFF reader for tests: walks boxes by their headers, nothing more. */
final class Mp4Boxes {

    /** Boxes whose payload is only child boxes. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl");

    record Box(String type, int offset, int size, int headerSize) {
        int payload() {
            return offset + headerSize;
        }

        int end() {
            return offset + size;
        }
    }

    private final byte[] file;
    final ByteBuffer buffer;

    Mp4Boxes(byte[] file) {
        this.file = file;
        this.buffer = ByteBuffer.wrap(file);
    }

    List<Box> topLevel() {
        return children(0, file.length);
    }

    List<Box> children(int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new AssertionError("trailing " + (to - at) + " bytes at " + at);
            }
            long size = Integer.toUnsignedLong(buffer.getInt(at));
            int header = 8;
            if (size == 1) {
                size = buffer.getLong(at + 8);
                header = 16;
            }
            if (size < header || at + size > to) {
                throw new AssertionError("box at " + at + " of size " + size + " overruns its parent ending at " + to);
            }
            boxes.add(new Box(new String(file, at + 4, 4, StandardCharsets.US_ASCII), at, (int) size, header));
            at += (int) size;
        }
        return boxes;
    }

    /** The one box at a path of types such as "moov/trak/mdia/mdhd", descending through containers. */
    Box find(String path) {
        List<Box> level = topLevel();
        Box found = null;
        for (String type : path.split("/")) {
            found = level.stream().filter(b -> b.type().equals(type)).reduce((a, b) -> {
                throw new AssertionError("more than one " + type);
            }).orElseThrow(() -> new AssertionError("no " + type + " in " + path));
            level = CONTAINERS.contains(type) ? children(found.payload(), found.end()) : List.of();
        }
        return found;
    }

    String fourcc(int at) {
        return new String(file, at, 4, StandardCharsets.US_ASCII);
    }

    int u32(int at) {
        return buffer.getInt(at);
    }

    int u16(int at) {
        return buffer.getShort(at) & 0xFFFF;
    }

    int u8(int at) {
        return file[at] & 0xFF;
    }
}
