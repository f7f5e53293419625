// The PolicyFlow workflow designer: AntV X6 behind a small API Blazor calls (load, getJson, highlight, addNode,
// updateNode, removeSelected, fit, autoLayout). The graph lives here; Blazor never re-renders per node, which keeps 300-node
// flowcharts fast, and X6's virtual rendering draws only what is in view of a big one.
import {
  registerShape, outcomesOf, portItems, edgeMetadata, edgeStyle, outcomeOf, titleOf, subtitleOf,
  STATE_STYLE, DEFAULT_STYLE, NODE_W, NODE_H,
} from './designer-graph.js';
import { layout, overlaps } from './layout.js';

let x6Loading;
const designers = new Map();

function ensureX6() {
  if (window.X6) return Promise.resolve(window.X6);
  x6Loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/x6/x6.min.js';
    script.onload = () => resolve(window.X6);
    script.onerror = () => reject(new Error('x6.min.js failed to load'));
    document.head.appendChild(script);
  });
  return x6Loading;
}

export async function load(elementId, definitionJson, descriptorsJson, options, dotnet) {
  const X6 = await ensureX6();
  registerShape(X6);
  dispose(elementId);
  const container = document.getElementById(elementId);
  const definition = JSON.parse(definitionJson || '{}');
  const descriptors = Object.fromEntries(JSON.parse(descriptorsJson || '[]').map((d) => [d.type, d]));
  const readonly = !!options?.readonly;
  const labels = options?.labels ?? {};
  const outcomeLabels = options?.outcomes ?? {};
  const state = { X6, container, definition, descriptors, labels, outcomeLabels, readonly, dotnet, selected: null, counter: 0 };
  state.graph = new X6.Graph({
    container,
    autoResize: true,
    grid: { size: 10, visible: true },
    background: { color: '#fbfcfd' },
    panning: { enabled: true },
    mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
    // Virtual rendering (only cells in view are drawn) pays off for big flowcharts; it redraws 200 ms after a zoom,
    // so a measure's 15 nodes are simply all drawn.
    virtual: (definition.activities?.length ?? 0) > 150,
    interacting: readonly ? false : { nodeMovable: true, edgeMovable: false, edgeLabelMovable: false },
    connecting: {
      snap: { radius: 24 }, allowBlank: false, allowLoop: false, allowNode: false, allowEdge: false, allowPort: true,
      highlight: true,
      createEdge: () => new X6.Shape.Edge(edgeStyle()),
      validateMagnet: ({ magnet }) => !readonly && magnet.getAttribute('port-group') === 'out',
      validateConnection: ({ targetMagnet, targetView, sourceView }) =>
        !!targetMagnet && targetMagnet.getAttribute('port-group') === 'in' && targetView !== sourceView,
    },
  });
  designers.set(elementId, state);
  render(state);
  wire(state);
  fitReadable(state);
  container.setAttribute('data-loaded', 'true');
  return state.graph.getNodes().length;
}

function render(state) {
  const { definition, descriptors } = state;
  const activities = definition.activities ?? [];
  const connections = definition.connections ?? [];
  const used = new Map();
  for (const c of connections) (used.get(c.from) ?? used.set(c.from, []).get(c.from)).push(c.outcome);
  const types = new Map(activities.map((a) => [a.id, a.type]));
  const drawn = connections.filter((c) => types.has(c.from) && types.has(c.to));
  // The viewer always lays the graph out; the designer keeps the author's positions unless some are missing or overlap.
  const stored = activities.map((a) => a.position && { ...a.position, width: NODE_W, height: NODE_H });
  const auto = state.readonly || stored.some((p) => !p) || overlaps(stored) ? layout(activities, drawn) : null;
  const nodes = activities.map((a) => nodeMetadata(state, a.id, { type: a.type, name: a.name, properties: a.properties ?? {} },
    auto?.positions.get(a.id) ?? a.position, used.get(a.id)));
  const edges = drawn.map((c, i) => edgeMetadata(c.from, c.outcome, c.to, types.get(c.to) !== 'Start', auto?.bends.get(i)));
  // One model reset instead of 300 adds: a single batch, one render pass.
  state.graph.fromJSON({ nodes, edges });
}

function nodeMetadata(state, id, data, position, used) {
  const descriptor = state.descriptors[data.type];
  const label = state.labels[data.type];
  return {
    id, shape: 'pf-activity', x: position?.x ?? 40, y: position?.y ?? 40, data,
    attrs: { title: { text: titleOf(id, data, label) }, sub: { text: subtitleOf(id, data, label, state.readonly) } },
    // A Fork's '+' (name a new branch) is for authors; the viewer shows only the branches the flow has.
    ports: { items: portItems(data, outcomesOf(data, descriptor, used).filter((o) => !state.readonly || o !== '+'), state.outcomeLabels) },
  };
}

function wire(state) {
  const { graph } = state;
  graph.on('node:click', ({ node }) => select(state, node));
  graph.on('edge:click', ({ edge }) => select(state, edge));
  graph.on('blank:click', () => select(state, null));
  graph.on('edge:connected', ({ edge, isNew }) => { if (isNew) nameNewBranch(state, edge); });
  state.container.tabIndex = 0;
  state.onKey = (e) => {
    if (e.target !== state.container) return;
    if (e.key === 'Delete' || e.key === 'Backspace') { removeSelected(state.container.id); e.preventDefault(); }
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step) { selectNext(state, step); e.preventDefault(); }
  };
  state.container.addEventListener('keydown', state.onKey);
  state.onDragOver = (e) => { if (!state.readonly) e.preventDefault(); };
  state.onDrop = (e) => {
    const type = e.dataTransfer?.getData('text/x-pf-activity');
    if (!type || state.readonly) return;
    e.preventDefault();
    const p = graph.clientToLocal(e.clientX, e.clientY);
    addAt(state, type, p.x - NODE_W / 2, p.y - NODE_H / 2);
  };
  state.container.addEventListener('dragover', state.onDragOver);
  state.container.addEventListener('drop', state.onDrop);
}

// A Fork's branches are named by the flowchart: a connection from its '+' port gets the next free name.
function nameNewBranch(state, edge) {
  if (edge.getSourcePortId() !== 'out:+') return;
  const node = edge.getSourceNode();
  const taken = new Set(node.getPorts().map((p) => outcomeOf(p.id)));
  let n = 1;
  while (taken.has(`B${n}`)) n++;
  const name = `B${n}`;
  // Move the edge first: removing a port removes the edges attached to it. '+' is re-added to stay last.
  node.addPort({ id: `out:${name}`, group: 'out', attrs: { text: { text: name } } });
  edge.setSource({ cell: node.id, port: `out:${name}` });
  node.removePort('out:+');
  node.addPort({ id: 'out:+', group: 'out', attrs: { text: { text: '+' } } });
}

function select(state, cell) {
  const previous = state.selected;
  if (previous && state.graph.hasCell(previous)) {
    if (previous.isNode()) previous.attr('body/strokeWidth', 1.5); else previous.attr('line/stroke', '#7a8ca3');
  }
  state.selected = cell;
  if (cell?.isNode()) cell.attr('body/strokeWidth', 3);
  if (cell?.isEdge()) cell.attr('line/stroke', '#1f5fa8');
  const payload = cell?.isNode() ? JSON.stringify({ id: cell.id, ...cell.getData() }) : null;
  state.dotnet?.invokeMethodAsync('OnSelected', payload);
}

// Keyboard: the arrow keys walk the nodes in reading order (left to right, then top to bottom), so every node can be
// selected, edited in the properties panel and deleted without a mouse.
function selectNext(state, step) {
  const nodes = state.graph.getNodes().sort((a, b) => a.getPosition().x - b.getPosition().x || a.getPosition().y - b.getPosition().y);
  if (nodes.length === 0) return;
  const at = state.selected?.isNode() ? nodes.indexOf(state.selected) : -1;
  const next = nodes[(at + step + nodes.length) % nodes.length];
  select(state, next);
  const rect = state.container.getBoundingClientRect();
  const visible = state.graph.clientToLocal({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
  if (!visible.containsRect(next.getBBox())) state.graph.centerCell(next);
}

function addAt(state, type, x, y) {
  const descriptor = state.descriptors[type];
  const prefix = type.replace(/[^A-Za-z]/g, '').toLowerCase() || 'activity';
  let id;
  do { id = `${prefix}${++state.counter}`; } while (state.graph.hasCell(id));
  const properties = {};
  for (const p of descriptor?.properties ?? []) {
    if (!p.required) continue;
    const initial = { String: '', StringList: [], Integer: 0, Number: 0, Boolean: false }[p.type];
    if (initial !== undefined) properties[p.name] = initial;
  }
  const node = state.graph.addNode(nodeMetadata(state, id, { type, properties }, { x, y }, []));
  select(state, node);
  return id;
}

// Clicking a palette item drops the node at the first free spot in view, so it never hides another node.
export function addNode(elementId, type) {
  const state = designers.get(elementId);
  const { graph } = state;
  const rect = state.container.getBoundingClientRect();
  const center = graph.clientToLocal(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const content = graph.getContentBBox();
  const candidates = [];
  for (let row = 0; row < 4; row++) for (let col = -3; col <= 3; col++) candidates.push({ x: center.x - NODE_W / 2 + col * (NODE_W + 30), y: center.y - NODE_H / 2 + row * (NODE_H + 40) });
  candidates.push({ x: content.x + content.width + 60, y: content.y });
  const visible = graph.clientToLocal({ x: rect.left, y: rect.top, width: rect.width, height: rect.height });
  const spot = candidates.find((c, i) => i === candidates.length - 1 || (visible.containsRect({ ...c, width: NODE_W, height: NODE_H })
    && graph.getNodesInArea(c.x - 20, c.y - 30, NODE_W + 40, NODE_H + 60).length === 0));
  const id = addAt(state, type, spot.x, spot.y);
  if (!visible.containsRect({ ...spot, width: NODE_W, height: NODE_H })) graph.centerCell(graph.getCellById(id));
  return id;
}

export function updateNode(elementId, nodeId, name, propertiesJson) {
  const state = designers.get(elementId);
  const node = state.graph.getCellById(nodeId);
  if (!node) return;
  const data = { ...node.getData(), name: name || undefined, properties: JSON.parse(propertiesJson || '{}') };
  node.setData(data, { overwrite: true });
  const used = state.graph.getConnectedEdges(node, { outgoing: true }).map((e) => outcomeOf(e.getSourcePortId()));
  const wanted = portItems(data, outcomesOf(data, state.descriptors[data.type], used), state.outcomeLabels);
  const wantedIds = new Set(wanted.map((p) => p.id));
  state.graph.batchUpdate(() => {
    for (const p of node.getPorts()) if (!wantedIds.has(p.id)) node.removePort(p.id);
    for (const p of wanted) if (!node.hasPort(p.id)) node.addPort(p);
    node.attr('title/text', titleOf(nodeId, data, state.labels[data.type]));
  });
}

export function removeSelected(elementId) {
  const state = designers.get(elementId);
  if (!state?.selected || state.readonly) return;
  state.graph.removeCell(state.selected);
  state.selected = null;
  state.dotnet?.invokeMethodAsync('OnSelected', null);
}

export function getJson(elementId) {
  const { graph, definition } = designers.get(elementId);
  const activities = graph.getNodes().map((n) => {
    const d = n.getData();
    const p = n.getPosition();
    return { id: n.id, type: d.type, ...(d.name ? { name: d.name } : {}), properties: d.properties ?? {}, position: { x: Math.round(p.x), y: Math.round(p.y) } };
  });
  const connections = graph.getEdges().map((e) => ({ from: e.getSourceCellId(), outcome: outcomeOf(e.getSourcePortId()), to: e.getTargetCellId() }));
  const { activities: _a, connections: _c, ...rest } = definition;
  return JSON.stringify({ ...rest, activities, connections }, null, 2);
}

// Colours each activity by its state in a running instance; one batch, so a large graph repaints once.
export function highlight(elementId, statesJson) {
  const { graph } = designers.get(elementId);
  const states = JSON.parse(statesJson || '{}');
  graph.batchUpdate(() => {
    for (const node of graph.getNodes()) {
      const style = STATE_STYLE[states[node.id]] ?? DEFAULT_STYLE;
      node.setAttrs({ body: { fill: style.fill, stroke: style.stroke } });
      node.prop('data/state', states[node.id] ?? 'Idle', { silent: true });
    }
  });
}

// The designer's 自动布局: lays the current graph out again (nodes added since load included) and fits it in view.
export function autoLayout(elementId) {
  const state = designers.get(elementId);
  if (!state) return;
  const { graph } = state;
  const activities = graph.getNodes().map((n) => ({ id: n.id }));
  const edges = graph.getEdges();
  const connections = edges.map((e) => ({ from: e.getSourceCellId(), outcome: outcomeOf(e.getSourcePortId()), to: e.getTargetCellId() }));
  const { positions, bends } = layout(activities, connections);
  graph.batchUpdate(() => {
    for (const n of graph.getNodes()) n.setPosition(positions.get(n.id));
    edges.forEach((e, i) => {
      const vertices = bends.get(i) ?? [];
      e.setVertices(vertices);
      e.setConnector(vertices.length ? { name: 'rounded', args: { radius: 12 } } : { name: 'smooth' });
    });
  });
  fitReadable(state);
}

// Fits the graph, but never so small that its text cannot be read: a wider graph starts at Start, on the left,
// and the rest is a drag (or 适应画布) away.
function fitReadable(state, padding = 24) {
  const { graph, container } = state;
  graph.zoomToFit({ padding, maxScale: 1, minScale: 0.75 });
  const area = graph.getContentArea();
  const { sx } = graph.scale();
  if (area.width * sx + 2 * padding > container.clientWidth) graph.translate(padding - area.x * sx, graph.translate().ty);
}

export function fit(elementId) {
  designers.get(elementId)?.graph.zoomToFit({ padding: 24, maxScale: 1, minScale: 0.2 });
}

// Palette items carry data-pf-activity; dragging one hands its type to the canvas's drop handler.
document.addEventListener('dragstart', (e) => {
  const item = e.target?.closest?.('[data-pf-activity]');
  if (item) e.dataTransfer?.setData('text/x-pf-activity', item.dataset.pfActivity);
});

export function dispose(elementId) {
  const state = designers.get(elementId);
  if (!state) return;
  state.container.removeEventListener('keydown', state.onKey);
  state.container.removeEventListener('dragover', state.onDragOver);
  state.container.removeEventListener('drop', state.onDrop);
  state.graph.dispose();
  designers.delete(elementId);
}
