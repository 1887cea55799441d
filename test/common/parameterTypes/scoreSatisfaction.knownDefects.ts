/** This node's cases in parameterTypes.node.test.ts whose fix is still due (see KNOWN_DEFECTS there). */
export const KNOWN_DEFECTS: Record<string, string> = {
	'Score Satisfaction (all metrics) › CSAT Scale From': 'message does not name the parameter',
	'Score Satisfaction (all metrics) › CSAT Scale To': 'message does not name the parameter',
	'Score Satisfaction (all metrics) › Gap Rating Scale From': 'message does not name the parameter',
	'Score Satisfaction (all metrics) › Gap Rating Scale To': 'message does not name the parameter',
	'Score Satisfaction (all metrics) › Features': 'message does not name the parameter',
	'Score Satisfaction (per customer) › CSAT Scale From': 'message does not name the parameter',
	'Score Satisfaction (per customer) › CSAT Scale To': 'message does not name the parameter',
	'Score Satisfaction (per customer) › Half-Life (Days)': 'message does not name the parameter',
	'Score Satisfaction (per customer) › Declining Drop (Index Points)': 'message does not name the parameter',
};
