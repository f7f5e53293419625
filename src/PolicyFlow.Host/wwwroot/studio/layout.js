// Automatic layout with dagre: ranks left to right from Start, so no two nodes overlap and the flow reads as a sentence.
import dagre from './lib/dagre.esm.js';
import { NODE_W, NODE_H } from './designer-graph.js';

const GAP = 16;

/** Positions (top-left corners) for every activity, and bend points for the edges that need them. */
export function layout(activities, connections) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 26, ranksep: 70, edgesep: 14, marginx: 20, marginy: 20, ranker: 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(activities.map((a) => a.id));
  for (const a of activities) g.setNode(a.id, { width: NODE_W, height: NODE_H + portRoom(a, connections) });
  connections.forEach((c, i) => { if (ids.has(c.from) && ids.has(c.to)) g.setEdge(c.from, c.to, { weight: c.outcome === 'Return' ? 0 : 1 }, `e${i}`); });
  dagre.layout(g);
  const positions = new Map();
  for (const id of g.nodes()) {
    const n = g.node(id);
    positions.set(id, { x: Math.round(n.x - NODE_W / 2), y: Math.round(n.y - NODE_H / 2) });
  }
  const bends = new Map();
  connections.forEach((c, i) => {
    const e = g.edge({ v: c.from, w: c.to, name: `e${i}` });
    if (!e) return;
    const backward = positions.get(c.to).x <= positions.get(c.from).x;
    // Neighbours are joined by a plain curve; a long or backward edge follows dagre's route around the nodes.
    if (c.from === c.to) bends.set(i, selfLoop(positions.get(c.from)));
    else if (backward || e.points.length > 3) bends.set(i, e.points.slice(1, -1).map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })));
  });
  return { positions, bends };
}

// A node with several outcomes gets more room so its port labels do not touch the next node's.
// (ranksep leaves room for a label such as 配合单位 or Co-agencies to the right of its port.)
function portRoom(activity, connections) {
  const outs = new Set(connections.filter((c) => c.from === activity.id).map((c) => c.outcome)).size;
  return Math.max(0, outs - 2) * 14;
}

function selfLoop(p) {
  return [{ x: p.x + NODE_W + 24, y: p.y - 24 }, { x: p.x - 24, y: p.y - 24 }];
}

/** Whether any two boxes (x, y, width, height) intersect, gaps of less than GAP included. */
export function overlaps(boxes) {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP) return true;
    }
  }
  return false;
}
