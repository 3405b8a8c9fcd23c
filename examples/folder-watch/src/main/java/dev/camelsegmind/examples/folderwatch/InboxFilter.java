package dev.camelsegmind.examples.folderwatch;

import java.io.File;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Lets the file consumer pick up prompts, requests and pictures only, and skips a {@code .txt} that is the prompt
 * of a picture beside it: that text travels with the picture's job instead of becoming an image job of its own.
 */
final class InboxFilter implements GenericFileFilter<File> {

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        InputKind kind = InputKind.of(file.getFileNameOnly());
        if (kind == null) {
            return false;
        }
        return kind != InputKind.PROMPT || !InboxFiles.isPromptOfImage(file.getFile().toPath());
    }
}
