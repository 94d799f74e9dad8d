/**
 * The budget of a GraphQL request before graphql-js parses and validates it (a preHandler of
 * `/graphql`, after the batch size): validation runs all its rules in one visitor, so a rule
 * cannot stop a document before OverlappingFieldsCanBeMerged has compared a wide selection
 * set's fields pairwise, and parsing recurses once per level of nesting. Checked here, in
 * this order, over the operations of the request (one, or each of a batch):
 *
 * 1. one lexer pass (tokenScan.ts): the tokens of all operations together against
 *    `server.maxQueryTokens`, so a batch of ten cannot bring ten documents each just under
 *    it (the pass stops at the first token past it, so that error gives no `actual`); and each
 *    document's nesting against `limits.maxNesting`;
 *    and the fields written directly in each selection set against
 *    `limits.maxFieldsPerSelection` (a set that breaks it alone is refused unparsed);
 * 2. only then parsing, now safe, and each document's widest selection set, fragments
 *    included, against `limits.maxFieldsPerSelection` and its widest operation against
 *    `limits.maxRootFields`.
 *
 * A broken limit refuses the whole request, 400, one coded error per limit (limitError.ts),
 * with `batchIndex` in a batch. A document that passed is remembered by its hash with its token
 * count (a bounded cache, cacheLimits.ts), so the documents a client sends again and again cost
 * a hash, not a scan and a parse that Apollo's document store spares itself. The rule: nothing
 * here is superlinear in the request, and a document this check cannot read (a syntax error,
 * no `query`) is left to Apollo to report.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { boundedCache, CACHE_LIMITS } from '../../cacheLimits.js';
import type { LimitsConfig } from '../../config/schema.js';
import { limitExceeded } from './limitError.js';
import { limitErrorsResponse } from './limitResponse.js';
import { selectionFields } from './selectionFields.js';
import { tokenScan, type TokenScan } from './tokenScan.js';

export interface DocumentBudget {
  maxQueryTokens: number;
  limits: Pick<LimitsConfig, 'maxNesting' | 'maxFieldsPerSelection' | 'maxRootFields'>;
}

/** The `query` of each operation of the request, in order; undefined where there is none. */
function queriesOf(request: FastifyRequest): (string | undefined)[] {
  const queryOf = (operation: unknown): string | undefined => {
    const query = (operation as { query?: unknown } | null)?.query;
    return typeof query === 'string' ? query : undefined;
  };
  if (request.method === 'GET') return [queryOf(request.query)];
  return Array.isArray(request.body) ? request.body.map(queryOf) : [queryOf(request.body)];
}

function parsed(scan: TokenScan): DocumentNode | undefined {
  if (scan.unreadable) return undefined;
  try {
    return parse(scan.source);
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

/** Token counts of documents that passed every per-document limit, by the document's text. */
export interface PassedDocuments {
  get(query: string): number | undefined;
  set(query: string, tokens: number): void;
}

/**
 * The limits the operations break, each error tagged with its operation's index in a batch. A
 * document in `passed` is neither scanned nor parsed again: only its tokens count to the batch.
 */
export function budgetErrors(
  queries: readonly (string | undefined)[],
  budget: DocumentBudget,
  passed?: PassedDocuments,
): GraphQLError[] {
  const { maxNesting, maxFieldsPerSelection, maxRootFields } = budget.limits;
  const errors: GraphQLError[] = [];
  const scans: (TokenScan | undefined)[] = [];
  let remaining = budget.maxQueryTokens;
  for (const query of queries) {
    const known = query === undefined ? undefined : passed?.get(query);
    const scan =
      query === undefined || known !== undefined ? undefined : tokenScan(query, { maxNesting, maxTokens: remaining });
    scans.push(scan);
    remaining -= known ?? scan?.tokens ?? 0;
    if (scan?.overBudget || remaining < 0) {
      // Counting the rest would cost what the limit is there to save: the error says "exceeds".
      errors.push(limitExceeded('maxQueryTokens', budget.maxQueryTokens));
      break;
    }
  }
  const deep = scans.findIndex((scan) => scan?.pastLimitAt !== undefined);
  const deepScan = scans[deep];
  if (deepScan?.pastLimitAt !== undefined) {
    const site = { source: deepScan.source, position: deepScan.pastLimitAt };
    errors.push(inBatch(limitExceeded('maxNesting', maxNesting, deepScan.nesting, site), deep, queries));
  }
  const wideScan = scans.findIndex((scan) => scan && scan.widestDirect > maxFieldsPerSelection);
  const widest = scans[wideScan];
  if (widest && errors.length === 0) {
    const site = { source: widest.source, position: widest.widestDirectAt };
    const error = limitExceeded('maxFieldsPerSelection', maxFieldsPerSelection, widest.widestDirect, site);
    errors.push(inBatch(error, wideScan, queries));
  }
  if (errors.length > 0) return errors;

  let wide: GraphQLError | undefined;
  let rooted: GraphQLError | undefined;
  for (const [index, scan] of scans.entries()) {
    const document = scan && parsed(scan);
    if (!document) continue;
    const { widestSelection, widestOperation } = selectionFields(document);
    if (!wide && widestSelection && widestSelection.fields > maxFieldsPerSelection) {
      const error = limitExceeded(
        'maxFieldsPerSelection',
        maxFieldsPerSelection,
        widestSelection.fields,
        widestSelection.node,
      );
      wide = inBatch(error, index, queries);
    }
    if (!rooted && widestOperation && widestOperation.fields > maxRootFields) {
      const error = limitExceeded('maxRootFields', maxRootFields, widestOperation.fields, widestOperation.node);
      rooted = inBatch(error, index, queries);
    }
  }
  if (!wide && !rooted) {
    for (const scan of scans) if (scan && !scan.unreadable) passed?.set(scan.source.body, scan.tokens);
  }
  return [wide, rooted].filter((error) => error !== undefined);
}

function inBatch(error: GraphQLError, index: number, queries: readonly unknown[]): GraphQLError {
  if (queries.length > 1) Object.assign(error.extensions, { batchIndex: index });
  return error;
}

export function documentBudget(budget: DocumentBudget) {
  // Clients send the same few documents over and over: those that passed are not read again.
  const hashes = boundedCache<string, number>(CACHE_LIMITS.passedDocuments);
  return async function checkDocumentBudget(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    if (request.method !== 'GET' && request.method !== 'POST') return;
    // Each document is hashed once per request: looked up first, remembered after it passed.
    const hashed = new Map<string, string>();
    const hashOf = (query: string): string => {
      let hash = hashed.get(query);
      if (hash === undefined) {
        hash = createHash('sha256').update(query).digest('base64');
        hashed.set(query, hash);
      }
      return hash;
    };
    const passed: PassedDocuments = {
      get: (query) => hashes.get(hashOf(query)),
      set: (query, tokens) => hashes.set(hashOf(query), tokens),
    };
    const errors = budgetErrors(queriesOf(request), budget, passed);
    if (errors.length === 0) return;
    return reply.code(400).send(limitErrorsResponse(request, errors));
  };
}
