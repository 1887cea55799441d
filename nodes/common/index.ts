/**
 * n8n glue shared by every node (nodes/shared/ is the domain core and imports no n8n). The whole API:
 *
 * - `runRouted(ctx, outputCount, run, failureOutput?)`: wrap execute(). A node-level error (bad
 *   parameter, failed fit) stops the node; under either Continue mode every input item leaves as an
 *   error item with the reason on `failureOutput` instead of passing through unchanged.
 * - `new ItemRouter(ctx, itemCount, outputCount, failureOutput?)`: `place(i, output, item)`,
 *   `reject(error, i | indices)` (throws without continue-on-fail, else an error item),
 *   `attempt(i, fn)`, `outputs(extra)`: every input item on exactly one output, in input order.
 * - `toNodeError(node, error, itemIndex?)`, `errorItem(node, error, itemIndices)`: NodeOperationError
 *   with "Item i: " prefix, itemIndex and a description naming the column to check.
 * - `checkOutputFieldFree(json, outputField)`: per-item error when the result field already exists.
 * - AI-agent tool calls: `isToolCall(ctx)`; ItemRouter and runRouted then put every answer, errors
 *   included, on output 0 (the only output the agent gets), ItemRouter without its extra items (the
 *   summary of a batch of one); `refuseInToolCall(what, why, instead)` for a setting that needs more
 *   than the one customer a tool call carries; `toolErrorItem`, `onFirstOutput`.
 * - Parameters are declared with `textParameter`, `numberParameter`, `booleanParameter`, `optionsParameter`
 *   and `multiOptionsParameter` (name, label, default, description, then displayOptions and the rest),
 *   so n8n's node-param lint cannot read them: test/common/descriptionLint.test.ts runs it on the result.
 * - Parameter blocks `asOfProperty`, `languageProperty`, `outputFieldProperty` (built the same way) and
 *   their readers `readAsOf`, `readLanguage`, `readOutputField`; `optionsCollection` for a node's "Add
 *   option" collection (`collectionParameter` for any other); `listParameter` and `readEntries` for a list of entries the user adds and orders
 *   (rules, owners); `readColumn(s)`, `readNumber`, `readList` for the rest, `readChoice` for an
 *   options, multi-options or boolean parameter, against the choices of its description, and `readOption`
 *   for an option of a collection (absent, or checked by its type, named "Options › X"); `checkChoice` and
 *   `checkText` check a value already read as readChoice and readTextParameter do.
 *   Every one of them reads through `batchParameter(ctx, name, fallback, naming)`: a parameter applies to
 *   the whole run, and an expression reading the item that gives the items different values is a ConfigError
 *   naming it by `naming`, its label or its description (then an option or a list entry's value that
 *   differs is named by its labels too, "Thresholds › High", "Rules › Rule 2 › Value"; so is readEntries
 *   given the list's description). `firstItemValue` and `differenceText` are its two halves, for Send Care
 *   Message's batch parameters, which word the error for a batch.
 * - The node class: `...nodeIdentity(displayName, group?)` (name, defaults, version, main input) and
 *   `...mainOutputs(names)`; the icon stays literal for n8n's lint, and test/common/nodeClassLint.test.ts
 *   runs the class rules over the built description.
 */
export * from './errors';
export * from './nodeIdentity';
export * from './outputField';
export * from './parameters';
export * from './routing';
export * from './toolCall';
