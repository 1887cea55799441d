import { z } from 'zod';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdProbabilityAlive } from '../../models';
import { purchaseModel } from './purchase';
import { positive } from './supplied';

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): dropout can happen at any moment. */
export const paretoNbdModel = purchaseModel({
	method: 'paretoNbd',
	name: 'Pareto/NBD',
	schema: z.object({ r: positive, alpha: positive, s: positive, beta: positive }),
	fit: fitParetoNbd,
	probabilityAlive: paretoNbdProbabilityAlive,
	conditionalExpected: paretoNbdConditionalExpected,
});
