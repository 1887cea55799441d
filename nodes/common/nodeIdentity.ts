import { NodeConnectionTypes } from 'n8n-workflow';

/** "Detect Churn Risk" -> "detectChurnRisk": a node's internal name, and the name of its icon files. */
export function nodeName(displayName: string): string {
	const [first, ...rest] = displayName.split(' ');
	return [first.toLowerCase(), ...rest].join('');
}

/**
 * What a node's display name implies and every node of the package shares: the internal name, the
 * default label on the canvas, version 1 and one main input. The icon stays written out in each class,
 * because n8n's lint checks the files it names; test/common/nodeClassLint.test.ts runs the class rules
 * over the built description, which they cannot read through this spread.
 */
export function nodeIdentity(displayName: string, group: 'transform' | 'output' = 'transform') {
	return {
		displayName,
		name: nodeName(displayName),
		group: [group],
		version: 1,
		defaults: { name: displayName },
		inputs: [NodeConnectionTypes.Main],
	};
}

/** Outputs that are all main connections, named in order: n8n's `outputs` and `outputNames` from one list. */
export function mainOutputs(names: string[]) {
	return { outputs: names.map(() => NodeConnectionTypes.Main), outputNames: names };
}
