/**
 * A loopback stand-in for Segmind's serverless API, for tests, examples and benchmarks.
 *
 * <p>Start one with {@link dev.camelsegmind.simulator.SegmindSimulator#builder()}, shape models
 * with {@link dev.camelsegmind.simulator.SegmindSimulator#model(String)}, inject misbehaviour with
 * {@link dev.camelsegmind.simulator.Fault} and check what the client did in the
 * {@link dev.camelsegmind.simulator.Journal}. crun.ai's task API, the second provider, is shaped through
 * {@link dev.camelsegmind.simulator.Crun} ({@code sim.crun()}), its callbacks through
 * {@link dev.camelsegmind.simulator.CallbackFault}. Everything not public here is an implementation
 * detail: the HTTP plumbing ({@code Dispatcher}, {@code ReplySender}), the job clock
 * ({@code Job}, {@code JobStore}) and the media generators ({@code MediaLibrary} and the padding
 * classes).
 */
package dev.camelsegmind.simulator;
