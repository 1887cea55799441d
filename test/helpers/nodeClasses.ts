import { resolve } from 'path';
import type { INodeType } from 'n8n-workflow';
import packageJson from '../../package.json';

const ROOT = resolve(__dirname, '..', '..');

/**
 * Every node the package registers in package.json's `n8n.nodes`, loaded from its TypeScript source,
 * so the harness sees exactly the nodes n8n will load from dist/.
 */
export const nodeClasses: Array<new () => INodeType> = packageJson.n8n.nodes.map((distPath: string) => {
	const source = resolve(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(source) as Record<string, new () => INodeType>;
	const NodeClass = Object.values(exports).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${source} exports no node class`);
	return NodeClass;
});
