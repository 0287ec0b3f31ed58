/*
 * The community map's layout as plain math, shared by the page's server-rendered SVG and the
 * PDF: the person in the centre, each tie in the quarter of its sphere (being, doing, becoming,
 * belonging), nearer the centre the closer it is. Stressful ties get a zigzag line, weak ones
 * a dashed line (drawn by the caller), the usual ecomap notation.
 */
export type Tie = Record<string, string>;

export const MAP_SIZE = { width: 640, height: 560 };
const CX = MAP_SIZE.width / 2;
const CY = MAP_SIZE.height / 2;
const RADIUS: Record<string, number> = { '1': 110, '2': 175, '3': 240 };
const QUARTER: Record<string, number> = { being: 180, doing: 270, becoming: 0, belonging: 90 };

export type MapNode = {
	x: number;
	y: number;
	label: string;
	tie: Tie;
	anchor: 'start' | 'middle' | 'end';
};
export type MapEdge = {
	d: string;
	quality: string;
	oneWay: boolean;
	/** Where the line ends and its direction in radians, for an arrowhead. */
	end: { x: number; y: number; angle: number };
};

function zigzag(x1: number, y1: number, x2: number, y2: number): string {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const len = Math.hypot(dx, dy) || 1;
	const nx = -dy / len;
	const ny = dx / len;
	const steps = Math.max(4, Math.round(len / 14));
	let d = `M${x1.toFixed(1)},${y1.toFixed(1)}`;
	for (let i = 1; i < steps; i++) {
		const t = i / steps;
		const off = i % 2 ? 5 : -5;
		d += ` L${(x1 + dx * t + nx * off).toFixed(1)},${(y1 + dy * t + ny * off).toFixed(1)}`;
	}
	return `${d} L${x2.toFixed(1)},${y2.toFixed(1)}`;
}

export function layoutEcomap(ties: Tie[]): { nodes: MapNode[]; edges: MapEdge[] } {
	const bySphere = new Map<string, Tie[]>();
	for (const t of ties) bySphere.set(t.sphere, [...(bySphere.get(t.sphere) ?? []), t]);
	const nodes: MapNode[] = [];
	const edges: MapEdge[] = [];
	for (const [sphere, group] of bySphere) {
		const start = QUARTER[sphere] ?? 0;
		group.forEach((tie, i) => {
			// Spread the ties of one sphere over its quarter, away from its edges.
			const angle = ((start + ((i + 0.5) / group.length) * 90) * Math.PI) / 180;
			const r = RADIUS[tie.closeness] ?? RADIUS['2'];
			const x = CX + Math.cos(angle) * r;
			const y = CY + Math.sin(angle) * r;
			const cos = Math.cos(angle);
			nodes.push({
				x,
				y,
				label: tie.name,
				tie,
				anchor: cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle'
			});
			// The line stops at the edge of both circles (centre 34, tie 10).
			const x1 = CX + Math.cos(angle) * 36;
			const y1 = CY + Math.sin(angle) * 36;
			const x2 = CX + Math.cos(angle) * (r - 12);
			const y2 = CY + Math.sin(angle) * (r - 12);
			edges.push({
				d:
					tie.quality === 'stressful'
						? zigzag(x1, y1, x2, y2)
						: `M${x1.toFixed(1)},${y1.toFixed(1)} L${x2.toFixed(1)},${y2.toFixed(1)}`,
				quality: tie.quality,
				oneWay: tie.direction === 'one',
				end: { x: x2, y: y2, angle }
			});
		});
	}
	return { nodes, edges };
}

export const SPHERE_COLOURS: Record<string, string> = {
	being: '#1b5e8c',
	doing: '#8a4b00',
	becoming: '#2e6b30',
	belonging: '#7a2d6b'
};
export const MAP_CENTRE = { x: CX, y: CY };
