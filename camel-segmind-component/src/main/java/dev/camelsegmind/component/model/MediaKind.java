package dev.camelsegmind.component.model;

/** What a model produces; decides the polling cadence and deadline Segmind recommends. */
public enum MediaKind {
    IMAGE,
    VIDEO
}
