package dev.kubereplay.server.replay.responder;

/** What answers the requests that reach the mocks: the recording, in the end. */
@FunctionalInterface
public interface Answers {

  /** The answer to a request; called on one of the listener's own threads, may block. */
  MockAnswer answer(MockRequest request);
}
