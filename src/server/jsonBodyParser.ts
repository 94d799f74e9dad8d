/**
 * The `application/json` body parser of every route: Fastify's own (secure-json-parse, which
 * also refuses `__proto__` and `constructor.prototype` keys), with a refusal that says what is
 * wrong with the body and where — 400 `BAD_REQUEST`, "… at line 1, column 8" — instead of
 * Fastify's bare "Body is not valid JSON".
 *
 * The rule: the body is parsed once. Only a refused body is parsed again, by `JSON.parse`, to
 * learn where it stops being JSON; the client's text is never echoed beyond one character.
 */
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors.js';

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    void parse(request, body, (error, value) => {
      done(error ? refusalOf(body) : null, value);
    });
  });
}

/** V8's `JSON.parse` messages: most give a position, the rest the unexpected character. */
const AT_POSITION = /^(.+?) (?:in JSON )?at position \d+ \(line (\d+) column (\d+)\)$/;
const UNEXPECTED_TOKEN = /^Unexpected token '(.)', /su;

function refusalOf(body: string): BadRequestError {
  if (body.length === 0) return new BadRequestError('Request body is empty but Content-Type is application/json.');
  try {
    JSON.parse(body);
  } catch (error) {
    return new BadRequestError(`Request body is not valid JSON: ${whereOf((error as Error).message)}.`);
  }
  return new BadRequestError('Request body has a "__proto__" or "constructor.prototype" key, which is refused.');
}

function whereOf(message: string): string {
  const at = AT_POSITION.exec(message);
  if (at)
    return `${(at[1] ?? '').replace(/ after JSON$/, ' after the value').toLowerCase()} at line ${at[2]}, column ${at[3]}`;
  if (message.startsWith('Unexpected end')) return 'it ends before the value does';
  const token = UNEXPECTED_TOKEN.exec(message);
  return token ? `unexpected "${token[1]}"` : 'unreadable';
}
