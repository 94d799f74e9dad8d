/**
 * The one way a composite expression is refused, by the parser now and by the evaluator later
 * (an unknown function name, a wrong argument: it reports them at the node's `position`).
 *
 * The rule: every refusal is a UserInputError whose message reads `at <column>: <what>` (1-based
 * column; source length + 1 is the end of input) and whose details are `{ field: 'compose', position }`,
 * as the tagsSearch and range parsers do for theirs.
 */
import { UserInputError } from '../../errors.js';

export function composeError(position: number, message: string): UserInputError {
  return new UserInputError(`at ${position}: ${message}`, { field: 'compose', position });
}
