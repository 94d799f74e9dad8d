/**
 * The answer to a request the HTTP layer refuses before a route or GraphQL has it: a body of an
 * unsupported media type (415), a body that is not JSON (400, from jsonBodyParser.ts) or broken
 * off, one past `limits.maxBodyBytes` (413), headers past Node's header size (431), a request
 * too slow to arrive (408). Every one is answered in the one error shape of Almanac
 * (limits/limitResponse.ts) — on `/graphql` as on `/v1/...` — with a stable code from
 * src/errors.ts, never in Fastify's own body.
 *
 * The rule: a refusal is the client's bad input, not an internal error, so it is answered and
 * not logged beyond the request line; only an error that is none of these (a bug) is answered
 * "Internal server error" and logged with its stack and the request id.
 *
 * The error handler is set on the root context, so every route family inherits it. What comes
 * before routing is answered through Fastify's options (`httpRefusalOptions`): a URL the router
 * cannot decode (`frameworkErrors`), and what Node's HTTP parser refuses before Fastify makes a
 * request of it — oversized headers, unparsable requests (`clientErrorHandler`), answered with
 * a request id of their own.
 */
import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { AlmanacError, httpStatusOf, type ErrorCode } from '../errors.js';
import { sendError } from './hooks/authenticationHook.js';
import { limitResponse } from './limits/limitResponse.js';

interface Refusal {
  code: ErrorCode;
  message: string;
  facts?: Record<string, unknown>;
}

/** A content type is echoed bounded: it is the client's text. */
const MAX_ECHOED = 100;

function mediaTypeOf(request: FastifyRequest): string {
  const given = request.headers['content-type'] ?? '';
  const mediaType = (given.split(';')[0] ?? '').trim();
  return mediaType.length > MAX_ECHOED ? `${mediaType.slice(0, MAX_ECHOED)}…` : mediaType;
}

/** Fastify's refusals of a request's body, by their code; null for an error that is none. */
function refusalOf(error: FastifyError, request: FastifyRequest, maxBodyBytes: number): Refusal | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        code: 'PAYLOAD_TOO_LARGE',
        message: `Request body exceeds the limit of ${maxBodyBytes} bytes (limits.maxBodyBytes).`,
        facts: { limit: 'maxBodyBytes', max: maxBodyBytes },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const mediaType = mediaTypeOf(request);
      return {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: mediaType
          ? `Content-Type "${mediaType}" is not supported: send the body as application/json.`
          : 'Request has a body but no Content-Type: send the body as application/json.',
      };
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'BAD_REQUEST', message: 'Request body size does not match its Content-Length header.' };
    case 'FST_ERR_BAD_URL':
      return { code: 'BAD_REQUEST', message: 'Request URL has a malformed percent-encoding in its path.' };
    default:
      // Fastify's other refusals of a malformed request (and a body stream the client broke
      // off, which Fastify marks 400) are still the client's; their texts may echo the
      // request unbounded, so the answer says only that.
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return { code: 'BAD_REQUEST', message: 'Malformed request.' };
      }
      return null;
  }
}

type ErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply;

function errorHandler(maxBodyBytes: number): ErrorHandler {
  return (error, request, reply) => {
    if (error instanceof AlmanacError) return sendError(request, reply, error);
    const refusal = refusalOf(error, request, maxBodyBytes);
    if (refusal) {
      return reply
        .code(httpStatusOf[refusal.code])
        .send(limitResponse(request, refusal.message, refusal.code, refusal.facts ?? {}));
    }
    request.log.error({ err: error }, 'internal error in HTTP request');
    return reply.code(500).send(limitResponse(request, 'Internal server error', 'INTERNAL_SERVER_ERROR', {}));
  };
}

/** The error handler of the root context, inherited by every route family. */
export function registerHttpRefusals(app: FastifyInstance, maxBodyBytes: number): void {
  app.setErrorHandler(errorHandler(maxBodyBytes));
}

/** Fastify's options for what is refused before routing: spread into `Fastify({ ... })`. */
export function httpRefusalOptions(
  maxBodyBytes: number,
): Required<Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'>> {
  const answer = errorHandler(maxBodyBytes);
  return {
    // A URL the router cannot decode: no hook has run, so the id header is set here.
    frameworkErrors: (error, request, reply) => answer(error, request, reply.header('x-request-id', request.id)),
    clientErrorHandler,
  };
}

/** Node's parser errors, met before there is a request. */
function clientRefusalOf(error: NodeJS.ErrnoException): Refusal {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        code: 'REQUEST_HEADERS_TOO_LARGE',
        message: `Request line and headers exceed the limit of ${maxHeaderSize} bytes.`,
        facts: { max: maxHeaderSize },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time.' };
    default:
      return { code: 'BAD_REQUEST', message: 'Malformed HTTP request.' };
  }
}

/** Fastify's `clientErrorHandler`: answers on the socket, as Fastify's default does, and closes it. */
function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const id = randomUUID();
  const { code, message, facts } = clientRefusalOf(error);
  const status = httpStatusOf[code];
  this.log.info({ reqId: id, status, code }, 'request refused by the HTTP parser');
  if (socket.writable) {
    const body = JSON.stringify(limitResponse({ id }, message, code, facts ?? {}));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${id}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
