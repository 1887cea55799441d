import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { isToolCall, refuseInToolCall, runRouted } from '../common';
import { ConfigError } from '../shared/input';
import { assignHoldout } from './operations/assignHoldout';
import { kpiReport } from './operations/kpiReport';
import { measureUplift } from './operations/measureUplift';

const OPERATIONS: Record<string, { outputs: number; run: (ctx: IExecuteFunctions) => INodeExecutionData[][] }> = {
	assignHoldout: { outputs: 2, run: assignHoldout },
	measureUplift: { outputs: 1, run: measureUplift },
	kpiReport: { outputs: 1, run: kpiReport },
};

export async function measureCareImpact(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const name = this.getNodeParameter('operation', 0, 'assignHoldout') as string;
	const operation = OPERATIONS[name];
	return runRouted(this, operation?.outputs ?? 1, () => {
		if (!operation) throw new ConfigError(`Operation must be assignHoldout, measureUplift or kpiReport; got "${name}"`);
		if (name !== 'assignHoldout' && isToolCall(this)) {
			refuseInToolCall(
				`Operation "${name === 'kpiReport' ? 'KPI Report' : 'Measure Uplift'}"`,
				'it compares whole groups of customers (treatment against holdout, or months of a customer base)',
				'As a tool, use Operation → Assign Holdout; measure and report in a workflow over all customers.',
			);
		}
		return operation.run(this);
	});
}
