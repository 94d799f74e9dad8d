/**
 * A usage record: one request served by Almanac, with the OpenDataDSL reference's fields
 * (`_id` is `id`). Written off the request path by the usage recorder (usageRecorder.ts).
 */
export type UsageAction = 'read' | 'write' | 'delete';

export interface UsageRecord {
  id: string;
  tenant: string;
  action: UsageAction;
  application: string;
  detail: string;
  /** Milliseconds. */
  duration: number;
  environment: string | null;
  httpstatus: number;
  invocationId: string;
  method: string;
  responseSize: number;
  service: string;
  /** Unix milliseconds. */
  timestamp: number;
  type: 'api';
  user: string;
  value: number;
}
