package dev.camelsegmind.examples.folderwatch;

import java.util.Locale;

/** What a file in the inbox asks for, by its extension. */
enum InputKind {

    /** {@code *.txt}: the text is the prompt of an image. */
    PROMPT,
    /** {@code *.json}: a whole request, {@code {"model": "<slug>", ...parameters}}. */
    REQUEST,
    /** {@code *.png}, {@code *.jpg}, {@code *.jpeg}: a picture to animate, with an optional same-named prompt. */
    IMAGE;

    /** The kind of the file, or null for files the example leaves alone. */
    static InputKind of(String fileName) {
        String ext = InboxFiles.extension(fileName).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "txt":
                return PROMPT;
            case "json":
                return REQUEST;
            case "png":
            case "jpg":
            case "jpeg":
                return IMAGE;
            default:
                return null;
        }
    }
}
