import type { INodeProperties } from 'n8n-workflow';

/** Display names by parameter name, so a message about a parameter names it as the panel shows it. */
export function labelsOf(properties: INodeProperties[]): Record<string, string> {
	return Object.fromEntries(properties.map((p) => [p.name, p.displayName]));
}
