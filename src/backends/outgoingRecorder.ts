/**
 * What a backend client reports about each call it makes, for the operational metrics'
 * outgoing transactions. Backends only report; who the call was made for (the request's
 * tenant and subservice) is the recorder's business, so backends stay free of HTTP-server
 * concerns.
 */
export interface OutgoingOutcome {
  /** Bytes of what was sent: the body, or for a GET the request target (path and query). */
  requestBytes: number;
  /** Bytes of the response body received; 0 when none arrived. */
  responseBytes: number;
  /** True when the call failed: no answer, a timeout, or an error answer. */
  error: boolean;
}

export interface OutgoingRecorder {
  /** Called once per call, after it ended. Must not throw, and must not wait for anything. */
  record(outcome: OutgoingOutcome): void;
}
