import { z } from 'zod';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdProbabilityAlive } from '../../models';
import { purchaseModel } from './purchase';
import { countParameter } from './supplied';

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): dropout can happen at any moment. */
export const paretoNbdModel = purchaseModel({
	method: 'paretoNbd',
	name: 'Pareto/NBD',
	schema: z.object({ r: countParameter, alpha: countParameter, s: countParameter, beta: countParameter }),
	fit: fitParetoNbd,
	probabilityAlive: paretoNbdProbabilityAlive,
	conditionalExpected: paretoNbdConditionalExpected,
});
