/** JUnit 5 support: {@link dev.camelsegmind.simulator.junit.SegmindSimulatorExtension}. Needs junit-jupiter-api on the test classpath. */
package dev.camelsegmind.simulator.junit;
