import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { isToolCall, readChoice, refuseInToolCall, runRouted } from '../common';
import { operationProperty } from './description';
import { assignHoldout } from './operations/assignHoldout';
import { kpiReport } from './operations/kpiReport';
import { measureUplift } from './operations/measureUplift';

type Operation = { outputs: number; run: (ctx: IExecuteFunctions) => INodeExecutionData[][] };

// A Map, not an object: a lookup by "constructor" or ["kpiReport"] finds nothing rather than a prototype's member or a coerced key.
const OPERATIONS = new Map<unknown, Operation>([
	['assignHoldout', { outputs: 2, run: assignHoldout }],
	['measureUplift', { outputs: 1, run: measureUplift }],
	['kpiReport', { outputs: 1, run: kpiReport }],
]);

export async function measureCareImpact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// The outputs as the node's outputs expression shows them (one for a value that is no operation), before the value is checked.
	const outputs = OPERATIONS.get(this.getNodeParameter('operation', 0, 'assignHoldout'))?.outputs ?? 1;
	return runRouted(this, outputs, () => {
		const name = readChoice<string>(this, operationProperty);
		if (name !== 'assignHoldout' && isToolCall(this)) {
			refuseInToolCall(
				`Operation "${name === 'kpiReport' ? 'KPI Report' : 'Measure Uplift'}"`,
				'it compares whole groups of customers (treatment against holdout, or months of a customer base)',
				'As a tool, use Operation → Assign Holdout; measure and report in a workflow over all customers.',
			);
		}
		return OPERATIONS.get(name)!.run(this);
	});
}
