/**
 * Counts the calls Almanac makes to its backends as outgoing transactions of the request that
 * caused them. Backends report each call (OutgoingRecorder); the request's scope comes from the
 * AsyncLocalStorage the authentication hook runs every scoped request in. A call made outside
 * any scoped request — a /readyz probe, start-up work — is not counted, as the Perseo reference
 * ignores requests with no valid service.
 *
 * The rule: recording never delays or fails the call it reports. The write is started and left
 * to finish on its own; a failure is logged, never thrown.
 */
import type { Logger } from 'pino';
import type { OutgoingOutcome, OutgoingRecorder } from '../backends/outgoingRecorder.js';
import type { OperationalMetricsService } from '../services/operationalMetricsService.js';
import { currentScope } from './requestScope.js';

export class OutgoingTransactionRecorder implements OutgoingRecorder {
  private metrics: OperationalMetricsService | null = null;

  constructor(private readonly logger: Logger) {}

  /**
   * Starts counting into `metrics`. Separate from the constructor because the counters live
   * in the store, which is opened from the very backends this recorder is given to.
   */
  countInto(metrics: OperationalMetricsService): void {
    this.metrics = metrics;
  }

  record({ requestBytes, responseBytes, error }: OutgoingOutcome): void {
    const scope = currentScope();
    if (!scope || !this.metrics) return;
    const amounts = {
      outgoingTransactions: 1,
      outgoingTransactionRequestSize: requestBytes,
      outgoingTransactionResponseSize: responseBytes,
      outgoingTransactionErrors: error ? 1 : 0,
    };
    this.metrics.recordMany(scope, amounts).catch((failure: unknown) => {
      this.logger.error(
        { err: failure, tenant: scope.tenant, subservice: scope.subservice },
        'operational metrics: outgoing transaction not counted',
      );
    });
  }
}
