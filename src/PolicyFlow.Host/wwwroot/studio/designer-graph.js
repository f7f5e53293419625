// Shapes and ports for the PolicyFlow designer. Kept apart from designer.js so the API stays readable.
// The flow reads left to right: a node's input on its left edge, its outcomes down its right edge.
export const NODE_W = 164;
export const NODE_H = 52;
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';

// Activity state colours in the instance viewer: Completed green, Waiting amber, Faulted red.
export const STATE_STYLE = {
  Completed: { fill: '#e8f5e9', stroke: '#2e7d32' },
  Waiting: { fill: '#fff4e0', stroke: '#e08a00' },
  Running: { fill: '#fff4e0', stroke: '#e08a00' },
  Faulted: { fill: '#fdecea', stroke: '#c62828' },
};
export const DEFAULT_STYLE = { fill: '#ffffff', stroke: '#1f5fa8' };

let registered = false;

export function registerShape(X6) {
  if (registered) return;
  registered = true;
  X6.Graph.registerNode('pf-activity', {
    inherit: 'rect',
    width: NODE_W,
    height: NODE_H,
    markup: [
      { tagName: 'rect', selector: 'body' },
      { tagName: 'text', selector: 'title' },
      { tagName: 'text', selector: 'sub' },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: DEFAULT_STYLE.fill, stroke: DEFAULT_STYLE.stroke, strokeWidth: 1.5 },
      title: { refX: 0.5, refY: 19, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 13, fontWeight: 600, fill: '#1d2733', fontFamily: FONT },
      sub: { refX: 0.5, refY: 37, textAnchor: 'middle', textVerticalAnchor: 'middle', fontSize: 11, fill: '#5b6b7f', fontFamily: FONT },
    },
    ports: {
      groups: {
        in: { position: 'left', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#1f5fa8', fill: '#fff', strokeWidth: 1.5 } } },
        out: {
          position: 'right',
          // Above the port, so the label never sits on the edge leaving it.
          label: { position: { name: 'right', args: { x: 4, y: -9 } } },
          attrs: { circle: { r: 5, magnet: true, stroke: '#1f5fa8', fill: '#1f5fa8', strokeWidth: 1.5, cursor: 'crosshair' }, text: { fontSize: 10, fill: '#5b6b7f', fontFamily: FONT } },
        },
      },
    },
  }, true);
}

export const outcomeOf = (portId) => (portId || '').startsWith('out:') ? portId.slice(4) : (portId || 'Done');

const truncate = (text, max) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

// label: the activity type in the user's language, sent by the Studio with the descriptors.
export function titleOf(id, data, label) {
  const title = data.name || data.properties?.title || label || id;
  return truncate(String(title), 13);
}

// The designer shows the id an author connects and validates by; the viewer only what the step is.
export function subtitleOf(id, data, label, readonly) {
  return truncate(readonly ? (label || data.type) : `${label || data.type} · ${id}`, 24);
}

// The outcomes a node offers as ports: its own list (HumanTask.outcomes), the type's, or — for a Fork,
// whose outcomes the flowchart names — those already used plus a '+' port that names a new branch.
export function outcomesOf(data, descriptor, used) {
  let list;
  const own = data.properties?.outcomes;
  if (Array.isArray(own) && own.length > 0 && descriptor?.properties?.some((p) => p.name === 'outcomes')) list = own.map(String);
  else list = descriptor ? [...descriptor.outcomes] : ['Done'];
  for (const o of used || []) if (!list.includes(o)) list.push(o);
  if (descriptor?.anyOutcome) list.push('+');
  return list;
}

// outcomeLabels: outcome → its name in the user's language (Done → 完成); the port id keeps the stored name.
export function portItems(data, outcomes, outcomeLabels) {
  const items = data.type === 'Start' ? [] : [{ id: 'in', group: 'in' }];
  for (const o of outcomes) items.push({ id: `out:${o}`, group: 'out', attrs: { text: { text: outcomeLabels?.[o] ?? o } } });
  return items;
}

export const edgeStyle = () => ({
  attrs: { line: { stroke: '#7a8ca3', strokeWidth: 1.5, targetMarker: { name: 'block', width: 8, height: 6 } } },
  connector: { name: 'smooth' },
  zIndex: 0,
});

// vertices: the bend points of an edge the layout routes around other nodes (a long or backward one).
export function edgeMetadata(from, outcome, to, hasInPort, vertices) {
  return {
    shape: 'edge',
    source: { cell: from, port: `out:${outcome}` },
    target: hasInPort ? { cell: to, port: 'in' } : { cell: to },
    ...edgeStyle(),
    ...(vertices?.length ? { vertices, connector: { name: 'rounded', args: { radius: 12 } } } : {}),
  };
}
